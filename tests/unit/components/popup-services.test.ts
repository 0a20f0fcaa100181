import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessages } from '@/lib/messaging';
import type { PopupSnapshot } from '@/lib/messaging/contract';
import { popupServices } from '@/entrypoints/popup/services';

afterEach(() => fakeBrowser.reset());

const EMPTY: PopupSnapshot = { visit: null, article: null, highlights: [] };

describe('popup services', () => {
  it('asks for the first snapshot before the popup watches, and reads afresh after that', async () => {
    const asked = vi.fn(() => EMPTY);
    handleMessages({ getPopupSnapshot: asked });
    const services = popupServices(Promise.resolve({ tabId: null, url: 'https://news.example.com/a' }));
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

  it('hands a failed early read to whoever takes it', async () => {
    handleMessages({ getPopupSnapshot: () => Promise.reject(new Error('database closed')) });
    const services = popupServices(Promise.resolve({ tabId: null, url: 'https://news.example.com/a' }));
    const error = await new Promise<unknown>((resolve) => services.watchPage(() => resolve(null), resolve));
    expect(String(error)).toContain('database closed');
  });
});
