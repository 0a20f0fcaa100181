// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessages, sendMessage } from '@/lib/messaging';

describe('typed messaging', () => {
  beforeEach(() => fakeBrowser.reset());

  it('delivers a request to its handler and returns the answer', async () => {
    handleMessages({
      getPageVisit: ({ url }) => ({ url, title: 'T', isArticle: true, signals: [], seenAt: 5 }),
    });
    await expect(sendMessage('getPageVisit', { url: 'https://a.test/' })).resolves.toMatchObject({ url: 'https://a.test/', seenAt: 5 });
  });

  it('carries a handler error back to the sender as an Error', async () => {
    handleMessages({
      getPageVisit: async () => {
        throw new Error('database closed');
      },
    });
    await expect(sendMessage('getPageVisit', { url: 'x' })).rejects.toThrow('database closed');
  });

  it('ignores messages that are not ours and stops listening when removed', async () => {
    const remove = handleMessages({ getPageVisit: () => null });
    remove();
    await expect(sendMessage('getPageVisit', { url: 'x' })).rejects.toThrow();
  });
});
