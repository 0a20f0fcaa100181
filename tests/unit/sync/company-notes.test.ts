// @vitest-environment node
/** Company notes travel like every other record: through a real CouchDB-compatible server on 127.0.0.1. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { getCompanyNote, saveCompanyNote } from '@/lib/db/company-notes';
import { makeDevice } from './support/devices';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(() => server.close());

const target = (database: string) => ({ serverUrl: server.url, database, auth: { kind: 'none' } as const });

test("a note on a company written on one device arrives on another, and its edit comes back", async () => {
  const a = makeDevice(target('company-notes'));
  const b = makeDevice(target('company-notes'));
  await saveCompanyNote(a.db, { companyId: 'nordwind-energy', companyName: 'Nordwind Energy', note: 'Watch the Baltic Grid deal' });
  expect((await a.sync()).pushed).toBe(1);
  await b.sync();
  expect(await getCompanyNote(b.db, 'nordwind-energy')).toMatchObject({ companyName: 'Nordwind Energy', note: 'Watch the Baltic Grid deal' });

  await saveCompanyNote(b.db, { companyId: 'nordwind-energy', companyName: 'Nordwind Energy', note: 'Deal closed in March' });
  await b.sync();
  await a.sync();
  expect((await getCompanyNote(a.db, 'nordwind-energy'))?.note).toBe('Deal closed in March');
});

test('notes written on the same company on two devices at once are both kept: one shown, the other a copy to look at', async () => {
  const a = makeDevice(target('company-notes-both'));
  const b = makeDevice(target('company-notes-both'));
  await saveCompanyNote(a.db, { companyId: 'apple', companyName: 'Apple', note: 'from the laptop' });
  await saveCompanyNote(b.db, { companyId: 'apple', companyName: 'Apple', note: 'from the phone' });
  await a.sync();
  await b.sync();
  await a.sync();
  const shownA = (await getCompanyNote(a.db, 'apple'))!.note;
  const shownB = (await getCompanyNote(b.db, 'apple'))!.note;
  expect(shownA).toBe(shownB);
  const kept = (await b.db.syncRecords.get('companyNote:apple'))!.texts.note!.versions.map((v) => v.t);
  expect(kept.sort()).toEqual(['from the laptop', 'from the phone']);
});
