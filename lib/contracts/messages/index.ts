/**
 * Every message that crosses a context boundary, one map per direction, each assembled from
 * the features' maps (./pages.ts, ./library.ts, ...). A context answers the complete map of
 * its direction (see `allHandlers` in lib/messaging): a message without its handler, or with
 * two, does not compile.
 */
import type { Assert, Equal } from '../type-checks';
import type { PageHighlightMessages, PageSaveMessages } from './highlights';
import type { LibraryImportMessages, LibraryMessages } from './library';
import type { MarkingMessages, PageLeaveMessages, PageMarkMessages, SiteAccessMessages } from './marking';
import type { Message, MessageMap, NoData, WritingName } from './message';
import type { PageMessages, PopupMessages } from './pages';
import type { RelatedMessages } from './related';
import type { SyncMessages } from './sync';

export type * from './highlights';
export type * from './library';
export type * from './marking';
export type * from './message';
export type * from './pages';
export type * from './related';
export type * from './sync';

/** What the background answers: content scripts and extension pages send it with `runtime.sendMessage`. */
export type ToBackground = PageMessages & PopupMessages & LibraryMessages & LibraryImportMessages & MarkingMessages & SiteAccessMessages & RelatedMessages & SyncMessages;

/** content -> background: what a page's content script asks of the background. */
export type ContentToBackground = Pick<
  ToBackground,
  | 'reportPage' | 'recognizeText' | 'setMarkCount' | 'getExchangeRates' | 'openCoverage' | 'openDossier' | 'countSavedArticlesNaming' | 'loadPipeline'
  | 'saveArticle' | 'getArticleByUrl' | 'addHighlight' | 'updateHighlight' | 'deleteHighlight' | 'undoDeleteHighlight' | 'listHighlights' | 'listTags'
>;

/** pages (popup, library, options) -> background. */
export type PagesToBackground = Omit<
  ToBackground,
  'reportPage' | 'recognizeText' | 'setMarkCount' | 'getExchangeRates' | 'openCoverage' | 'openDossier' | 'countSavedArticlesNaming' | 'addHighlight' | 'loadPipeline'
>;

/** background and popup -> content (`tabs.sendMessage` to one tab): what the page's content script answers. */
export type ToContent = PageMarkMessages & PageHighlightMessages & PageSaveMessages & PageLeaveMessages;

/** background -> pages (`runtime.sendMessage`): what open extension pages are told. */
export type ToPages = {
  /** The library changed; open views read it again. */
  libraryChanged: Message<NoData, void>;
};

/** Every message of every direction. */
export type AllMessages = ToBackground & ToContent & ToPages;

/** Every message the background answers is in one of the two directions that reach it. */
export type EveryBackgroundMessageHasASender = Assert<Equal<keyof ToBackground, keyof ContentToBackground | keyof PagesToBackground>>;

/**
 * The background's messages that change the reader's library, as a value for its after-write
 * hook: the compiler holds this list to the maps' `writes` flags, both ways.
 */
export const LIBRARY_WRITES: { readonly [N in WritingName<ToBackground>]: true } = {
  saveArticle: true,
  unsaveArticle: true,
  undoUnsaveArticle: true,
  updateArticle: true,
  addHighlight: true,
  updateHighlight: true,
  deleteHighlight: true,
  undoDeleteHighlight: true,
  importLibrary: true,
  dismissNoteConflict: true,
  saveCompanyNote: true,
  resolveNoteConflict: true,
  settleRevivedHighlight: true,
};

export type { MessageMap };
