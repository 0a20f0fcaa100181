/**
 * Fetches one subscribed feed with a conditional GET (If-None-Match / If-Modified-Since),
 * so an unchanged feed costs a 304 and no parsing.
 */
import { DEFAULT_POLICY, SourceError, fetchText, type FetchLike, type FetchPolicy } from '../sources/http';
import { FeedParseError, parseFeed, type ParsedFeed } from './parse';

/** Feeds can be large (full-text feeds); still bounded so one feed cannot exhaust memory. */
export const FEED_POLICY: FetchPolicy = { ...DEFAULT_POLICY, timeoutMs: 20_000, maxBytes: 16 * 1024 * 1024 };

export type FeedFetch =
  | { status: 'not-modified' }
  | { status: 'ok'; feed: ParsedFeed; etag?: string; lastModified?: string };

export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** GETs and parses `url`; throws SourceError (kind 'parse' for a broken feed). */
export async function fetchFeed(fetch: FetchLike, url: string, validators: Validators = {}, policy: FetchPolicy = FEED_POLICY): Promise<FeedFetch> {
  const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const response = await fetchText(fetch, url, policy, { headers });
  if (response.status === 304) return { status: 'not-modified' };
  try {
    const feed = parseFeed(response.text, { url });
    return {
      status: 'ok',
      feed,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    };
  } catch (error) {
    if (error instanceof FeedParseError) throw new SourceError('parse', error.message);
    throw error;
  }
}
