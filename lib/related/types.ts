/**
 * Plain-data shapes of related coverage, shared by the ranking, the sources, the CLI,
 * the background handlers and the popup section. No browser or DOM types here.
 */

export type { ArticleQuery, FeedItem, RankedItem, StoryGroup } from '../contracts/related';
