/**
 * Plain-data shapes of related coverage, shared by the ranking, the sources, the CLI,
 * the background handlers and the popup section. No browser or DOM types here.
 */

/** One headline from a feed or a news search. */
export interface FeedItem {
  /** Stable id: the feed's guid, or the link when the feed has none. */
  id: string;
  title: string;
  /** Plain text (HTML already stripped), when the feed gives one. */
  summary?: string;
  url: string;
  /** The outlet's name as shown to the reader ("Reuters"), or its host name. */
  source: string;
  /** ISO 8601. */
  publishedAt: string;
  /** ISO 3166 alpha-2 or a country name, where the source tells (GDELT does). */
  country?: string;
}

/** The article the reader is on, as the ranking needs it. */
export interface ArticleQuery {
  id?: string;
  title: string;
  /** Body text; only its lead is used, so headlines-only queries rank the same way. */
  text?: string;
  url: string;
  source: string;
  /** ISO 8601; when missing, no recency prior is applied. */
  publishedAt?: string;
  /** Company names recognised in the article, most salient first. */
  companies?: string[];
}

/** One ranked item; `alsoFrom` lists outlets whose copy of the same headline was folded into it. */
export interface RankedItem {
  item: FeedItem;
  score: number;
  alsoFrom: string[];
}

/** Results about one story: the outlets and countries covering it. */
export interface StoryGroup {
  items: RankedItem[];
  outlets: string[];
  countries: string[];
}
