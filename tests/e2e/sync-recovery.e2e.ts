/**
 * Sync that survives its server, end to end (issue 26, "How good"). Three real browser profiles
 * with the built extension — Chromium, Firefox ESR, and a second Chromium that joins when the
 * server has lost its data — and a CouchDB-protocol server in a child process that keeps its
 * data in a directory, so `kill -9` and a restart are real (tests/support/couch-disk-server.ts).
 * The scenarios run in sequence on one server and one library of a few dozen records (notes
 * with quotes, markup, ü, 漢字 and emoji):
 * 1. the server killed during an upload: once after saving the batch but before answering, once
 *    before saving it;
 * 2. a highlight's note and a company note edited on two profiles at once: marked in the popup,
 *    the library and the company's dossier, compared, settled, and the choices synced;
 * 3. a highlight deleted on one profile and edited later on the other: back on both, marked as
 *    such on each, and kept;
 * 4. records imported without clocks: a note edit on one profile and a later colour change on
 *    the importing one both survive;
 * 5. the server restarted on an empty data directory, a third profile creating the database
 *    anew: refilled, and each reader told once;
 * 6. the server restored from an older copy of its data directory: refilled, nothing reverted.
 * After each, every record on every profile and on the server is compared field by field
 * (`expectEverywhere`): every record the test made is there, once, with the same fields; and
 * each conflict the background knows of is checked on screen, as text a reader sees.
 *
 * The test starts every sync run itself: before and after each it clears the extension's
 * pending alarms (the run soon after an edit, the periodic one, the retry after a failure), so
 * no background run slips in between two steps (an edit "offline", a notice about to be read).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCouchDiskServer, type CouchDiskServer, type HoldPoint } from '../support/couch-disk-server';
import { bodyOf, type ShownRecord } from '../../lib/sync/record-body';
import type { ArticleRecord, HighlightRecord } from '../../lib/contracts/records';
import { DEFAULT_SYNC_SETTINGS, type ConflictMark, type SyncStatus, type TextRegister } from '../../lib/contracts/sync';
import { exportLibraryJson } from '../../lib/library/json-export';
import { send, waitFor } from './support/extension-ui';
import { chromiumReader, clickOn, expectOnScreen, firefoxReader, scrollToWithWheel, shoot, type ReaderPage, type ReaderSession } from './support/reader';

const DATABASE = 'newsmark-recovery';
const root = mkdtempSync(join(tmpdir(), 'newsmark-recovery-'));
const BACKUP = join(root, 'backup');
let server: CouchDiskServer;

interface Device {
  name: string;
  ui: ReaderSession;
  /** The options page, kept open: messages go through it, and its sync line is read from it. */
  console: ReaderPage;
}
let chromium: Device;
let firefox: Device;
let joiner: Device;
/** Every record the test made, as `kind:id`: each must be on every profile and on the server, once. */
const made = new Set<string>();
const opened: ReaderPage[] = [];

async function device(name: string, ui: ReaderSession): Promise<Device> {
  return { name, ui, console: await ui.openExtensionPage('options.html') };
}

beforeAll(async () => {
  server = await startCouchDiskServer(join(root, 'data'));
  const [a, b, c] = await Promise.all([chromiumReader(), firefoxReader(), chromiumReader()]);
  [chromium, firefox, joiner] = await Promise.all([device('chromium', a), device('firefox', b), device('chromium-2', c)]);
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close().catch(() => undefined)));
});
afterAll(async () => {
  await Promise.all([chromium, firefox, joiner].map((d) => d?.ui.close()));
  await server?.kill();
  rmSync(root, { recursive: true, force: true });
});

async function open(d: Device, path: string): Promise<ReaderPage> {
  const page = await d.ui.openExtensionPage(path);
  opened.push(page);
  return page;
}

