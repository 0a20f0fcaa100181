import { readJsonLd } from '@/lib/article/json-ld';
import { readMetaTags, readMetadata } from '@/lib/article/metadata';
import { readSecondLookSignals, secondLook, type SecondLook } from '@/lib/article/second-look';

/** The second look's verdict on a page, read as the pipeline reads it (see analyzeArticleSteps). */
export function secondLookAt(doc: Document, url?: string): SecondLook {
  const ld = readJsonLd(doc);
  const tags = readMetaTags(doc);
  return secondLook(readSecondLookSignals(doc, doc.body, { ld, tags, canonicalUrl: readMetadata(doc, ld, url, tags).canonicalUrl }));
}
