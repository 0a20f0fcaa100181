import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { popupHandlers } from '@/entrypoints/background/handlers/popup';
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
