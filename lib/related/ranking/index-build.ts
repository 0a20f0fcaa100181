/**
 * An inverted index over feed items for BM25F-style scoring: the headline counts in
 * full, the summary and the URL slug count less (they repeat the headline or pad it).
 * Built once per pool, then queried many times; plain arrays, no classes, so it can be
 * rebuilt cheaply in a service worker that was just woken.
 */
import { outletKey, tokenize, urlSlugText } from '../text';
import type { FeedItem } from '../../contracts/related';

/** How much a term found in each field counts, relative to the headline. */
export const FIELD_WEIGHTS = { title: 1, summary: 0.4, slug: 0.5 } as const;

export interface Postings {
  docs: number[];
  /** Field-weighted term frequency in each doc of `docs`. */
  tfs: number[];
}

export interface RelatedIndex {
  items: FeedItem[];
  /** Headline terms of each item (a set, in first-seen order), for duplicate and diversity checks. */
  titleTerms: string[][];
  /** Field-weighted length of each item. */
  lengths: Float64Array;
  averageLength: number;
  /** Publication time in ms, NaN when the feed gave none that parses. */
  times: Float64Array;
  outlets: string[];
  postings: Map<string, Postings>;
}

/** Field-weighted term counts of one item whose headline is already tokenised. */
function weightedTerms(titleTerms: string[], item: Pick<FeedItem, 'summary' | 'url'>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (terms: string[], weight: number): void => {
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  add(titleTerms, FIELD_WEIGHTS.title);
  if (item.summary) add(tokenize(item.summary), FIELD_WEIGHTS.summary);
  add(tokenize(urlSlugText(item.url)), FIELD_WEIGHTS.slug);
  return counts;
}

/** Indexes `items`; the index keeps a reference to the array, so do not mutate it afterwards. */
export function buildIndex(items: FeedItem[]): RelatedIndex {
  const postings = new Map<string, Postings>();
  const lengths = new Float64Array(items.length);
  const times = new Float64Array(items.length);
  const titleTerms: string[][] = [];
  const outlets: string[] = [];
  let totalLength = 0;
  items.forEach((item, doc) => {
    const title = tokenize(item.title);
    const counts = weightedTerms(title, item);
    let length = 0;
    for (const [term, tf] of counts) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = { docs: [], tfs: [] }));
      list.docs.push(doc);
      list.tfs.push(tf);
      length += tf;
    }
    lengths[doc] = length;
    totalLength += length;
    times[doc] = Date.parse(item.publishedAt);
    titleTerms.push([...new Set(title)]);
    outlets.push(outletKey(item.source, item.url));
  });
  return {
    items,
    titleTerms,
    lengths,
    averageLength: items.length ? totalLength / items.length : 0,
    times,
    outlets,
    postings,
  };
}
