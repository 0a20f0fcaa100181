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

/** Where Newsmark marks: the sites the reader chose (first-run page, popup, options). */
export type SiteAccessMessages = {
  /** first-run page, popup: the reader is about to grant these patterns for marking (finished on the grant; see pendingSitesItem). */
  expectSiteGrant: Message<{ patterns: string[] }, void>;
  /** first-run page, popup: these patterns were granted for marking; answers the patterns marked now. */
  addMarkedSites: Message<{ patterns: string[] }, string[]>;
  /** options: stop marking these patterns (their grants are given back where nothing else needs them). */
  removeMarkedSites: Message<{ patterns: string[] }, string[]>;
  /** options, first-run page: the patterns marked now (chosen and granted). */
  getMarkedSites: Message<NoData, string[]>;
  /** popup: run the first stage in this tab now (a site just granted, or "Mark this page" through activeTab). */
  startFirstStage: Message<{ tabId: number }, void>;
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

/** background -> content, when the reader removes the page's site from the sites Newsmark reads. */
export type PageLeaveMessages = {
  /**
   * Leave the page as it was (marks, highlights, UI); both stages stop. With `removed`, only if
   * the page's own address lost its access: covered by a removed grant and by none `remaining`
   * (sent to every tab when the browser took grants away, as the background cannot read the
   * addresses of tabs it no longer has access to).
   */
  leavePage: Message<{ removed?: string[]; remaining?: string[] }, void>;
};
