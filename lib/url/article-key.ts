/**
 * One article, many URLs: the canonical link, the AMP page, the mobile host, links with
 * tracking parameters. `normalizeArticleUrl` maps each to one key; an article record keeps the
 * keys of every URL it was seen under, so any of them finds it.
 */
import { isTrackingParam } from './tracking';

/**
 * Beyond tracking parameters (tracking.ts), parameters that name the referrer, the
 * edition or the feed a link came from: never which article it is, so a key leaves them out,
 * though a canonical link shown to the reader keeps them.
 */
const EDITION_PARAMS = new Set(['ref', 'referrer', 'taid', 'mod', 'src', 'source', 'amp', 'outputtype', 'rss', 'feed']);

/** Host prefixes of mobile and AMP editions of the same site. */
const EDITION_HOST = /^(?:www\d?|m|mobile|amp|amp-[a-z]+)\./i;

function isTracking(name: string): boolean {
  return isTrackingParam(name) || EDITION_PARAMS.has(name.toLowerCase());
}

/** Google's AMP cache serves https://host/path as https://<host-dashed>.cdn.ampproject.org/c/s/host/path. */
function unwrapAmpCache(url: URL): URL {
  if (!url.hostname.endsWith('.cdn.ampproject.org')) return url;
  const match = /^\/[a-z](?:\/s)?\/(.+)$/.exec(url.pathname);
  if (!match) return url;
  try {
    return new URL(`https://${match[1]}${url.search}`);
  } catch {
    return url;
  }
}

/** AMP editions put "amp" in the path: /amp/..., .../amp, .../story.amp.html, ...-amp.html. */
function stripAmpPath(path: string): string {
  return (
    path
      .replace(/^\/amp(?=\/)/i, '')
      .replace(/\/amp\/?$/i, '')
      .replace(/[.-]amp(?=\.html?$)/i, '')
      .replace(/\/+$/, '') || '/'
  );
}

/**
 * The key of an article URL: https, host without www/m/amp prefixes, AMP path markers and
 * tracking parameters removed, the rest of the query sorted, no fragment, no trailing slash.
 * Returns null for what is not an http(s) URL.
 */
export function normalizeArticleUrl(input: string): string | null {
  let url: URL;
  try {
    url = unwrapAmpCache(new URL(input.trim()));
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(EDITION_HOST, '');
  const params = [...url.searchParams].filter(([name]) => !isTracking(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const port = url.port ? `:${url.port}` : '';
  return `https://${host}${port}${stripAmpPath(url.pathname)}${query}`;
}

/** The distinct keys of all the given URLs (invalid ones skipped), in first-seen order. */
export function urlVariants(...urls: readonly (string | null | undefined)[]): string[] {
  const keys = urls.map((u) => (u ? normalizeArticleUrl(u) : null)).filter((k): k is string => k !== null);
  return [...new Set(keys)];
}
