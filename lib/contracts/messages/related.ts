/** Related coverage: results per article, and the reader's feed subscriptions (options page). */
import type { ArticleQuery, CompanyCoverageResult, FeedSubscription, FoundFeed, RefreshSummary, RelatedResult, StarterFeed } from '../related';
import type { Message, NoData } from './message';

export type RelatedMessages = {
  /** popup: related coverage cached for this article URL, shown at once; `stale` asks for `refreshRelated`. */
  getCachedRelated: Message<{ url: string }, { result: RelatedResult | null; stale: boolean }>;
  /** popup: search the reader's feeds and the opted-in services for this article, cache and answer. */
  refreshRelated: Message<{ article: ArticleQuery }, RelatedResult>;
  /** options: the reader's feed subscriptions with their last fetch state. */
  listFeeds: Message<NoData, FeedSubscription[]>;
  /** options: subscribe to a feed (fetched once first, so a wrong address fails with why). */
  addFeed: Message<{ url: string }, FeedSubscription>;
  /** options: the feeds of the site at a typed address (its links, else common paths), for the reader to pick from. */
  discoverFeeds: Message<{ url: string }, FoundFeed[]>;
  /** options: unsubscribe and forget the feed's items. */
  removeFeed: Message<{ url: string }, void>;
  /** options: subscribe to every feed in an OPML file. */
  importOpml: Message<{ text: string }, { added: number }>;
  /** options: the subscriptions as OPML 2.0. */
  exportOpml: Message<NoData, { text: string }>;
  /** options: major outlets' public feeds to pick from. */
  listStarterFeeds: Message<NoData, StarterFeed[]>;
  /** options: fetch the feeds that are due now. */
  refreshFeeds: Message<NoData, RefreshSummary>;
  /** dossier: the opted-in news searches for a company's names (nothing is sent anywhere when none is on). */
  searchCompanyCoverage: Message<{ names: string[] }, CompanyCoverageResult>;
};
