/**
 * Sync conflicts in front of the reader (issue 26, item 2), in both browsers: the built extension
 * and a second device (Newsmark's own sync code over fake-indexeddb, in the test) sync through a
 * real CouchDB-protocol server on 127.0.0.1. A highlight's note and the article's note are edited
 * on both, and a highlight deleted in the browser is edited on the other device. The popup and
 * the library mark all three; in the library one click shows the two texts side by side, "Keep
 * both" merges them as two paragraphs, "Keep this one" keeps the shown note, "Keep" brings the
 * highlight back for good, and the other device gets the choices.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { openDb, type NewsmarkDb } from '../../lib/db/schema';
import { updateHighlight } from '../../lib/db/highlights';
import { updateArticle } from '../../lib/db/articles';
import { DexieSyncStore } from '../../lib/sync/dexie-store';
import { syncOnce, type SyncTarget } from '../../lib/sync/engine';
import type { SyncKeys } from '../../lib/sync/crypto';
import { conflictMarks } from '../../lib/sync/conflicts';
import { DEFAULT_SYNC_SETTINGS } from '../../lib/contracts/sync';
import type { HighlightRecord } from '../../lib/contracts/records';
import { send, waitFor } from './support/extension-ui';
import { chromiumReader, clickOn, expectOnScreen, firefoxReader, scrollToWithWheel, shoot, type ReaderPage, type ReaderSession } from './support/reader';

const MINE = 'Mine: ü, 漢字 and 🙂';
const THEIRS = 'Theirs, written later on the other device';
const EDITED_THERE = 'Edited on the other device after the delete';
const TEXT = 'Nordwind Energy agreed to buy Baltic Grid for €2.4 billion on Monday. Analysts said the price was steep.';

let couch: CouchServer;
beforeAll(async () => {
  couch = await startCouchServer({ cors: true });
});
afterAll(() => couch?.close());

/** The other device: Newsmark's library and sync store in the test process. */
function otherDevice(target: SyncTarget): { db: NewsmarkDb; sync(): Promise<void> } {
  const db = openDb(`e2e-other-${process.pid}-${target.database}`);
  const store = new DexieSyncStore(db);
  const keyCache = new Map<string, SyncKeys>();
  return { db, sync: async () => void (await syncOnce(store, target, { fetch, keyCache })) };
}

const ARTICLE_CONFLICT_IN_POPUP = 'section.saved > .conflict [data-testid="note-conflict"]';
const ARTICLE_CONFLICT_IN_LIBRARY = '[data-testid="library-entry"] .article-actions [data-testid="note-conflict"]';
const inHighlight = (id: string, testId: string) => `[data-testid="highlight"][data-id="${id}"] [data-testid="${testId}"]`;

async function syncBrowser(page: ReaderPage): Promise<void> {
  const status = await send<{ lastError: unknown }>(page, 'syncNow', {});
  expect(status.lastError).toBeNull();
}

