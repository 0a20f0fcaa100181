import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cachedSnapshots, popupHandlers } from '@/entrypoints/background/handlers/popup';
import { recordPageVisit } from '@/lib/db';
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
    const snapshot = await popupHandlers(db).getPopupSnapshot!({}, sender);
    expect(query).toHaveBeenCalledWith(expect.objectContaining({ active: true }));
    expect(snapshot.article?.url).toContain('nordwind-baltic');
    expect(snapshot.highlights).toHaveLength(2);
  });

  it('answers an empty snapshot for a tab whose URL it may not see', async () => {
    const db = freshDb();
    await seedLibrary(db);
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{}]) as never);
    expect(await popupHandlers(db).getPopupSnapshot!({}, sender)).toEqual({ visit: null, article: null, highlights: [] });
  });
});

describe('cached popup snapshots', () => {
  it('answers a page asked for again from memory', async () => {
    const db = freshDb();
    await seedLibrary(db);
    const snapshotOf = cachedSnapshots(db);
    const read = vi.spyOn(db, 'transaction');
    const first = await snapshotOf(SAVED_URL);
    expect(await snapshotOf(SAVED_URL)).toEqual(first);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('reads afresh after any write to the visits, articles or highlights', async () => {
    const db = freshDb();
    const { articleIds, highlightIds } = await seedLibrary(db);
    const snapshotOf = cachedSnapshots(db);
    expect((await snapshotOf(SAVED_URL)).visit).toBeNull();
    await recordPageVisit(db, { url: SAVED_URL, title: 'Nordwind', isArticle: true, signals: [] });
    expect((await snapshotOf(SAVED_URL)).visit?.title).toBe('Nordwind');
    await updateArticle(db, articleIds[0]!, { note: 'changed' });
    expect((await snapshotOf(SAVED_URL)).article?.note).toBe('changed');
    await deleteHighlight(db, highlightIds[0]!);
    expect((await snapshotOf(SAVED_URL)).highlights.map((h) => h.id)).toEqual([highlightIds[1]]);
  });
});
