/**
 * Article metadata from what publishers declare, most deliberate source first: JSON-LD,
 * then OpenGraph / `article:*` / Dublin Core / plain meta tags, then microdata and markup.
 */
import { mainArticle, names, text, type LdNode } from './json-ld';
import { cleanUrl } from '../url/tracking';
import { PRINTED_DATE } from './page-kind';

export interface ArticleMetadata {
  title: string | null;
  byline: string | null;
  /** ISO 8601; a date, a local date-time, or a date-time with its offset, as precise as the page says. */
  publishedAt: string | null;
  modifiedAt: string | null;
  siteName: string | null;
  /** BCP 47 tag, e.g. "en" or "pt-BR". */
  lang: string | null;
  canonicalUrl: string | null;
  description: string | null;
}

/**
 * Meta tags by lower-cased property/name/itemprop (a space-separated list names several); first one wins.
 * Some saved and archived pages write the value in `value` rather than `content`
 * (`<meta value="article" name="og:type">`): it is read the same, or the page loses every claim it makes.
 */
export function readMetaTags(doc: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const meta of doc.querySelectorAll('meta[content], meta[value]')) {
    const content = (meta.getAttribute('content') ?? meta.getAttribute('value'))?.trim();
    if (!content) continue;
    const keys = `${meta.getAttribute('property') ?? ''} ${meta.getAttribute('name') ?? ''} ${meta.getAttribute('itemprop') ?? ''}`;
    for (const key of keys.toLowerCase().split(/\s+/)) if (key && !tags.has(key)) tags.set(key, content);
  }
  return tags;
}

function first(tags: Map<string, string>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = tags.get(key);
    if (value) return value;
  }
  return undefined;
}

const TITLE_KEYS = ['og:title', 'twitter:title', 'dc.title', 'dc:title', 'dcterms.title', 'dcterms:title', 'headline', 'title', 'parsely-title', 'sailthru.title'];
const PUBLISHED_KEYS = [
  'article:published_time', 'og:published_time', 'article:published', 'datepublished', 'published_time', 'pubdate',
  'publishdate', 'publish-date', 'publication_date', 'date', 'dc.date.issued', 'dc.date', 'dcterms.created',
  'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'article.published', 'cxenseparse:recs:publishtime',
];
const MODIFIED_KEYS = ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms.modified', 'article.updated'];
const AUTHOR_KEYS = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dc:creator', 'dcterms.creator', 'dcterms:creator', 'byl'];
const DESCRIPTION_KEYS = ['og:description', 'description', 'twitter:description', 'dc.description', 'dc:description'];
const TITLE_SEPARATOR = /\s+[|–—:·•»\-]\s+|\s+::\s+/;

/** Reads the page's metadata. `url` is the page's address, used to resolve a relative canonical link. */
export function readMetadata(doc: Document, ld: LdNode[], url?: string, tags: Map<string, string> = readMetaTags(doc)): ArticleMetadata {
  const article = mainArticle(ld);
  const publisher = article && names(article.publisher)[0];
  const siteName = tidy(first(tags, ['og:site_name', 'application-name', 'al:android:app_name']) ?? publisher ?? ld.map((n) => (n['@type'] === 'WebSite' ? text(n.name) : undefined)).find(Boolean));
  const title = readTitle(doc, tags, article, siteName);
  return {
    title,
    byline: readByline(doc, tags, article),
    publishedAt: normalizeDate(text(article?.datePublished) ?? text(article?.dateCreated) ?? first(tags, PUBLISHED_KEYS) ?? timeAttribute(doc, '[itemprop~="datePublished"], time[pubdate]')),
    modifiedAt: normalizeDate(text(article?.dateModified) ?? first(tags, MODIFIED_KEYS) ?? timeAttribute(doc, '[itemprop~="dateModified"]')),
    siteName,
    lang: readLang(doc, tags, article),
    canonicalUrl: readCanonical(doc, tags, article, url),
    description: tidy(text(article?.description) ?? first(tags, DESCRIPTION_KEYS)),
  };
}

function tidy(value: string | undefined | null): string | null {
  const result = value?.replace(/\s+/g, ' ').trim();
  return result ? decodeEntities(result) : null;
}

/** Entities left in JSON-LD or double-escaped meta content ("&amp;amp;", "&#8217;"). */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return value.replace(/&(?:#(\d+)|#x([\da-f]+)|(\w+));/gi, (whole, dec: string, hex: string, name: string) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : -1;
    if (code >= 0) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return named[name.toLowerCase()] ?? whole;
  });
}