/** Clears the extension's pending alarms: the test, not a timer, decides when a profile syncs. */
async function quiet(d: Device): Promise<void> {
  await d.console.evaluate(async () => {
    const g = globalThis as unknown as { browser?: { alarms: { clearAll(): Promise<unknown> } }; chrome: { alarms: { clearAll(): Promise<unknown> } } };
    await (g.browser ?? g.chrome).alarms.clearAll();
  });
}

/** One run on `d`, as "Sync now" starts it; `ok` says whether it must end without an error. */
async function runSync(d: Device, ok = true): Promise<SyncStatus> {
  await quiet(d);
  const status = await send<SyncStatus>(d.console, 'syncNow', {});
  await quiet(d);
  if (ok) expect(status.lastError, `${d.name}: ${status.lastError?.message}`).toBeNull();
  return status;
}

/** Each profile syncs, then all but the last again: every change made anywhere has reached everyone. */
async function settle(devices: Device[]): Promise<void> {
  for (const d of [...devices, ...devices.slice(0, -1)]) await runSync(d);
}

async function joinSync(d: Device): Promise<SyncStatus> {
  const status = await send<SyncStatus>(d.console, 'saveSyncSettings', { ...DEFAULT_SYNC_SETTINGS, enabled: true, serverUrl: server.url, database: DATABASE });
  await quiet(d);
  return status;
}

// ---- What a profile holds, and the comparison ----

interface Holdings {
  records: Map<string, ShownRecord>;
  texts: Map<string, Record<string, TextRegister>>;
}

/** Every synced record the profile's library holds, read from its IndexedDB by an extension page. */
async function holdings(d: Device): Promise<Holdings> {
  const raw = await d.console.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('newsmark');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    try {
      return { article: await all('articles'), highlight: await all('highlights'), companyNote: await all('companyNotes'), rows: await all('syncRecords') };
    } finally {
      db.close();
    }
  });
  const records = new Map<string, ShownRecord>();
  for (const kind of ['article', 'highlight', 'companyNote'] as const) for (const r of raw[kind] as ShownRecord[]) records.set(`${kind}:${r.id}`, r);
  const texts = new Map((raw.rows as Array<{ key: string; texts: Record<string, TextRegister> }>).map((row) => [row.key, row.texts]));
  return { records, texts };
}

interface ServerDoc {
  _id: string;
  _conflicts?: string[];
  kind: string;
  fields: unknown;
  texts: unknown;
}

async function serverDocs(): Promise<ServerDoc[]> {
  const response = await fetch(`${server.url}/${DATABASE}/_all_docs?include_docs=true&conflicts=true`);
  expect(response.status).toBe(200);
  const rows = ((await response.json()) as { rows: Array<{ id: string; doc: ServerDoc }> }).rows;
  return rows.filter((row) => row.id.includes(':')).map((row) => row.doc);
}

/**
 * Every profile holds exactly the records the test made, each with the same fields as on the
 * first profile; the server holds one document per record, without CouchDB conflicts, whose
 * fields and note versions are the record's. Answers the records and each profile's conflict marks.
 */
async function expectEverywhere(devices: Device[]): Promise<{ records: Map<string, ShownRecord>; marks: ConflictMark[][] }> {
  const all = await Promise.all(devices.map(holdings));
  const first = all[0]!;
  const keys = [...made].sort();
  for (const [i, held] of all.entries()) {
    const name = devices[i]!.name;
    expect([...held.records.keys()].sort(), `${name}: records`).toEqual(keys);
    for (const [key, record] of first.records) expect(held.records.get(key), `${name} ${key}`).toEqual(record);
    for (const key of keys) expect(held.texts.get(key), `${name} ${key} note versions`).toEqual(first.texts.get(key));
  }
  const docs = await serverDocs();
  expect(docs.map((doc) => doc._id).sort(), 'server: one document per record').toEqual(keys);
  for (const doc of docs) {
    expect(doc._conflicts, `server ${doc._id}`).toBeUndefined();
    const body = bodyOf(doc.kind, first.records.get(doc._id)!, first.texts.get(doc._id) ?? {});
    expect(doc.fields, `server ${doc._id} fields`).toEqual(body.fields);
    expect(doc.texts, `server ${doc._id} texts`).toEqual(body.texts);
  }
  const marks = await Promise.all(devices.map((d) => send<ConflictMark[]>(d.console, 'listConflictedRecords', {})));
  return { records: first.records, marks };
}

