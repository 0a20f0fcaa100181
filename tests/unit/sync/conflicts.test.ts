// @vitest-environment node
/**
 * The reader settles a note conflict (issue 26, item 2, the part below the UI): after concurrent
 * edits on two devices, one device keeps the shown text, the copy's, or both as two paragraphs;
 * the choice syncs, and no device keeps the copy afterwards.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addHighlight, saveArticle, updateArticle, updateHighlight } from '@/lib/db/library';
import { listConflictedRecords, listNoteConflicts, resolveNoteConflict } from '@/lib/sync/service';
import type { NoteChoice } from '@/lib/contracts/sync';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { makeDevice, type Device } from './support/devices';

let server: CouchServer;
let runs = 0;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(() => server.close());

async function settle(a: Device, b: Device): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await a.sync();
    await b.sync();
  }
}

const sortByKind = <T extends { kind: string }>(list: T[]): T[] => [...list].sort((x, y) => x.kind.localeCompare(y.kind));

const expected: Record<NoteChoice, (shown: string, copy: string) => string> = {
  shown: (shown) => shown,
  copy: (_, copy) => copy,
  both: (shown, copy) => `${shown}\n\n${copy}`,
};

for (const keep of ['shown', 'copy', 'both'] as const) {
  test(`keeping ${keep}: the note every device shows, and no copy left anywhere`, async () => {
    const target = { serverUrl: server.url, database: `conflicts-${++runs}`, auth: { kind: 'none' } as const };
    const a = makeDevice(target);
    const b = makeDevice(target);
    const article = await saveArticle(a.db, { url: `https://news.example/conflict-${runs}`, title: 'T', text: 'Acme bought Beta.' });
    const made = await addHighlight(a.db, { articleId: article.id, colour: 'yellow', selectors: [{ type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' }], note: 'first' });
    await settle(a, b);
    // Both edit offline; b's edit is the later one.
    const t = Date.now();
    await updateHighlight(a.db, made.id, { note: 'Ü from a 漢字' }, t);
    await updateHighlight(b.db, made.id, { note: 'from b 🙂' }, t + 1_000);
    await updateArticle(a.db, article.id, { note: 'article note from a' }, t);
    await updateArticle(b.db, article.id, { note: 'article note from b' }, t + 1_000);
    await settle(a, b);
    for (const device of [a, b]) {
      expect((await device.db.highlights.get(made.id))?.note).toBe('from b 🙂');
      expect((await listNoteConflicts(device.db, 'highlight', made.id)).map((c) => c.text)).toEqual(['Ü from a 漢字']);
    }
    const marked = [{ kind: 'article', id: article.id }, { kind: 'highlight', id: made.id }];
    for (const device of [a, b]) expect(sortByKind(await listConflictedRecords(device.db))).toEqual(marked);
    const [copy] = await listNoteConflicts(a.db, 'highlight', made.id);
    expect(await resolveNoteConflict(a.db, 'highlight', made.id, copy!, keep)).toEqual([]);
    const [articleCopy] = await listNoteConflicts(b.db, 'article', article.id);
    expect(articleCopy?.text).toBe('article note from a');
    expect(await resolveNoteConflict(b.db, 'article', article.id, articleCopy!, keep)).toEqual([]);
    await settle(a, b);
    for (const device of [a, b]) {
      expect((await device.db.highlights.get(made.id))?.note, device.name).toBe(expected[keep]('from b 🙂', 'Ü from a 漢字'));
      expect(await listNoteConflicts(device.db, 'highlight', made.id), device.name).toEqual([]);
      expect((await device.db.articles.get(article.id))?.note, device.name).toBe(expected[keep]('article note from b', 'article note from a'));
      expect(await listNoteConflicts(device.db, 'article', article.id), device.name).toEqual([]);
      expect(await device.store.countOutgoing()).toBe(0);
      expect(await listConflictedRecords(device.db)).toEqual([]);
    }
    a.close();
    b.close();
  });
}