function readTitle(doc: Document, tags: Map<string, string>, article: LdNode | undefined, siteName: string | null): string | null {
  const documentTitle = tidy(doc.title);
  const heading = tidy(doc.querySelector('h1')?.textContent);
  const declared = [text(article?.headline), text(article?.name), ...TITLE_KEYS.map((key) => tags.get(key))]
    .map((candidate) => tidy(candidate))
    .filter((candidate): candidate is string => candidate !== null);
  // The declared title the page also shows (as its h1 or in its <title>) is the headline; JSON-LD
  // `headline` is sometimes a summary line (Wikipedia), and og:title sometimes the site's name.
  const shown = declared.find((candidate) => documentTitle?.includes(candidate) && words(candidate) > 2) ?? declared.find((candidate) => candidate === heading);
  const title = shown ?? declared[0];
  if (title && !(words(title) <= 2 && documentTitle && documentTitle.length > title.length && documentTitle.includes(title))) {
    return withoutSiteName(title, siteName);
  }
  if (documentTitle && heading && documentTitle.includes(heading)) return heading;
  return documentTitle ? withoutSiteName(documentTitle, siteName) : heading;
}

function words(value: string): number {
  return value.split(/\s+/).length;
}

/** "Story | Site" → "Story" when the last or first part names the site. */
function withoutSiteName(title: string, siteName: string | null): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2 || !siteName) return title;
  const site = siteName.toLowerCase();
  const sameSite = (part: string) => part.toLowerCase() === site || (part.length > 3 && site.includes(part.toLowerCase()));
  if (sameSite(parts[parts.length - 1]!)) return title.slice(0, title.lastIndexOf(parts[parts.length - 1]!)).replace(TITLE_SEPARATOR_END, '');
  if (sameSite(parts[0]!)) return title.slice(parts[0]!.length).replace(TITLE_SEPARATOR_START, '');
  return title;
}
const TITLE_SEPARATOR_END = /\s+(?:[|–—:·•»\-]|::)\s*$/;
const TITLE_SEPARATOR_START = /^\s*(?:[|–—:·•»\-]|::)\s+/;

function readByline(doc: Document, tags: Map<string, string>, article: LdNode | undefined): string | null {
  const people = article ? names(article.author).filter((name) => !/^https?:\/\//.test(name)) : [];
  if (people.length) return withoutBy(tidy([...new Set(people)].join(', ')));
  const meta = first(tags, AUTHOR_KEYS);
  if (meta && !/^https?:\/\//.test(meta)) return withoutBy(tidy(meta));
  const element = doc.querySelector('[itemprop~="author"] [itemprop~="name"], [itemprop~="author"], [rel="author"], .byline, .author');
  const found = withoutBy(tidy(element?.textContent));
  return found && found.length <= 100 ? found : null;
}

/**
 * "By Jane Doe" → "Jane Doe"; a credit line that goes on with the date and the section after a
 * separator ("Dave Yin / Nov 07, 2019 03:33 AM / Business & Tech") → the names before the date.
 */
function withoutBy(byline: string | null): string | null {
  const name = byline?.replace(/^(?:by|von|par|por|di|door)\s+/i, '');
  if (!name) return null;
  const parts = name.split(CREDIT_SEPARATOR);
  const dated = parts.findIndex((part) => PRINTED_DATE.test(part) || CLOCK_TIME.test(part));
  return dated > 0 ? parts.slice(0, dated).join(' / ') : name;
}
/** Separators between a credit line's name, date and section. */
const CREDIT_SEPARATOR = /\s+[/|•·]\s+|\s*\n\s*/;
const CLOCK_TIME = /(?<!\d)\d{1,2}:\d{2}(?!\d)/;

function timeAttribute(doc: Document, selector: string): string | undefined {
  const element = doc.querySelector(selector);
  return element?.getAttribute('datetime') ?? element?.getAttribute('content') ?? undefined;
}

function readLang(doc: Document, tags: Map<string, string>, article: LdNode | undefined): string | null {
  const raw = doc.documentElement?.getAttribute('lang') ?? doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ?? text(article?.inLanguage) ?? tags.get('og:locale') ?? tags.get('language');
  const lang = raw?.trim().replace(/_/g, '-').split(/[\s,;]/)[0];
  return lang && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(lang) ? lang : null;
}

function readCanonical(doc: Document, tags: Map<string, string>, article: LdNode | undefined, url?: string): string | null {
  const base = url ?? (doc.querySelector('base[href]')?.getAttribute('href') || undefined);
  const mainEntity = article?.mainEntityOfPage;
  const candidates = [
    doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'),
    tags.get('og:url'),
    text(article?.url),
    typeof mainEntity === 'string' ? mainEntity : text((mainEntity as LdNode | undefined)?.['@id']),
    url,
  ];
  for (const candidate of candidates) {
    const clean = candidate ? cleanUrl(candidate, base) : null;
    if (clean) return clean;
  }
  return null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i;

/** ISO 8601 as precise as the source: keeps a declared offset, converts other formats to UTC. */
export function normalizeDate(value: string | undefined | null): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  const iso = ISO_DATE.exec(raw);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    if (!plausibleYear(Number(y))) return null;
    if (h === undefined) return `${y}-${mo}-${d}`;
    const offset = zone === undefined ? '' : zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${frac ?? ''}${offset}`;
  }
  const time = /^\d{10}$/.test(raw) ? Number(raw) * 1000 : /^\d{13}$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(time)) return null;
  const date = new Date(time);
  return plausibleYear(date.getUTCFullYear()) ? date.toISOString() : null;
}

function plausibleYear(year: number): boolean {
  return year >= 1990 && year <= 2100;
}
