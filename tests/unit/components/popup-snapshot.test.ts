// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cachedSnapshots, popupHandlers } from '@/entrypoints/background/handlers/popup';
import { pageHandlers } from '@/entrypoints/background/handlers/pages';
import { recordPageVisit } from '@/lib/db';
import { readSnapshotCopy, snapshotCopies } from '@/lib/library/snapshot-copies';
import { deleteHighlight, updateArticle } from '@/lib/db/library';
import { freshDb, seedLibrary } from '../library/seed';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

const SAVED_URL = 'https://news.example.com/2026/nordwind-baltic';
const sender = {};

describe('getPopupSnapshot', () => {
  it('answers for the active tab when the popup names no URL', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ url: SAVED_URL }]) as never);
    const snapshot = await popupHandlers(cachedSnapshots(db)).getPopupSnapshot!({}, sender);
    expect(query).toHaveBeenCalledWith(expect.objectContaining({ active: true }));
    expect(snapshot.article?.url).toContain('nordwind-baltic');
    expect(snapshot.highlights).toHaveLength(2);
  });

  it('answers for the tab the popup names, by the URL the browser shows for it', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    const tab = await fakeBrowser.tabs.create({ url: SAVED_URL });
    const snapshot = await popupHandlers(cachedSnapshots(db)).getPopupSnapshot!({ tabId: tab.id! }, sender);
    expect(snapshot.article?.url).toContain('nordwind-baltic');
    expect(query).not.toHaveBeenCalled();
    // A tab that is gone has no page to answer for.
    expect(await popupHandlers(cachedSnapshots(db)).getPopupSnapshot!({ tabId: 987_654 }, sender)).toEqual({ visit: null, article: null, highlights: [] });
  });

  it('answers an empty snapshot for a tab whose URL it may not see', async () => {
    const db = freshDb();
    await seedLibrary(db);
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{}]) as never);
    expect(await popupHandlers(cachedSnapshots(db)).getPopupSnapshot!({}, sender)).toEqual({ visit: null, article: null, highlights: [] });
  });
});

describe('cached popup snapshots', () => {
  it('answers a page asked for again from memory', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const snapshotOf = cachedSnapshots(db).get;
    const read = vi.spyOn(db, 'transaction');
    const first = await snapshotOf(SAVED_URL);
    expect(await snapshotOf(SAVED_URL)).toEqual(first);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('reads afresh after any write to the visits, articles or highlights', async () => {
    const db = freshDb();
    const { articleIds, highlightIds } = await seedLibrary(db);
    const snapshotOf = cachedSnapshots(db).get;
    expect((await snapshotOf(SAVED_URL)).visit).toBeNull();
    await recordPageVisit(db, { url: SAVED_URL, title: 'Nordwind', isArticle: true, signals: [] });
    expect((await snapshotOf(SAVED_URL)).visit?.title).toBe('Nordwind');
    await updateArticle(db, articleIds[0]!, { note: 'changed' });
    expect((await snapshotOf(SAVED_URL)).article?.note).toBe('changed');
    await deleteHighlight(db, highlightIds[0]!);
    expect((await snapshotOf(SAVED_URL)).highlights.map((h) => h.id)).toEqual([highlightIds[1]]);
  });
});

describe('popup snapshot copies in storage.session', () => {
  const area = () => fakeBrowser.storage.session;

  /** A seeded library, its snapshot copies in the fake storage.session, and the cache over both. */
  async function seededCache() {
    const db = freshDb();
    const seeded = await seedLibrary(db);
    const copies = snapshotCopies(area());
    return { db, copies, snapshots: cachedSnapshots(db, copies), ...seeded };
  }

  it('keeps each snapshot read, for a popup opened while the worker sleeps', async () => {
    const { copies, snapshots } = await seededCache();
    const snapshot = await snapshots.get(SAVED_URL);
    await copies.settled();
    expect(await readSnapshotCopy(area(), SAVED_URL)).toEqual(snapshot);
    expect(await readSnapshotCopy(area(), 'https://news.example.com/other')).toBeNull();
  });

  it('drops every copy when an article or a highlight changes, and never keeps a read the change overtook', async () => {
    const { db, copies, snapshots, articleIds } = await seededCache();
    await snapshots.get(SAVED_URL);
    await copies.settled();
    // A read under way when the note changes: its answer predates the change.
    const overtaken = snapshots.refresh(SAVED_URL);
    await updateArticle(db, articleIds[0]!, { note: 'changed' });
    await overtaken;
    await copies.settled();
    expect(await readSnapshotCopy(area(), SAVED_URL)).toBeNull();
    // Read again after the change: kept, with the new note.
    await snapshots.get(SAVED_URL);
    await copies.settled();
    expect((await readSnapshotCopy(area(), SAVED_URL))?.article?.note).toBe('changed');
  });

  it('copies the snapshot of each page a tab reports, with its new visit', async () => {
    const { db, copies, snapshots } = await seededCache();
    const handlers = pageHandlers(db, (url) => void snapshots.refresh(url));
    await handlers.reportPage!({ url: SAVED_URL, title: 'Nordwind', isArticle: true, signals: [] }, { tab: { url: SAVED_URL } } as never);
    await vi.waitFor(async () => {
      await copies.settled();
      expect((await readSnapshotCopy(area(), SAVED_URL))?.visit?.title).toBe('Nordwind');
    });
  });

  it('answers the popup from memory after a refresh: the page just recorded is not read twice', async () => {
    const { db, snapshots } = await seededCache();
    const refreshed = await snapshots.refresh(SAVED_URL);
    const read = vi.spyOn(db, 'transaction');
    expect(await snapshots.get(SAVED_URL)).toEqual(refreshed);
    expect(read).not.toHaveBeenCalled();
  });

  it('keeps the copies good across the worker\'s restarts, and shows none under an unknown version', async () => {
    const { copies: before, snapshots } = await seededCache();
    await snapshots.get(SAVED_URL);
    await before.settled();
    // The worker starts again: the same storage, a new instance.
    const after = snapshotCopies(area());
    await after.settled();
    expect(await readSnapshotCopy(area(), SAVED_URL)).not.toBeNull();
    await area().set({ 'popupSnapshots:version': 'another' });
    expect(await readSnapshotCopy(area(), SAVED_URL)).toBeNull();
  });
});
