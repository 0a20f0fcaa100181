// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessages, sendMessage } from '@/lib/messaging';
import type { PopupSnapshot } from '@/lib/contracts/messages';
import { currentTab, popupServices, snapshotCopyFor, snapshotRequest, urlFor, watchSnapshots } from '@/entrypoints/popup/services';
import { snapshotCopies } from '@/lib/library/snapshot-copies';

afterEach(() => fakeBrowser.reset());

const EMPTY: PopupSnapshot = { visit: null, article: null, highlights: [] };

describe('popup services', () => {
  it('asks for the first snapshot before the popup watches, and reads afresh after that', async () => {
    const asked = vi.fn(() => EMPTY);
    handleMessages({ getPopupSnapshot: asked });
    const services = popupServices(Promise.resolve(null), { url: 'https://news.example.com/a' });
    await vi.waitFor(() => expect(asked).toHaveBeenCalledTimes(1));
    expect(asked).toHaveBeenCalledWith({ url: 'https://news.example.com/a' }, expect.anything());

    const seen: PopupSnapshot[] = [];
    const stop = services.watchPage((s) => seen.push(s), (e) => { throw e; });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    // The first answer was the early one: no second request for it.
    expect(asked).toHaveBeenCalledTimes(1);
    expect(await services.loadEntities()).toBeNull();
    stop();
    services.watchPage((s) => seen.push(s), (e) => { throw e; });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(asked).toHaveBeenCalledTimes(2);
  });

  it('reads again when the library changed after the first read went out but before the popup watched', async () => {
    let note = 'before';
    const asked = vi.fn(() => ({ ...EMPTY, visit: { url: 'https://news.example.com/a', title: note, isArticle: true, signals: [], seenAt: 0 } }));
    handleMessages({ getPopupSnapshot: asked });
    const services = popupServices(Promise.resolve(null), { url: 'https://news.example.com/a' });
    await vi.waitFor(() => expect(asked).toHaveBeenCalledTimes(1));
    // The early answer is on its way with the old state; the library changes; only then the popup watches.
    note = 'after';
    await sendMessage('libraryChanged', {}).catch(() => undefined);
    const seen: string[] = [];
    services.watchPage((s) => seen.push(s.visit!.title), (e) => { throw e; });
    await vi.waitFor(() => expect(seen.at(-1)).toBe('after'));
    expect(asked).toHaveBeenCalledTimes(2);
  });

  it('never shows an older answer after a newer one', async () => {
    const answers: ((s: PopupSnapshot) => void)[] = [];
    const read = () => new Promise<PopupSnapshot>((resolve) => answers.push(resolve));
    const watch = watchSnapshots(read);
    const seen: string[] = [];
    watch((s) => seen.push(s.visit!.title), (e) => { throw e; });
    await sendMessage('libraryChanged', {});
    expect(answers).toHaveLength(2);
    const titled = (title: string): PopupSnapshot => ({ ...EMPTY, visit: { url: 'u', title, isArticle: true, signals: [], seenAt: 0 } });
    answers[1]!(titled('newer'));
    await vi.waitFor(() => expect(seen).toEqual(['newer']));
    answers[0]!(titled('older'));
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['newer']);
  });

  it('asks the background for the active tab\'s snapshot when the popup\'s address names no page', async () => {
    const asked = vi.fn(() => EMPTY);
    handleMessages({ getPopupSnapshot: asked });
    popupServices(new Promise(() => undefined));
    // Sent at once: it does not wait for the popup to learn which tab is active.
    await vi.waitFor(() => expect(asked).toHaveBeenCalledWith({}, expect.anything()));
  });

  it('gives the first answers for the first render when both are in within the wait, else none', async () => {
    const visit = { url: 'https://news.example.com/a', title: 'A story', isArticle: true, signals: [], seenAt: 0 };
    handleMessages({ getPopupSnapshot: () => ({ ...EMPTY, visit }) });
    const services = popupServices(Promise.resolve(null), { url: visit.url });
    expect(await services.firstAnswers(1_000)).toEqual({ page: { ...EMPTY, visit }, entities: null });
    // The popup's later reads take the same first answer: no second request.
    const seen = await new Promise<PopupSnapshot>((resolve, reject) => services.watchPage(resolve, reject));
    expect(seen.visit).toEqual(visit);

    fakeBrowser.reset();
    handleMessages({ getPopupSnapshot: () => new Promise<PopupSnapshot>(() => undefined) });
    expect(await popupServices(Promise.resolve(null), { url: visit.url }).firstAnswers(20)).toBeUndefined();
  });

  it('shows the stored copy of the snapshot while the worker has not answered, then the worker\'s answer', async () => {
    const titled = (title: string): PopupSnapshot => ({ ...EMPTY, visit: { url: 'https://news.example.com/a', title, isArticle: true, signals: [], seenAt: 0 } });
    let answer: (s: PopupSnapshot) => void = () => undefined;
    handleMessages({ getPopupSnapshot: () => new Promise<PopupSnapshot>((resolve) => (answer = resolve)) });
    const services = popupServices(Promise.resolve(null), { url: 'https://news.example.com/a' }, Promise.resolve(titled('stored copy')));
    expect((await services.firstAnswers(1_000))?.page.visit?.title).toBe('stored copy');
    const seen: string[] = [];
    services.watchPage((s) => seen.push(s.visit!.title), (e) => { throw e; });
    await vi.waitFor(() => expect(seen).toEqual(['stored copy']));
    answer(titled('from the worker'));
    await vi.waitFor(() => expect(seen).toEqual(['stored copy', 'from the worker']));
  });

  it('reads the stored copy of the tab\'s page, by the URL the browser shows for it', async () => {
    const copies = snapshotCopies(fakeBrowser.storage.session);
    const snapshot: PopupSnapshot = { ...EMPTY, visit: { url: 'https://news.example.com/a', title: 'A story', isArticle: true, signals: [], seenAt: 0 } };
    copies.keep('https://news.example.com/a', snapshot, copies.generation());
    await copies.settled();
    expect(await snapshotCopyFor(urlFor(Promise.resolve({ id: 7, url: 'https://news.example.com/a' })))).toEqual(snapshot);
    // A tab whose URL the browser hides (no toolbar click granted it): no copy to read.
    expect(await snapshotCopyFor(urlFor(Promise.resolve({ id: 7 })))).toBeNull();
  });

  it('asks the browser for the URL of the tab its address names, to find the copy', async () => {
    const copies = snapshotCopies(fakeBrowser.storage.session);
    const snapshot: PopupSnapshot = { ...EMPTY, visit: { url: 'https://news.example.com/b', title: 'B story', isArticle: true, signals: [], seenAt: 0 } };
    copies.keep('https://news.example.com/b', snapshot, copies.generation());
    await copies.settled();
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example.com/b' });
    expect(await snapshotCopyFor(urlFor(currentTab({ tabId: tab.id! })))).toEqual(snapshot);
  });

  it('asks the background for the page of the tab its address names, or of the URL it names', () => {
    expect(snapshotRequest({ tabId: 3 })).toEqual({ tabId: 3 });
    expect(snapshotRequest({ tabId: 3, url: 'https://a.test/' })).toEqual({ url: 'https://a.test/' });
    expect(snapshotRequest({ tabId: null })).toEqual({});
  });

  it('gives no first answers when the first read fails (the popup shows the error itself)', async () => {
    handleMessages({ getPopupSnapshot: () => Promise.reject(new Error('database closed')) });
    expect(await popupServices(Promise.resolve(null), { url: 'https://news.example.com/a' }).firstAnswers(1_000)).toBeUndefined();
  });

  it('hands a failed early read to whoever takes it', async () => {
    handleMessages({ getPopupSnapshot: () => Promise.reject(new Error('database closed')) });
    const services = popupServices(Promise.resolve(null), { url: 'https://news.example.com/a' });
    const error = await new Promise<unknown>((resolve) => services.watchPage(() => resolve(null), resolve));
    expect(String(error)).toContain('database closed');
  });
});
