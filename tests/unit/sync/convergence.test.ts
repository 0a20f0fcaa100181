// @vitest-environment node
/**
 * Property: devices editing, deleting and going offline at random, syncing through a real
 * CouchDB-protocol server, converge to one state that keeps every edit except those a later
 * edit of the same field replaced (and notes keep concurrent texts as conflict copies).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addHighlight, deleteHighlight, saveArticle, undeleteHighlight, updateHighlight } from '@/lib/db/library';
import type { ArticleRecord, HighlightRecord } from '@/lib/contracts/records';
import { applyImport } from '@/lib/library/import-apply';
import { parseImport } from '@/lib/library/import-parse';
import { exportLibraryJson } from '@/lib/library/json-export';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { makeDevice, type Device } from './support/devices';
import { EditLog, snapshot } from './support/library-model';

let server: CouchServer;
let runs = 0;
/** Edits, deletes and offline periods across every run of both properties. */
let actions = 0;

beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => {
  await server.close();
  // The issue asks for at least 1,000 in total; make sure the sizes below keep it so.
  expect(actions).toBeGreaterThanOrEqual(1_000);
});

type Step =
  | { op: 'edit'; device: number; record: number; field: 'colour' | 'note' | 'tags'; value: number }
  | { op: 'delete' | 'undelete'; device: number; record: number }
  | { op: 'create'; device: number }
  | { op: 'sync'; device: number }
  | { op: 'offline'; device: number };

const COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

function steps(devices: number, length: number): fc.Arbitrary<Step[]> {
  const device = fc.nat(devices - 1);
  const record = fc.nat(7);
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 8, arbitrary: fc.record({ op: fc.constant('edit' as const), device, record, field: fc.constantFrom('colour' as const, 'note' as const, 'tags' as const), value: fc.nat(999) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('delete' as const, 'undelete' as const), device, record }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('create' as const), device }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('sync' as const), device }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('offline' as const), device }) },
  );
  return fc.array(step, { minLength: length, maxLength: length });
}

/**
 * How the first records came to be: made in the extension, imported from a file written without
 * per-field clocks (`"clocks": {}`), or stored that way on every device by an import from before
 * imports filled the clocks.
 */
type Origin = 'made' | 'imported' | 'unclocked';

async function play(deviceCount: number, script: Step[], origins: Origin[] = ['made', 'made', 'made']): Promise<void> {
  const target = { serverUrl: server.url, database: `converge-${++runs}`, auth: { kind: 'none' } as const };
  const devices: Device[] = Array.from({ length: deviceCount }, () => makeDevice(target, { batchSize: 7 }));
  const offline = new Set<number>();
  const log = new EditLog();
  try {
    const article = await saveArticle(devices[0]!.db, { url: `https://news.example/${runs}`, title: 'T', text: 'Acme bought Beta.' });
    const ids: string[] = [];
    const create = async (d: Device): Promise<void> => {
      const made = await addHighlight(d.db, { articleId: article.id, colour: 'yellow', selectors: [{ type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' }], note: '' });
      log.record(undefined, made);
      ids.push(made.id);
    };
    for (const d of devices) await d.sync();
    const stored = (await devices[0]!.db.articles.get(article.id))!;
    for (const [i, origin] of origins.entries()) {
      if (origin === 'made') await create(devices[0]!);
      else ids.push(await clockless(origin, devices, i % deviceCount, stored, `${runs}-${i}`));
    }
    for (const d of devices) await d.sync();
    for (const step of script) {
      const d = devices[step.device]!;
      if (step.op === 'sync') {
        if (!offline.has(step.device)) await d.sync();
        continue;
      }
      actions++;
      if (step.op === 'offline') offline.has(step.device) ? offline.delete(step.device) : offline.add(step.device);
      else if (step.op === 'create') await create(d);
      else await edit(d, ids[step.record % ids.length]!, step, log);
    }
    // Everyone back online; two rounds bring every device every other device's last push.
    for (let round = 0; round < 2; round++) for (const d of devices) await d.sync();
    const first = await snapshot(devices[0]!);
    for (const d of devices.slice(1)) expect(await snapshot(d)).toEqual(first);
    await log.check(devices[0]!);
    for (const d of devices) expect(await d.store.countOutgoing()).toBe(0);
  } finally {
    for (const d of devices) d.close();
  }
}

/** A highlight with an `updatedAt` and no per-field clocks, imported on one device or stored as such on all. */
async function clockless(origin: Exclude<Origin, 'made'>, devices: Device[], importer: number, article: ArticleRecord, id: string): Promise<string> {
  const highlight: HighlightRecord = {
    id: `old-${id}`, articleId: article.id, colour: 'pink', note: 'written before clocks', tags: ['old'], quote: 'Acme',
    selectors: [{ type: 'TextQuoteSelector', exact: 'Acme', prefix: '', suffix: '' }], createdAt: 1_600_000_000_000,
    updatedAt: '1600000000000-00000-oldexport', deleted: false, clocks: {},
  };
  if (origin === 'imported') await applyImport(devices[importer]!.db, parseImport(exportLibraryJson([article], [highlight])));
  else for (const d of devices) await d.db.highlights.put(highlight);
  return highlight.id;
}

async function edit(d: Device, id: string, step: Exclude<Step, { op: 'create' | 'sync' | 'offline' }>, log: EditLog): Promise<void> {
  const before = (await d.db.highlights.get(id)) as HighlightRecord | undefined;
  if (!before) return; // Made on a device that has not synced yet: this one cannot see it.
  log.record(before, await change(d, id, step));
}

function change(d: Device, id: string, step: Exclude<Step, { op: 'create' | 'sync' | 'offline' }>): Promise<HighlightRecord> {
  if (step.op !== 'edit') return step.op === 'delete' ? deleteHighlight(d.db, id) : undeleteHighlight(d.db, id);
  if (step.field === 'colour') return updateHighlight(d.db, id, { colour: COLOURS[step.value % COLOURS.length]! });
  if (step.field === 'tags') return updateHighlight(d.db, id, { tags: [`t${step.value % 7}`] });
  return updateHighlight(d.db, id, { note: `note ${step.value} from ${d.name}` });
}

// Dozens of syncs over a real server per run: a loaded machine (CI, or 2 cores shared by several runs) needs more than the default minute.
describe('devices syncing through a real server converge and lose no edit', { timeout: 180_000 }, () => {
  test('two devices', async () => {
    await fc.assert(fc.asyncProperty(steps(2, 70), (script) => play(2, script)), { numRuns: 12 });
  });

  test('three devices', async () => {
    await fc.assert(fc.asyncProperty(steps(3, 90), (script) => play(3, script)), { numRuns: 9 });
  });

  test('three devices, with records imported without clocks', async () => {
    const origins = fc.array(fc.constantFrom<Origin>('made', 'imported', 'unclocked'), { minLength: 3, maxLength: 3 });
    await fc.assert(fc.asyncProperty(steps(3, 80), origins, (script, from) => play(3, script, from)), { numRuns: 8 });
  });
});
