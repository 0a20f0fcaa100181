/**
 * Parses RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed into plain FeedItems with
 * fast-xml-parser (no DOM needed, so it runs in a service worker). Broken input throws a
 * FeedParseError that says what was wrong, never a half-read feed.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeXML } from 'entities';
import type { FeedItem } from '../../contracts/related';
import { hostOf } from '../../url/host';
import { toPlainText } from './plain-text';

export class FeedParseError extends Error {
  override name = 'FeedParseError';
}

export interface ParsedFeed {
  /** The feed's own title: the outlet name shown with its items. */
  title: string;
  /** The site the feed belongs to. */
  link?: string;
  items: FeedItem[];
}

export interface ParseOptions {
  /** Where the feed was fetched from: resolves relative links and names the outlet when the feed does not. */
  url: string;
  /** Items beyond this many are dropped (newest come first in practice). */
  maxItems?: number;
}

const DEFAULT_MAX_ITEMS = 500;

type XmlNode = Record<string, unknown>;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // dc:date, atom:link, News:Source -> date, link, Source.
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities are decoded per field below (entities' decodeXML): the parser's own expansion
  // budget is meant for DOCTYPE entities and would refuse a large feed full of "&amp;".
  processEntities: false,
  cdataPropName: '__cdata',
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'outline',
});

/** Parses a feed in any supported format; the format is told from the content, not the Content-Type. */
export function parseFeed(body: string, options: ParseOptions): ParsedFeed {
  const text = body.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{')) return parseJsonFeed(text, options);
  if (!text.startsWith('<')) throw new FeedParseError('Not a feed: the answer is neither XML nor JSON');
  return parseXmlFeed(text, options);
}

/** Parses XML after checking it is well formed, so a truncated feed fails instead of losing items silently. */
export function parseXml(text: string): XmlNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new FeedParseError(`Broken XML at line ${valid.err.line}: ${valid.err.msg}`);
  return xml.parse(text) as XmlNode;
}

function parseXmlFeed(text: string, options: ParseOptions): ParsedFeed {
  const root = parseXml(text);
  const channel = asNode(asNode(root.rss)?.channel);
  if (channel) return fromRss(channel, channel.item, options);
  // RSS 1.0 keeps its items beside the channel, not in it.
  const rdf = asNode(root.RDF);
  if (rdf) return fromRss(asNode(rdf.channel) ?? {}, rdf.item, options);
  const atom = asNode(root.feed);
  if (atom) return fromAtom(atom, options);
  throw new FeedParseError('Not a feed: XML without <rss>, <rdf:RDF> or <feed>');
}

function fromRss(channel: XmlNode, rawItems: unknown, options: ParseOptions): ParsedFeed {
  const title = plain(channel.title) || (hostOf(options.url) ?? options.url);
  const items = asArray(rawItems).flatMap((raw): FeedItem[] => {
    const item = asNode(raw);
    if (!item) return [];
    const link = absolute(textOf(firstOf(item.link)) || attr(firstOf(item.link), 'href'), options.url);
    const guid = textOf(item.guid);
    const headline = plain(item.title);
    if (!headline || !(link || guid)) return [];
    // Google News names each item's outlet in <source url="...">Name</source>.
    const outlet = plain(item.source) || plain(item.Source) || title;
    return [
      {
        id: guid || link,
        title: stripOutletSuffix(headline, outlet),
        summary: optional(plain(item.description) || plain(item.encoded)),
        url: link || guid,
        source: outlet,
        publishedAt: isoDate(textOf(item.pubDate) || textOf(item.date) || textOf(item.updated)),
      },
    ];
  });
  return { title, link: optional(absolute(textOf(firstOf(channel.link)), options.url)), items: items.slice(0, options.maxItems ?? DEFAULT_MAX_ITEMS) };
}