// ---- Making records ----

const SENTENCES = [
  'Nordwind Energy agreed to buy Baltic Grid for €2.4 billion on Monday.',
  'Analysts said the price was steep.',
  'The deal needs approval from regulators in Brussels.',
  'Baltic Grid runs 4,000 km of lines.',
  'Shares in Nordwind rose 3% in Frankfurt.',
  'A spokesperson declined to comment.',
  'The company said it “expects savings of €120 million”.',
  'Sales reached ¥3.2 billion in Tokyo.',
];
const TEXT = SENTENCES.join(' ');
const note = (who: string, i: number) => `${who} ${i}: “quoted” <b>markup</b>, ü, 漢字 and 🙂`;
const quote = (exact: string) => [{ type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }];

interface Article {
  id: string;
  url: string;
  highlights: string[];
}

/** The company the first article names: its dossier carries the reader's note on it. */
const COMPANY = { id: 'nordwind-energy', name: 'Nordwind Energy' };
const NAMED = [{ type: 'company', start: 0, end: COMPANY.name.length, text: COMPANY.name, id: COMPANY.id, name: COMPANY.name }];

async function saveArticle(d: Device, slug: string, title: string, highlightCount: number, entities: unknown[] = []): Promise<Article> {
  const url = `https://news.example/recovery/${slug}`;
  const article = await send<ArticleRecord>(d.console, 'saveArticle', { url, title, text: TEXT, entities });
  made.add(`article:${article.id}`);
  const highlights: string[] = [];
  for (let i = 0; i < highlightCount; i++) highlights.push(await addHighlight(d, article.id, i, note(`${d.name} ${slug}`, i)));
  return { id: article.id, url, highlights };
}

async function addHighlight(d: Device, articleId: string, i: number, text: string): Promise<string> {
  const h = await send<HighlightRecord>(d.console, 'addHighlight', { articleId, colour: 'yellow', selectors: quote(SENTENCES[i % SENTENCES.length]!), note: text });
  made.add(`highlight:${h.id}`);
  return h.id;
}

// ---- What the reader sees ----

const inHighlight = (id: string, testId: string) => `[data-testid="highlight"][data-id="${id}"] [data-testid="${testId}"]`;

/** The library, with the article's highlights all listed (the reader's "All N highlights" click where the entry shows only some). */
async function libraryAt(d: Device, articleId: string, highlightId: string): Promise<ReaderPage> {
  const page = await open(d, 'library.html');
  const entry = `[data-testid="library-entry"][data-id="${articleId}"]`;
  await waitFor(page, (selector: string) => !!document.querySelector(selector), entry, 15_000);
  if (await page.evaluate((selector: string) => !!document.querySelector(selector), `${entry} [data-testid="all-highlights"]`)) {
    await scrollToWithWheel(page, `${entry} [data-testid="all-highlights"]`);
    await clickOn(page, `${entry} [data-testid="all-highlights"]`);
  }
  await waitFor(page, (selector: string) => !!document.querySelector(selector), `[data-testid="highlight"][data-id="${highlightId}"]`);
  return page;
}

async function popupAt(d: Device, url: string, highlightId: string): Promise<ReaderPage> {
  const page = await open(d, `popup.html?url=${encodeURIComponent(url)}`);
  await waitFor(page, (selector: string) => !!document.querySelector(selector), `[data-testid="highlight"][data-id="${highlightId}"]`, 15_000);
  return page;
}

