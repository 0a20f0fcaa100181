/** What the content script sends to save the article it extracted (pure: analysis in, record input out). */
import type { ArticleAnalysis } from '../article';
import type { ArticleInput } from '../contracts/records';
import type { Entity } from '../contracts/entities';

/**
 * The library input for an analysed page: its metadata, the extracted text that highlights'
 * selectors refer to, and the entities recognised in that text (company ids included, so the
 * library can list saved articles by company). `fallbackTitle` is the document's title.
 */
export function articleInputOf(analysis: ArticleAnalysis, url: string, entities: readonly Entity[], fallbackTitle: string): ArticleInput {
  const { metadata } = analysis;
  return {
    url,
    canonicalUrl: metadata.canonicalUrl,
    title: metadata.title || fallbackTitle || url,
    byline: metadata.byline,
    publisher: metadata.siteName,
    publishedAt: metadata.publishedAt,
    language: metadata.lang,
    text: analysis.map.text,
    entities: [...entities],
  };
}
