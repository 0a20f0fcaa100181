// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PopupSnapshot } from '@/lib/contracts/messages';
import { readSnapshotCopy, snapshotCopies } from '@/lib/library/snapshot-copies';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

const URL_A = 'https://news.example.com/a';
const snapshot = (title: string): PopupSnapshot => ({ visit: { url: URL_A, title, isArticle: true, signals: [], seenAt: 0 }, article: null, highlights: [] });

describe('snapshot copies', () => {
  it('keeps a snapshot read before the worker knew the stored version', async () => {
    const copies = snapshotCopies(fakeBrowser.storage.session);
    copies.keep(URL_A, snapshot('early'), copies.generation());
    await copies.settled();
    expect((await readSnapshotCopy(fakeBrowser.storage.session, URL_A))?.visit?.title).toBe('early');
  });

  it('drops a snapshot read before a change that it reaches only after the change', async () => {
    const copies = snapshotCopies(fakeBrowser.storage.session);
    const readAt = copies.generation();
    copies.changed();
    copies.keep(URL_A, snapshot('before the change'), readAt);
    await copies.settled();
    expect(await readSnapshotCopy(fakeBrowser.storage.session, URL_A)).toBeNull();
  });

  it('shows no copy when the storage holds no version (a copy left from a failed write)', async () => {
    await fakeBrowser.storage.session.set({ [`popupSnapshot:${URL_A}`]: { version: 'v1', snapshot: snapshot('orphan') } });
    expect(await readSnapshotCopy(fakeBrowser.storage.session, URL_A)).toBeNull();
  });

  it('goes on when the storage refuses a write (full): nothing thrown, that copy not shown, the next one kept', async () => {
    const area = fakeBrowser.storage.session;
    const copies = snapshotCopies(area);
    await copies.settled();
    const set = area.set.bind(area);
    let full = true;
    vi.spyOn(area, 'set').mockImplementation((items) => (full ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : set(items)));
    copies.keep(URL_A, snapshot('refused'), copies.generation());
    await copies.settled();
    expect(await readSnapshotCopy(area, URL_A)).toBeNull();
    full = false;
    copies.keep(URL_A, snapshot('kept'), copies.generation());
    await copies.settled();
    expect((await readSnapshotCopy(area, URL_A))?.visit?.title).toBe('kept');
  });
});
