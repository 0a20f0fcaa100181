/**
 * Marking companies and figures on pages: the content script asks the background to recognise
 * (its code and gazetteer load once there and stay warm) and for what hover cards show; the
 * popup and the keyboard commands ask the page about its marks.
 */
import type { Entity, EntityType } from '../entities';
import type { ExchangeRates } from '../rates';
import type { Selector } from '../selectors';
import type { Message, NoData } from './message';

export type MarkingMessages = {
  /** content: the companies and figures in an article's text. */
  recognizeText: Message<{ text: string }, Entity[]>;
  /** content: how many marks this tab shows (the toolbar badge). */
  setMarkCount: Message<{ count: number }, void>;
  /** content: the ECB rates for converting money in cards (the last known ones offline). */
  getExchangeRates: Message<NoData, ExchangeRates | null>;
  /** content, popup: open related coverage for a company or story. */
  openCoverage: Message<{ query: string }, void>;
  /** content: open the dossier of a company the reader's library names. */
  openDossier: Message<{ companyId: string }, void>;
  /** content (first stage): inject the marking pipeline and its styles into this frame; true once it is there. */
  loadPipeline: Message<NoData, boolean>;
};

/** One thing the page names (a company, a figure), with how often. */
export interface EntitySummary {
  /** Index of its first mention among the page's marks (for `showEntity`). */
  index: number;
  type: EntityType;
  text: string;
  name?: string;
  /** company: its id (the dossier's key). */
  id?: string;
  ticker?: string;
  value?: number;
  currency?: string;
  mentions: number;
}

/** What the content script marked on its page. */
export interface PageEntities {
  state: 'idle' | 'not-article' | 'marked' | 'off';
  isArticle: boolean;
  title: string;
  entities: EntitySummary[];
}

export type PageMarkMessages = {
  /** popup, keyboard command: mark this page even though it does not look like an article. */
  markPage: Message<NoData, { count: number }>;
  /** keyboard command: travel between marks. */
  focusMark: Message<{ direction: 1 | -1 }, { index: number }>;
  /** popup: the companies and figures on this page. */
  getPageEntities: Message<NoData, PageEntities>;
  /** popup: scroll to a mark and open its card. */
  showEntity: Message<{ index: number }, boolean>;
  /** popup: scroll to the text these selectors describe and select it; false when it is not on the page. */
  showHighlight: Message<{ selectors: Selector[] }, boolean>;
};
