/**
 * The opt-in news searches: Google News RSS, Bing News RSS and the GDELT DOC 2.0 API.
 * Each sends only the keywords built by `searchKeywords` to its service.
 */
import { hostOf } from '../../url/host';
import { FeedParseError, parseFeed, type ParsedFeed } from '../feeds/parse';
import { searchKeywords } from '../query';
import type { ArticleQuery, FeedItem } from '../../contracts/related';
import { DEFAULT_POLICY, SourceError, fetchText, type FetchPolicy } from './http';
import { createRateGate, realClock, type Clock } from './rate-gate';
import type { RelatedSource, SearchContext } from './types';

/** Remote answers are search result pages: small, and needed quickly. */
const REMOTE_POLICY: FetchPolicy = { ...DEFAULT_POLICY, timeoutMs: 8_000, retries: 1, maxBytes: 2 * 1024 * 1024 };

export interface RemoteOptions {
  /** Base URL of the service; tests point it at a local server. */
  endpoint?: string;
  policy?: FetchPolicy;
}

/** Origins the remote sources need, for optional_host_permissions and permissions.request. */
export const REMOTE_ORIGINS = {
  'google-news': 'https://news.google.com/*',
  'bing-news': 'https://www.bing.com/*',
  gdelt: 'https://api.gdeltproject.org/*',
} as const;

function parseRss(text: string, url: string, service: string): ParsedFeed {
  try {
    return parseFeed(text, { url, maxItems: 100 });
  } catch (error) {
    if (error instanceof FeedParseError) throw new SourceError('parse', `${service} sent an answer that could not be read: ${error.message}`);
    throw error;
  }
}

function keywordsOrFail(article: ArticleQuery, maxWords: number): string {
  const keywords = searchKeywords(article, maxWords);
  if (!keywords) throw new SourceError('service', 'The headline has no words to search for');
  return keywords;
}

export interface GoogleNewsOptions extends RemoteOptions {
  /** Interface language, country and edition, e.g. en-US, US, US:en. */
  hl?: string;
  gl?: string;
  ceid?: string;
}

/** Google News RSS search: items name their outlet in <source>. */
export function googleNewsSource(options: GoogleNewsOptions = {}): RelatedSource {
  const endpoint = options.endpoint ?? 'https://news.google.com/rss/search';
  const { hl = 'en-US', gl = 'US', ceid = 'US:en' } = options;
  return {
    id: 'google-news',
    remote: true,
    async search(article, context) {
      const url = `${endpoint}?${new URLSearchParams({ q: keywordsOrFail(article, 8), hl, gl, ceid })}`;
      const { text } = await fetchText(context.fetch, url, options.policy ?? REMOTE_POLICY, { signal: context.signal });
      return parseRss(text, url, 'Google News').items;
    },
  };
}

/** Bing News RSS search: links go through a Bing redirect whose `url` parameter is the article. */
export function bingNewsSource(options: RemoteOptions = {}): RelatedSource {
  const endpoint = options.endpoint ?? 'https://www.bing.com/news/search';
  return {
    id: 'bing-news',
    remote: true,
    async search(article, context) {
      const url = `${endpoint}?${new URLSearchParams({ format: 'rss', q: keywordsOrFail(article, 8) })}`;
      const { text } = await fetchText(context.fetch, url, options.policy ?? REMOTE_POLICY, { signal: context.signal });
      const feed = parseRss(text, url, 'Bing News');
      return feed.items.map((item) => {
        const target = unwrapRedirect(item.url);
        // Without <News:Source> an item falls back to the channel's title ("Bing: query"): name the site instead.
        return { ...item, url: target, id: target, source: item.source === feed.title ? (hostOf(target) ?? target) : item.source };
      });
    },
  };
}

function unwrapRedirect(link: string): string {
  try {
    const target = new URL(link).searchParams.get('url');
    return target && /^https?:\/\//i.test(target) ? target : link;
  } catch {
    return link;
  }
}

/** GDELT asks for at most one request every 5 seconds from a client. */
export const GDELT_MIN_INTERVAL_MS = 5_000;

interface GdeltArticle {
  url?: unknown;
  title?: unknown;
  seendate?: unknown;
  domain?: unknown;
  sourcecountry?: unknown;
}

/** GDELT DOC 2.0 article list; it answers some errors with HTTP 200 and a line of plain text. */
export function gdeltSource(options: RemoteOptions & { clock?: Clock } = {}): RelatedSource {
  const endpoint = options.endpoint ?? 'https://api.gdeltproject.org/api/v2/doc/doc';
  const waitForSlot = createRateGate(GDELT_MIN_INTERVAL_MS, options.clock ?? realClock);
  return {
    id: 'gdelt',
    remote: true,
    async search(article, context: SearchContext) {
      const query = keywordsOrFail(article, 5);
      const url = `${endpoint}?${new URLSearchParams({ query, mode: 'artlist', format: 'json', maxrecords: '75', sort: 'hybridrel' })}`;
      await waitForSlot();
      const { text } = await fetchText(context.fetch, url, options.policy ?? REMOTE_POLICY, { signal: context.signal });
      return parseGdelt(text);
    },
  };
}

/** Items of a GDELT artlist answer; throws a SourceError with GDELT's own words for its text errors. */
export function parseGdelt(text: string): FeedItem[] {
  const body = text.trim();
  if (!body.startsWith('{')) {
    const reason = body.split('\n')[0]?.slice(0, 200) || 'an empty answer';
    throw new SourceError('service', `GDELT did not search: ${reason}`);
  }
  let parsed: { articles?: unknown };
  try {
    parsed = JSON.parse(body) as { articles?: unknown };
  } catch (error) {
    throw new SourceError('parse', `GDELT sent JSON that could not be read: ${(error as Error).message}`);
  }
  const articles = Array.isArray(parsed.articles) ? (parsed.articles as GdeltArticle[]) : [];
  return articles.flatMap((a): FeedItem[] => {
    if (typeof a.url !== 'string' || typeof a.title !== 'string' || !a.title.trim()) return [];
    const country = typeof a.sourcecountry === 'string' && a.sourcecountry ? a.sourcecountry : undefined;
    return [
      {
        id: a.url,
        title: a.title.trim(),
        url: a.url,
        source: typeof a.domain === 'string' && a.domain ? a.domain : (hostOf(a.url) ?? a.url),
        publishedAt: gdeltDate(a.seendate),
        ...(country ? { country } : {}),
      },
    ];
  });
}

/** "20140320T124500Z" -> ISO 8601. */
function gdeltDate(value: unknown): string {
  const m = typeof value === 'string' ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : '';
}
