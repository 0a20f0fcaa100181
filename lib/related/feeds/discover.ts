/**
 * Finding a site's feeds from the address a reader pastes (a home page, a section, a bare
 * host, or a feed itself): the feeds the page announces (`<link rel="alternate">` with a feed
 * type, as browsers and feed readers look for them), else the paths sites commonly serve feeds
 * at. The reading of addresses and pages is pure over strings (a service worker has no
 * DOMParser); `discoverFeeds` does the fetching, with messages a reader can act on.
 */
import { decodeHTML } from 'entities';
import { DEFAULT_POLICY, SourceError, fetchText, type FetchLike, type FetchPolicy } from '../sources/http';
import { parseFeed } from './parse';
import type { FoundFeed } from '../../contracts/related';

export type { FoundFeed };

/** A feed a page announces: its address, and the title the page gives it (may be empty). */
export interface FeedLink {
  url: string;
  title: string;
}

/** The MIME types of feeds in `<link type>`: RSS, Atom, RDF (RSS 1.0) and JSON Feed. */
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json', 'application/rss', 'application/atom', 'text/rss+xml']);

/** Where sites commonly serve their feed when the page does not say (WordPress, Ghost, Hugo, Jekyll, Blogger and hand-made sites). */
export const COMMON_FEED_PATHS = ['/feed', '/rss', '/rss.xml', '/atom.xml', '/feed.xml', '/index.xml', '/feeds/posts/default'] as const;

/** A message for the reader: what went wrong and what to do. */
export class DiscoveryError extends Error {
  override name = 'DiscoveryError';
}

/**
 * The web address a reader typed: "https://www.example.com/world", "www.example.com/2019/",
 * "example.com" (https is assumed). Throws a DiscoveryError saying what to type otherwise.
 */
export function siteAddress(typed: string): URL {
  const text = typed.trim();
  const withScheme = /^[a-z][a-z\d+.-]*:/i.test(text) && !/^[^/:]+:\d+(\/|$)/.test(text) ? text : `https://${text}`;
  let url: URL | undefined;
  try {
    url = new URL(withScheme);
  } catch {
    url = undefined;
  }
  // A host has a dot (or is localhost / an IP address with a port), and no spaces.
  const hostOk = url && (url.hostname.includes('.') || url.hostname === 'localhost') && !/\s/.test(text);
  if (!text || !url || !/^https?:$/.test(url.protocol) || !hostOk) {
    throw new DiscoveryError(`“${text}” is not a web address. Paste the address of a news site, like www.example.com, or of its feed.`);
  }
  url.hash = '';
  return url;
}

/**
 * The feeds `html` announces, in its order, without repeats: `<link rel="alternate">` with a
 * feed type, addresses resolved against the page's `<base href>` or `pageUrl`. Comments are
 * skipped; http(s) addresses only.
 */
export function feedLinksIn(html: string, pageUrl: string): FeedLink[] {
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  const base = baseOf(text, pageUrl);
  const found = new Map<string, FeedLink>();
  for (const tag of text.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributesOf(tag[0]);
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (attrs.get('type') ?? '').toLowerCase().split(';')[0]!.trim();
    const href = attrs.get('href');
    if (!rel.includes('alternate') || !FEED_TYPES.has(type) || !href) continue;
    const url = resolved(href, base);
    if (url && !found.has(url)) found.set(url, { url, title: (attrs.get('title') ?? '').replace(/\s+/g, ' ').trim() });
  }
  return [...found.values()];
}

/** The common feed addresses to try for `site`: under the section the reader pasted first, then at the site's root. */
export function commonFeedUrls(site: URL): string[] {
  const section = site.pathname.replace(/\/+$/, '');
  const urls = section ? [`${section}/feed`, `${section}/rss`].map((path) => new URL(path, site.origin).href) : [];
  for (const path of COMMON_FEED_PATHS) urls.push(new URL(path, site.origin).href);
  return [...new Set(urls)];
}

