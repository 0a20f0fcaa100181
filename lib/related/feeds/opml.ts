/**
 * OPML 1.0/2.0 subscription lists: import (nested outlines flattened, folders ignored)
 * and export, with fast-xml-parser's parser and builder.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { FeedParseError, attr, parseXml } from './parse';

export interface OpmlFeed {
  url: string;
  title: string;
  siteUrl?: string;
}

/** Every outline with an xmlUrl, in document order, without repeats. */
export function parseOpml(text: string): OpmlFeed[] {
  const root = parseXml(text.replace(/^\uFEFF/, '').trimStart());
  const body = (root.opml as { body?: unknown } | undefined)?.body;
  if (body === undefined) throw new FeedParseError('Not OPML: no <opml><body>');
  const feeds = new Map<string, OpmlFeed>();
  const visit = (outlines: unknown): void => {
    for (const outline of Array.isArray(outlines) ? outlines : outlines ? [outlines] : []) {
      const url = attr(outline, 'xmlUrl');
      if (url && isHttpUrl(url) && !feeds.has(url)) {
        const siteUrl = attr(outline, 'htmlUrl');
        feeds.set(url, { url, title: attr(outline, 'title') || attr(outline, 'text') || url, ...(siteUrl ? { siteUrl } : {}) });
      }
      visit((outline as { outline?: unknown }).outline);
    }
  };
  visit((body as { outline?: unknown }).outline);
  return [...feeds.values()];
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });

/** An OPML 2.0 document listing `feeds`. */
export function toOpml(feeds: readonly OpmlFeed[], title = 'Newsmark feeds'): string {
  const outline = feeds.map((feed) => ({
    '@_type': 'rss',
    '@_text': feed.title,
    '@_title': feed.title,
    '@_xmlUrl': feed.url,
    ...(feed.siteUrl ? { '@_htmlUrl': feed.siteUrl } : {}),
  }));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ opml: { '@_version': '2.0', head: { title }, body: { outline } } }) as string}`;
}

function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
