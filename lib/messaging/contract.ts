/**
 * The one contract for every message that crosses a context boundary
 * (content script <-> background <-> popup/options). Add a message here and
 * TypeScript makes every sender and handler agree on its shape.
 */
import type { PageVisit } from '../db/schema';

/** What the content script learned about the page it runs in. */
export interface PageReport {
  url: string;
  title: string;
  isArticle: boolean;
  /** Names of the cheap signals that fired, for the popup and for debugging. */
  signals: string[];
}

export interface MessageMap {
  /** content -> background: record what this page is. */
  reportPage: { request: PageReport; response: PageVisit };
  /** popup -> background: what is known about the page at this URL. */
  getPageVisit: { request: { url: string }; response: PageVisit | null };
}

export type MessageName = keyof MessageMap;
export type RequestOf<N extends MessageName> = MessageMap[N]['request'];
export type ResponseOf<N extends MessageName> = MessageMap[N]['response'];

/** The wire shape of a request. `newsmark` tells our messages apart from other senders'. */
export interface Envelope<N extends MessageName = MessageName> {
  newsmark: 1;
  type: N;
  data: RequestOf<N>;
}

/** The wire shape of an answer: errors travel as text so every context can show them. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
