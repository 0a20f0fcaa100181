/** Stored shapes of related coverage are contracts (lib/contracts/related.ts). */
export type { FeedSubscription, RelatedCacheEntry, StoredFeedItem } from '../contracts/related';
