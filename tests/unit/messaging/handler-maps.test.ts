// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { PageHighlightMessages, PageLeaveMessages, PageMarkMessages, PageSaveMessages, ToContent } from '@/lib/contracts/messages';
import { allHandlers, type HandlersOf } from '@/lib/messaging';

// The content script's three parts, as its features type them (the bodies do not matter here).
const marks: HandlersOf<PageMarkMessages> = {
  markPage: () => ({ count: 0 }),
  focusMark: () => ({ index: -1 }),
  getPageEntities: () => ({ state: 'idle', isArticle: false, title: '', entities: [] }),
  showEntity: () => false,
  showHighlight: () => false,
};
const highlights: HandlersOf<PageHighlightMessages> = {
  getPageHighlights: () => ({ articleId: null, anchored: 0, orphans: [] }),
  highlightSelection: () => null,
};
const save: HandlersOf<PageSaveMessages & PageLeaveMessages> = { savePageArticle: () => Promise.reject(new Error('not here')), leavePage: () => undefined };

describe("a context's handler map", () => {
  it('is the union of its parts when they answer each message of the direction once', () => {
    const handlers = allHandlers<ToContent>()(marks, highlights, save);
    expect(Object.keys(handlers).sort()).toEqual([...Object.keys(marks), ...Object.keys(highlights), 'savePageArticle', 'leavePage'].sort());
  });

  it('does not compile with a message unanswered, answered twice, or from another direction', () => {
    // Compile-time cases: `tsc --noEmit` fails if any of these lines compiles.
    const typeCases = () => [
      // @ts-expect-error savePageArticle has no handler
      allHandlers<ToContent>()(marks, highlights),
      // @ts-expect-error showHighlight is answered by two parts
      allHandlers<ToContent>()(marks, highlights, save, { showHighlight: marks.showHighlight }),
      // @ts-expect-error reportPage goes to the background, not to the content script
      allHandlers<ToContent>()(marks, highlights, save, { reportPage: () => ({ url: '', title: '', isArticle: false, signals: [], seenAt: 0 }) }),
      // @ts-expect-error a feature's part answers only its own messages
      ({ ...highlights, savePageArticle: save.savePageArticle }) satisfies HandlersOf<PageHighlightMessages>,
    ];
    expect(typeof typeCases).toBe('function');
  });
});
