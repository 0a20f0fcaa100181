/** What tabs report about their pages, and the popup's first read of the page it is about. */
import type { ArticleRecord, HighlightRecord, PageReport, PageVisit } from '../records';
import type { Message } from './message';

/**
 * What the popup shows first for the page at a URL, read by the background in one transaction:
 * the popup then needs neither the database nor its code.
 */
export interface PopupSnapshot {
  visit: PageVisit | null;
  /** The saved article under this URL or a variant of it; null when not saved. */
  article: ArticleRecord | null;
  /** Its highlights in reading order. */
  highlights: HighlightRecord[];
}

export type PageMessages = {
  /** content: record what this page is. */
  reportPage: Message<PageReport, PageVisit>;
  /** popup: what is known about the page at this URL. */
  getPageVisit: Message<{ url: string }, PageVisit | null>;
};

export type PopupMessages = {
  /** popup: the page's visit, saved article and highlights, for the popup's first render; without `url`, the page in tab `tabId`; without either, the active tab's. */
  getPopupSnapshot: Message<{ url?: string; tabId?: number }, PopupSnapshot>;
};