for (const [label, makeSession] of [['Chromium', chromiumReader], ['Firefox ESR', firefoxReader]] as const) {
  describe(label, () => {
    let ui: ReaderSession;
    beforeAll(async () => {
      ui = await makeSession();
    });
    afterAll(() => ui?.close());

    it('marks the conflicts in the popup and the library; the reader compares, keeps both texts, the shown article note and the highlight, and the other device gets them', async () => {
      const database = `conflicts-${ui.name}`;
      const target: SyncTarget = { serverUrl: couch.url, database, auth: { kind: 'none' } };
      const other = otherDevice(target);
      const helper = await ui.openExtensionPage('options.html');
      await send(helper, 'saveSyncSettings', { ...DEFAULT_SYNC_SETTINGS, enabled: true, serverUrl: couch.url, database });
      const url = `https://news.example/${ui.name}/nordwind-baltic`;
      const article = await send<{ id: string }>(helper, 'saveArticle', { url, title: 'Nordwind buys Baltic Grid', text: TEXT });
      const quote = (exact: string) => [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }];
      const noted = await send<HighlightRecord>(helper, 'addHighlight', { articleId: article.id, colour: 'yellow', selectors: quote('Nordwind Energy'), note: 'first' });
      const dropped = await send<HighlightRecord>(helper, 'addHighlight', { articleId: article.id, colour: 'green', selectors: quote('the price was steep'), note: '' });
      await syncBrowser(helper);
      await other.sync();

      // Offline on both: the browser edits the note and deletes the other highlight; the other device edits both, later.
      await send(helper, 'updateHighlight', { id: noted.id, changes: { note: MINE } });
      await send(helper, 'deleteHighlight', { id: dropped.id });
      const later = Date.now() + 5_000;
      await updateHighlight(other.db, noted.id, { note: THEIRS }, later);
      await updateHighlight(other.db, dropped.id, { note: EDITED_THERE }, later);
      await send(helper, 'updateArticle', { id: article.id, changes: { note: 'Article note written here' } });
      await updateArticle(other.db, article.id, { note: 'Article note written there' }, later);
      await other.sync();
      await syncBrowser(helper);

      // The popup for the article's page marks both.
      const popup = await ui.openExtensionPage(`popup.html?url=${encodeURIComponent(url)}`);
      await waitFor(popup, (id: string) => !!document.querySelector(`[data-testid="highlight"][data-id="${id}"] [data-testid="revived-mark"]`), dropped.id, 15_000);
      await scrollToWithWheel(popup, inHighlight(noted.id, 'note-conflict'));
      expect((await expectOnScreen(popup, inHighlight(noted.id, 'note-conflict'))).text).toBe('Edited on two devices: compare');
      await scrollToWithWheel(popup, inHighlight(dropped.id, 'revived-mark'));
      expect((await expectOnScreen(popup, inHighlight(dropped.id, 'revived-mark'))).text).toContain('Deleted here; edited on another device');
      await scrollToWithWheel(popup, ARTICLE_CONFLICT_IN_POPUP);
      expect((await expectOnScreen(popup, ARTICLE_CONFLICT_IN_POPUP)).text).toBe('Edited on two devices: compare');
      await shoot(popup, `${ui.name}-sync-conflicts-popup`);
      await popup.close();

      // The library: one click shows both texts side by side.
      const library = await ui.openExtensionPage('library.html');
      await waitFor(library, (id: string) => !!document.querySelector(`[data-testid="highlight"][data-id="${id}"] [data-testid="note-conflict"]`), noted.id, 15_000);
      await scrollToWithWheel(library, inHighlight(noted.id, 'note-conflict'));
      await clickOn(library, inHighlight(noted.id, 'note-conflict'));
      await waitFor(library, (id: string) => !!document.querySelector(`[data-testid="highlight"][data-id="${id}"] [data-testid="conflict-compare"]`), noted.id);
      await scrollToWithWheel(library, inHighlight(noted.id, 'keep-both'));
      const shown = await expectOnScreen(library, inHighlight(noted.id, 'conflict-shown'));
      const copy = await expectOnScreen(library, inHighlight(noted.id, 'conflict-copy'));
      expect(shown.text).toBe(THEIRS);
      expect(copy.text).toBe(MINE);
      // Side by side: the other version is right of the shown one, in a column on the same row.
      expect(copy.left).toBeGreaterThanOrEqual(shown.left + shown.width);
      const columns = await library.evaluate((id: string) => [...document.querySelectorAll(`[data-testid="highlight"][data-id="${id}"] .conflict-compare section`)].map((s) => s.getBoundingClientRect().top), noted.id);
      expect(columns).toHaveLength(2);
      expect(Math.abs(columns[0]! - columns[1]!)).toBeLessThan(1);
      await shoot(library, `${ui.name}-sync-conflicts-compare`);
      await clickOn(library, inHighlight(noted.id, 'keep-both'));
      await waitFor(library, (id: string) => !document.querySelector(`[data-testid="highlight"][data-id="${id}"] [data-testid="note-conflict"]`), noted.id);
      await waitFor(library, (id: string) => document.querySelector<HTMLElement>(`[data-testid="highlight"][data-id="${id}"] [data-testid="highlight-note"]`)?.innerText.includes('\n'), noted.id);
      expect((await expectOnScreen(library, inHighlight(noted.id, 'highlight-note'))).text.split(/\n+/)).toEqual([THEIRS, MINE]);

      // The highlight deleted here and edited there: kept.
      await scrollToWithWheel(library, inHighlight(dropped.id, 'revived-mark'));
      expect((await expectOnScreen(library, inHighlight(dropped.id, 'highlight-note'))).text).toBe(EDITED_THERE);
      await clickOn(library, inHighlight(dropped.id, 'keep-revived'));
      await waitFor(library, (id: string) => !document.querySelector(`[data-testid="highlight"][data-id="${id}"] [data-testid="revived-mark"]`), dropped.id);
      // The article's note: compared, and the shown one kept.
      await scrollToWithWheel(library, ARTICLE_CONFLICT_IN_LIBRARY);
      await clickOn(library, ARTICLE_CONFLICT_IN_LIBRARY);
      await waitFor(library, () => !!document.querySelector('[data-testid="library-entry"] .article-actions [data-testid="conflict-compare"]'));
      expect((await expectOnScreen(library, '.article-actions [data-testid="conflict-shown"]')).text).toBe('Article note written there');
      expect((await expectOnScreen(library, '.article-actions [data-testid="conflict-copy"]')).text).toBe('Article note written here');
      await clickOn(library, '.article-actions [data-testid="keep-shown"]');
      await waitFor(library, () => !document.querySelector('[data-testid="library-entry"] .article-actions [data-testid="note-conflict"]'));
      await shoot(library, `${ui.name}-sync-conflicts-settled`);

      // The choices sync: the other device shows the same and keeps no conflict.
      await syncBrowser(helper);
      await other.sync();
      expect((await other.db.highlights.get(noted.id))?.note).toBe(`${THEIRS}\n\n${MINE}`);
      expect((await other.db.highlights.get(dropped.id))?.deleted).toBe(false);
      expect((await other.db.articles.get(article.id))?.note).toBe('Article note written there');
      expect(await conflictMarks(other.db)).toEqual([]);
      expect(await send<unknown[]>(helper, 'listConflictedRecords', {})).toEqual([]);
      other.db.close();
      await library.close();
      await helper.close();
    });
  });
}