/** The address `<base href>` gives the page, else the page's own. */
function baseOf(html: string, pageUrl: string): string {
  const tag = /<base\b[^>]*>/i.exec(html)?.[0];
  const href = tag ? attributesOf(tag).get('href') : undefined;
  return (href && resolved(href, pageUrl)) || pageUrl;
}

function resolved(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** A tag's attributes, names lower-cased, values with their character references decoded; the first of a repeated name wins, as in HTML. */
function attributesOf(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const inner = tag.replace(/^<[a-z]+/i, '').replace(/\/?>$/, '');
  for (const m of inner.matchAll(/([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = m[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeHTML(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

/** A reader is waiting: one attempt each, and not long. */
export const DISCOVERY_POLICY: FetchPolicy = { ...DEFAULT_POLICY, timeoutMs: 10_000, retries: 0 };

const ACCEPT = 'text/html, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5';

/**
 * The feeds of the site at the address a reader typed, each with its own title: the address
 * itself when it is a feed; else the feeds its page announces (a link that cannot be read keeps
 * the page's title for it); else those of the common paths that answer with a feed. Throws a
 * DiscoveryError when the address is not one, the site cannot be reached, or no feed is found.
 */
export async function discoverFeeds(fetch: FetchLike, typed: string, policy: FetchPolicy = DISCOVERY_POLICY): Promise<FoundFeed[]> {
  const site = siteAddress(typed);
  const host = site.host;
  let page: { text: string; url: string };
  try {
    page = await fetchText(fetch, site.href, policy, { headers: { accept: ACCEPT } });
  } catch (error) {
    throw new DiscoveryError(`Newsmark could not read ${host}: ${reason(error)}. Check the address, or try again later.`);
  }
  const itself = asFeed(page.text, page.url);
  if (itself) return [{ url: page.url, title: itself.title || host, checked: true }];

  const links = feedLinksIn(page.text, page.url);
  if (links.length) {
    return Promise.all(
      links.map(async (link) => {
        const feed = await tryFeed(fetch, link.url, policy);
        return feed ?? { url: link.url, title: link.title || new URL(link.url).host, checked: false };
      }),
    );
  }
  const probed = await Promise.all(commonFeedUrls(new URL(page.url)).map((url) => tryFeed(fetch, url, policy)));
  const feeds = unique(probed.filter((feed): feed is FoundFeed => feed !== null));
  if (!feeds.length) {
    throw new DiscoveryError(`Newsmark found no feed on ${host}. If the site shows a feed (RSS or Atom) address, paste that address here.`);
  }
  return feeds;
}

/** The feed at `url` with its title, or null when it does not answer with one. */
async function tryFeed(fetch: FetchLike, url: string, policy: FetchPolicy): Promise<FoundFeed | null> {
  try {
    const answer = await fetchText(fetch, url, policy, { headers: { accept: ACCEPT } });
    const feed = asFeed(answer.text, answer.url);
    return feed ? { url: answer.url, title: feed.title || new URL(answer.url).host, checked: true } : null;
  } catch {
    return null;
  }
}

function asFeed(text: string, url: string): { title: string } | null {
  try {
    return parseFeed(text, { url, maxItems: 1 });
  } catch {
    return null;
  }
}

/** Several common paths often answer with the same feed (redirects, aliases, RSS beside Atom): the first of each address and title. */
function unique(feeds: FoundFeed[]): FoundFeed[] {
  const seen = new Set<string>();
  return feeds.filter((feed) => {
    const known = seen.has(feed.url) || seen.has(`title ${feed.title}`);
    seen.add(feed.url).add(`title ${feed.title}`);
    return !known;
  });
}

function reason(error: unknown): string {
  if (error instanceof SourceError) return error.message.charAt(0).toLowerCase() + error.message.slice(1);
  return error instanceof Error ? error.message : String(error);
}
