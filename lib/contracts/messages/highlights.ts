/** The reader's highlights on the page in a tab, asked of its content script. */
import type { ArticleRecord, HighlightColour, HighlightRecord } from '../records';
import type { Message, NoData } from './message';

export interface PageHighlightsReport {
  /** The saved article the page is, or null when it is not saved. */
  articleId: string | null;
  /** Highlights drawn on the page. */
  anchored: number;
  /** Highlights that could not be placed on the page as it is now: kept and listed, never drawn. */
  orphans: HighlightRecord[];
}

/** Answered by the page's highlight UI. */
export type PageHighlightMessages = {
  /** popup: the saved article's highlights on this page, drawn and orphaned. */
  getPageHighlights: Message<NoData, PageHighlightsReport>;
  /** keyboard command: highlight the reader's selection; null when it holds no article text. */
  highlightSelection: Message<{ colour?: HighlightColour }, HighlightRecord | null>;
};

/** Answered by the content script itself, which has the live page to extract from. */
export type PageSaveMessages = {
  /** context menu, keyboard command: save the page's article and show its highlights. */
  savePageArticle: Message<NoData, ArticleRecord>;
};
