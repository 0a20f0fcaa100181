// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { afterWrites } from '@/entrypoints/background/after-writes';

describe('afterWrites', () => {
  it('calls the hook after writes succeed, never after reads or failed writes', async () => {
    const calls: string[] = [];
    const handlers = afterWrites(
      {
        saveArticle: async () => ({ id: 'a' }) as never,
        listHighlights: async () => [],
        deleteHighlight: async () => {
          throw new Error('disk full');
        },
      },
      () => calls.push('sync'),
    );
    const sender = {};
    await handlers.saveArticle!({} as never, sender);
    await handlers.listHighlights!({} as never, sender);
    await expect(handlers.deleteHighlight!({} as never, sender)).rejects.toThrow('disk full');
    expect(calls).toEqual(['sync']);
  });
});