function fromAtom(feed: XmlNode, options: ParseOptions): ParsedFeed {
  const title = plain(feed.title) || (hostOf(options.url) ?? options.url);
  const items = asArray(feed.entry).flatMap((raw): FeedItem[] => {
    const entry = asNode(raw);
    if (!entry) return [];
    const link = absolute(atomLink(entry.link), options.url);
    const id = textOf(entry.id);
    const headline = plain(entry.title);
    if (!headline || !(link || id)) return [];
    // An aggregated Atom feed names each entry's origin in <source><title>.
    const author = plain(asNode(entry.source)?.title);
    return [
      {
        id: id || link,
        title: headline,
        summary: optional(plain(entry.summary) || plain(entry.content)),
        url: link || id,
        source: author || title,
        publishedAt: isoDate(textOf(entry.published) || textOf(entry.updated)),
      },
    ];
  });
  return { title, link: optional(absolute(atomLink(feed.link), options.url)), items: items.slice(0, options.maxItems ?? DEFAULT_MAX_ITEMS) };
}

/** The entry's page: rel="alternate" (or no rel), else the first link. */
function atomLink(links: unknown): string {
  const all = asArray(links).map(asNode).filter((l): l is XmlNode => l !== undefined);
  const alternate = all.find((l) => (attr(l, 'rel') || 'alternate') === 'alternate') ?? all[0];
  return alternate ? attr(alternate, 'href') : '';
}

interface JsonFeedItem {
  id?: unknown;
  url?: unknown;
  external_url?: unknown;
  title?: unknown;
  summary?: unknown;
  content_text?: unknown;
  content_html?: unknown;
  date_published?: unknown;
  date_modified?: unknown;
}

function parseJsonFeed(text: string, options: ParseOptions): ParsedFeed {
  let feed: { version?: unknown; title?: unknown; home_page_url?: unknown; items?: unknown };
  try {
    feed = JSON.parse(text) as typeof feed;
  } catch (error) {
    throw new FeedParseError(`Broken JSON: ${(error as Error).message}`);
  }
  if (typeof feed.version !== 'string' || !feed.version.includes('jsonfeed.org') || !Array.isArray(feed.items)) {
    throw new FeedParseError('Not a JSON Feed: no jsonfeed.org version or no items');
  }
  const title = str(feed.title) || (hostOf(options.url) ?? options.url);
  const items = (feed.items as JsonFeedItem[]).flatMap((item): FeedItem[] => {
    const url = absolute(str(item.url) || str(item.external_url), options.url);
    const id = str(item.id) || url;
    const headline = toPlainText(str(item.title));
    if (!headline || !id) return [];
    return [
      {
        id,
        title: headline,
        summary: optional(toPlainText(str(item.summary) || str(item.content_text) || str(item.content_html))),
        url: url || id,
        source: title,
        publishedAt: isoDate(str(item.date_published) || str(item.date_modified)),
      },
    ];
  });
  return { title, link: optional(str(feed.home_page_url)), items: items.slice(0, options.maxItems ?? DEFAULT_MAX_ITEMS) };
}

/** Google News titles end in " - Outlet"; the outlet is shown on its own. */
function stripOutletSuffix(title: string, outlet: string): string {
  const suffix = ` - ${outlet}`;
  return outlet && title.endsWith(suffix) && title.length > suffix.length ? title.slice(0, -suffix.length) : title;
}

function asNode(value: unknown): XmlNode | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : undefined;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** An element's text: XML-decoded text parts and raw CDATA parts, in order. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return decodeXML(value).trim();
  if (Array.isArray(value)) return value.map(textOf).join('');
  const node = asNode(value);
  if (!node) return '';
  const parts: string[] = [];
  for (const [key, part] of Object.entries(node)) {
    if (key === '#text') parts.push(typeof part === 'string' ? decodeXML(part) : String(part));
    else if (key === '__cdata') parts.push(asArray(part).map((c) => (typeof c === 'string' ? c : textOf(c))).join(''));
  }
  return parts.join('').trim();
}

/** An attribute's value, XML-decoded. */
export function attr(value: unknown, name: string): string {
  const raw = asNode(value)?.[`@_${name}`];
  return typeof raw === 'string' ? decodeXML(raw).trim() : '';
}

function plain(value: unknown): string {
  return toPlainText(textOf(value));
}

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function optional(value: string): string | undefined {
  return value || undefined;
}

function absolute(link: string, base: string): string {
  if (!link) return '';
  try {
    return new URL(link, base).href;
  } catch {
    return '';
  }
}


/** ISO 8601 from RFC 822 (RSS), ISO 8601 (Atom, JSON Feed); '' when it does not parse. */
function isoDate(text: string): string {
  const time = Date.parse(text);
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
}