/** Waits for the element, brings it into view with the wheel, and answers its text as drawn on screen. */
async function seen(page: ReaderPage, selector: string): Promise<string> {
  await waitFor(page, (s: string) => !!document.querySelector(s), selector, 15_000);
  await scrollToWithWheel(page, selector);
  return (await expectOnScreen(page, selector)).text;
}

/** The sync line on the profile's options page, once it shows `state`. */
async function syncLine(d: Device, state: string): Promise<string> {
  await waitFor(d.console, (s: string) => document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-state') === s, state);
  return seen(d.console, '[data-testid="sync-status"]');
}

const IN_DOSSIER = 'main.dossier [data-testid="note-conflict"]';

async function dossier(d: Device, companyId: string): Promise<ReaderPage> {
  const page = await open(d, `dossier.html?company=${encodeURIComponent(companyId)}`);
  await waitFor(page, () => !!document.querySelector('[data-testid="company-note"]'), undefined, 15_000);
  return page;
}

/** Every conflict the background reports for `d` is marked on screen, where the record is shown, in the words a reader reads. */
async function expectMarksOnScreen(d: Device, marks: ConflictMark[], records: Map<string, ShownRecord>): Promise<void> {
  for (const mark of marks) {
    expect(mark.kind, `${d.name}: no article note conflicts are made here`).not.toBe('article');
    if (mark.kind === 'companyNote') {
      const page = await dossier(d, mark.id);
      expect(await seen(page, IN_DOSSIER)).toBe('Edited on two devices: compare');
      await page.close();
      continue;
    }
    const articleId = (records.get(`highlight:${mark.id}`) as unknown as HighlightRecord).articleId;
    const page = await libraryAt(d, articleId, mark.id);
    if (mark.note) expect(await seen(page, inHighlight(mark.id, 'note-conflict'))).toBe('Edited on two devices: compare');
    if (mark.revived) expect(await seen(page, inHighlight(mark.id, 'revived-mark'))).toContain(mark.revived === 'here' ? 'Deleted here; edited on another device' : 'Deleted on another device; edited here');
    await page.close();
  }
}

const byRecord = (marks: ConflictMark[]) => [...marks].sort((a, b) => `${a.kind}:${a.id}`.localeCompare(`${b.kind}:${b.id}`));

// ---- The scenarios ----

let first: Article;
let second: Article;

describe('sync recovery: three browser profiles and a server that is killed, emptied and restored', () => {
  it('two profiles fill the server', async () => {
    await joinSync(chromium);
    await joinSync(firefox);
    first = await saveArticle(chromium, 'nordwind', 'Nordwind buys Baltic Grid', 10, NAMED);
    second = await saveArticle(firefox, 'baltic', 'Baltic Grid: the regulators', 8);
    await settle([chromium, firefox]);
    expect(made.size).toBe(20);
    expect(await send(chromium.console, 'countSavedArticlesNaming', { companyId: COMPANY.id })).toBe(1);
    await expectEverywhere([chromium, firefox]);
  });

  it('kill -9 in the middle of an upload, after the server saved the batch and before it answered, then before it saved it: nothing lost, nothing twice', async () => {
    const killDuring = async (d: Device, point: HoldPoint) => {
      await quiet(d);
      const { reached } = await server.holdNextUpload(point);
      const run = send<SyncStatus>(d.console, 'syncNow', {});
      await reached;
      await server.kill();
      const failed = await run;
      expect(failed.lastError?.kind, d.name).toBe('offline');
      expect(await syncLine(d, 'unreachable')).toMatch(/^Cannot reach the sync server · next try /);
      server = await startCouchDiskServer(server.dataDir, server.port);
    };
    for (let i = 0; i < 4; i++) await addHighlight(chromium, first.id, i, note('chromium, upload killed after saving', i));
    await send(chromium.console, 'updateHighlight', { id: first.highlights[0], changes: { note: 'edited, then the server was killed' } });
    await killDuring(chromium, 'after-save');
    for (let i = 0; i < 3; i++) await addHighlight(firefox, second.id, i, note('firefox, upload killed before saving', i));
    await killDuring(firefox, 'before-save');

    await settle([chromium, firefox]);
    const { records } = await expectEverywhere([chromium, firefox]);
    expect(made.size).toBe(27);
    expect((records.get(`highlight:${first.highlights[0]}`) as unknown as HighlightRecord).note).toBe('edited, then the server was killed');
    expect(await syncLine(chromium, 'synced')).toMatch(/^Last synced /);
  });

  it('a highlight\'s note and a company note edited on two profiles at once: marked in the popup, the library and the dossier, compared, settled, and the choices synced', async () => {
    const id = first.highlights[1]!;
    const mine = 'Chromium’s version: “steep”, ü 漢字 🙂';
    const theirs = 'Firefox’s version, written later: <i>not markup</i>';
    await send(chromium.console, 'updateHighlight', { id, changes: { note: mine } });
    await send(chromium.console, 'saveCompanyNote', { companyId: COMPANY.id, companyName: COMPANY.name, note: 'Company note written on Chromium' });
    await send(firefox.console, 'updateHighlight', { id, changes: { note: theirs } });
    await send(firefox.console, 'saveCompanyNote', { companyId: COMPANY.id, companyName: COMPANY.name, note: 'Company note written on Firefox, later' });
    made.add(`companyNote:${COMPANY.id}`);
    await settle([chromium, firefox]);
    const { records, marks } = await expectEverywhere([chromium, firefox]);
    const both = [{ kind: 'companyNote', id: COMPANY.id, note: true }, { kind: 'highlight', id, note: true }];
    expect(marks.map(byRecord)).toEqual([both, both]);
    expect((records.get(`highlight:${id}`) as unknown as HighlightRecord).note).toBe(theirs); // the later edit is shown, the other kept as a copy

    // Firefox's popup marks it; Chromium's library compares the two and keeps both.
    const popup = await popupAt(firefox, first.url, id);
    expect(await seen(popup, inHighlight(id, 'note-conflict'))).toBe('Edited on two devices: compare');
    // Chromium: the company note's mark on the dossier; the highlight's in the library, where the reader compares.
    await expectMarksOnScreen(chromium, marks[0]!.filter((mark) => mark.kind === 'companyNote'), records);
    const library = await libraryAt(chromium, first.id, id);
    expect(await seen(library, inHighlight(id, 'note-conflict'))).toBe('Edited on two devices: compare');
    await clickOn(library, inHighlight(id, 'note-conflict'));
    expect(await seen(library, inHighlight(id, 'conflict-shown'))).toBe(theirs);
    expect(await seen(library, inHighlight(id, 'conflict-copy'))).toBe(mine);
    await shoot(library, 'sync-recovery-compare');
    await clickOn(library, inHighlight(id, 'keep-both'));
    await waitFor(library, (s: string) => !document.querySelector(s), inHighlight(id, 'note-conflict'));
    expect((await seen(library, inHighlight(id, 'highlight-note'))).split(/\n+/)).toEqual([theirs, mine]);

    // Firefox's dossier compares the two company notes; the reader keeps the one shown.
    const page = await dossier(firefox, COMPANY.id);
    await seen(page, IN_DOSSIER);
    await clickOn(page, IN_DOSSIER);
    expect(await seen(page, 'main.dossier [data-testid="conflict-shown"]')).toBe('Company note written on Firefox, later');
    expect(await seen(page, 'main.dossier [data-testid="conflict-copy"]')).toBe('Company note written on Chromium');
    await clickOn(page, 'main.dossier [data-testid="keep-shown"]');
    await waitFor(page, (s: string) => !document.querySelector(s), IN_DOSSIER);

    await settle([chromium, firefox]);
    const after = await expectEverywhere([chromium, firefox]);
    expect(after.marks).toEqual([[], []]);
    expect((after.records.get(`highlight:${id}`) as unknown as HighlightRecord).note).toBe(`${theirs}\n\n${mine}`);
    expect(after.records.get(`companyNote:${COMPANY.id}`)).toMatchObject({ note: 'Company note written on Firefox, later' });
    // Firefox's popup, open all along, reads the library again after the sync that brought the choice: the kept note, no mark.
    await waitFor(popup, (s: string) => !document.querySelector(s), inHighlight(id, 'note-conflict'));
    expect((await seen(popup, inHighlight(id, 'highlight-note'))).split(/\n+/)).toEqual([theirs, mine]);
    // An older copy of the server's data, for the last scenario.
    rmSync(BACKUP, { recursive: true, force: true });
    cpSync(server.dataDir, BACKUP, { recursive: true });
  });

  it('a highlight deleted on one profile and edited later on the other comes back on both, marked, and the reader keeps it', async () => {
    const id = first.highlights[2]!;
    const edit = 'Edited on Firefox after Chromium deleted it';
    await send(chromium.console, 'deleteHighlight', { id });
    await send(firefox.console, 'updateHighlight', { id, changes: { note: edit } });
    await settle([chromium, firefox]);
    const { records, marks } = await expectEverywhere([chromium, firefox]);
    expect(marks).toEqual([[{ kind: 'highlight', id, note: false, revived: 'here' }], [{ kind: 'highlight', id, note: false, revived: 'elsewhere' }]]);
    expect(records.get(`highlight:${id}`)).toMatchObject({ deleted: false, note: edit });
    await expectMarksOnScreen(chromium, marks[0]!, records);

    const popup = await popupAt(firefox, first.url, id);
    expect(await seen(popup, inHighlight(id, 'revived-mark'))).toContain('Deleted on another device; edited here');
    expect(await seen(popup, inHighlight(id, 'highlight-note'))).toBe(edit);
    await clickOn(popup, inHighlight(id, 'keep-revived'));
    await waitFor(popup, (s: string) => !document.querySelector(s), inHighlight(id, 'revived-mark'));

    await settle([firefox, chromium]);
    const after = await expectEverywhere([chromium, firefox]);
    expect(after.marks).toEqual([[], []]);
    expect(after.records.get(`highlight:${id}`)).toMatchObject({ deleted: false, note: edit });
    expect(await seen(await libraryAt(chromium, first.id, id), inHighlight(id, 'highlight-note'))).toBe(edit);
  });

  it('records imported without clocks: a note edited on one profile and a later colour change on the importing one both survive', async () => {
    const stamp = '1700000000000-00000-exporter';
    const article: ArticleRecord = {
      id: 'article-imported', url: 'https://news.example/recovery/imported', urls: ['https://news.example/recovery/imported'], title: 'Imported without clocks', byline: null,
      publisher: null, publishedAt: null, language: 'en', text: TEXT, entities: [], companyIds: [], tags: [], note: 'imported article note', savedAt: 1_700_000_000_000,
      updatedAt: stamp, deleted: false, clocks: {},
    };
    const highlights: HighlightRecord[] = SENTENCES.slice(0, 3).map((exact, i) => ({
      id: `highlight-imported-${i}`, articleId: article.id, colour: 'yellow', note: note('imported', i), tags: [], selectors: quote(exact), quote: exact,
      createdAt: 1_700_000_000_000, updatedAt: stamp, deleted: false, clocks: {},
    }));
    const summary = await send<{ added: number }>(chromium.console, 'importLibrary', { text: exportLibraryJson([article], highlights) });
    expect(summary.added).toBe(4);
    made.add(`article:${article.id}`);
    for (const h of highlights) made.add(`highlight:${h.id}`);
    await settle([chromium, firefox]);

    const id = highlights[0]!.id;
    const edited = 'Edited on Firefox while Chromium changed the colour';
    await send(firefox.console, 'updateHighlight', { id, changes: { note: edited } });
    await send(chromium.console, 'updateHighlight', { id, changes: { colour: 'blue' } });
    await settle([chromium, firefox]);
    const { records, marks } = await expectEverywhere([chromium, firefox]);
    expect(marks).toEqual([[], []]);
    expect(records.get(`highlight:${id}`)).toMatchObject({ note: edited, colour: 'blue' });
    for (const d of [chromium, firefox]) {
      const page = await libraryAt(d, article.id, id);
      expect(await seen(page, inHighlight(id, 'highlight-note')), d.name).toBe(edited);
      expect(await page.evaluate((s: string) => document.querySelector(s)?.classList.contains('colour-blue'), `[data-testid="highlight"][data-id="${id}"]`), d.name).toBe(true);
    }
  });

  it('the server restarted on an empty data directory, a third profile creating the database anew: refilled, and each reader told once', async () => {
    await server.kill();
    server = await startCouchDiskServer(mkdtempSync(join(root, 'empty-')), server.port);
    const joined = await joinSync(joiner);
    expect(joined.lastError).toBeNull();
    expect(joined.lastReport).toMatchObject({ pulled: 0, pushed: 0 });
    await send(chromium.console, 'updateHighlight', { id: first.highlights[3], changes: { note: 'edited while the server was empty' } });

    const refilled = await runSync(chromium);
    expect(refilled.lastReport?.recovered).toEqual({ uploaded: made.size });
    const told = `The sync server had lost its data; ${made.size} records were uploaded again.`;
    expect(await syncLine(chromium, 'synced')).toContain(told);
    expect(await seen(chromium.console, '[data-testid="sync-notice"]')).toBe(` · ${told}`);
    await shoot(chromium.console, 'sync-recovery-refilled');
    await runSync(firefox);
    expect(await syncLine(firefox, 'synced')).toContain('The sync server had lost its data; another device had already uploaded everything this device holds.');
    await settle([joiner, chromium, firefox]);
    // Told once: the next run's line has no notice.
    await waitFor(chromium.console, () => !document.querySelector('[data-testid="sync-notice"]'));
    expect(await syncLine(chromium, 'synced')).not.toContain('lost its data');

    const { records, marks } = await expectEverywhere([chromium, firefox, joiner]);
    expect(marks).toEqual([[], [], []]);
    expect((records.get(`highlight:${first.highlights[3]}`) as unknown as HighlightRecord).note).toBe('edited while the server was empty');
  });

  it('the server restored from an older copy of its data directory: refilled, and no profile reverts or drops a record', async () => {
    const newer = 'newer than the backup, on Firefox';
    await send(firefox.console, 'updateHighlight', { id: first.highlights[4], changes: { note: newer } });
    const added = await addHighlight(joiner, second.id, 5, note('chromium-2, after the backup', 5));
    await settle([firefox, joiner, chromium]);
    const before = (await expectEverywhere([chromium, firefox, joiner])).records;

    await server.kill();
    const restored = mkdtempSync(join(root, 'restored-'));
    cpSync(BACKUP, restored, { recursive: true });
    server = await startCouchDiskServer(restored, server.port);
    const refill = await runSync(chromium);
    expect(refill.lastReport?.recovered?.uploaded).toBeGreaterThan(0);
    expect(await syncLine(chromium, 'synced')).toMatch(/The sync server had lost its data; [\d,]+ records? (was|were) uploaded again\./);
    await settle([firefox, joiner, chromium]);

    const { records, marks } = await expectEverywhere([chromium, firefox, joiner]);
    expect(marks).toEqual([[], [], []]);
    expect(records).toEqual(before);
    expect((records.get(`highlight:${first.highlights[4]}`) as unknown as HighlightRecord).note).toBe(newer);
    expect(records.get(`highlight:${added}`)).toMatchObject({ deleted: false });
  });
});
