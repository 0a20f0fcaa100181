/**
 * Highlights as a W3C Web Annotation AnnotationCollection (JSON-LD,
 * https://www.w3.org/TR/annotation-model/), checked against the W3C's own test suite
 * (tests/unit/library/w3c-suite.test.ts). Each highlight is an Annotation:
 * - its target a SpecificResource: the article (id, title, byline, publisher, date, language as
 *   the library has them) with the selectors in the model's units (see w3c-selectors.ts);
 * - the note a commenting TextualBody in Markdown (notes are Markdown source: shown as typed in
 *   the extension, written as Markdown into the Markdown export), each tag a tagging one;
 * - the colour a CSS class `newsmark-<colour>` on the target, with the stylesheet that defines
 *   the classes on the annotation itself, where the model says a reader looks for it;
 * - `created`, and `modified` once a field was changed after the highlight was made (here, or
 *   where it was made, as the file it was imported from said).
 * No `creator`: Newsmark keeps no account or name, and a device id would tell anyone the file
 * is shared with which devices the reader uses. `generator` names Newsmark instead.
 */
import type { Selector } from '../contracts/selectors';
import { decodeHlc } from '../db/hlc';
import { HIGHLIGHT_COLOURS, type ArticleRecord, type HighlightColour, type HighlightRecord } from '../contracts/records';
import { shortHash } from './hash';
import { safeHttpUrl } from '../url/safe';
import { toW3cSelectors, type W3cSelector } from './w3c-selectors';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Annotation ids are URNs of our highlight ids, so an import finds the same highlight again. */
export const ID_PREFIX = 'urn:newsmark:highlight:';
export const STYLE_CLASS_PREFIX = 'newsmark-';
const COLLECTION_PREFIX = 'urn:newsmark:collection:';
const GENERATOR = { type: 'Software', name: 'Newsmark' } as const;

/** Swatches the stylesheet gives each colour (what the page's highlight uses). */
const SWATCH: Record<HighlightColour, string> = {
  yellow: '#fff176', green: '#a5d6a7', blue: '#90caf9', pink: '#f48fb1', purple: '#ce93d8',
};
export const STYLESHEET = {
  type: 'CssStylesheet',
  value: HIGHLIGHT_COLOURS.map((c) => `.${STYLE_CLASS_PREFIX}${c} { background-color: ${SWATCH[c]}; }`).join(' '),
} as const;

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format: 'text/markdown' | 'text/plain';
  language?: string;
}

/**
 * The article as the target's source. Title, byline, publisher and date have no term of their
 * own in the annotation context; they are written as Dublin Core terms (its `dcterms` prefix).
 */
export interface ArticleResource {
  id: string;
  type: 'Text';
  format: 'text/html';
  language?: string;
  'dcterms:title'?: string;
  'dcterms:creator'?: string;
  'dcterms:publisher'?: string;
  /** As the page gave it, which need not be an xsd:dateTime. */
  'dcterms:issued'?: string;
}

export interface WebAnnotation {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified?: string;
  generator: typeof GENERATOR;
  stylesheet: typeof STYLESHEET;
  body?: TextualBody[];
  target: { type: 'SpecificResource'; source: ArticleResource; selector: W3cSelector[]; styleClass: string };
}

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  /** The collection described, as the model's example does (the test suite reads it so). */
  partOf: { id: string; label: string; total: number };
  startIndex: 0;
  items: WebAnnotation[];
}

export interface AnnotationCollection {
  '@context': string;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: typeof GENERATOR;
  /** Absent when the collection is empty: a page must hold one annotation at least. */
  first?: AnnotationPage;
}

export interface ExportOptions {
  label?: string;
  /** BCP 47 language of the reader's notes and tags (the UI's), when known. */
  bodyLanguage?: string;
}

/**
 * The live highlights of the live articles as one collection with a single page. Its id is
 * made from the annotations' ids, so exporting the same highlights gives the same file.
 */
export function exportAnnotations(articles: readonly ArticleRecord[], highlights: readonly HighlightRecord[], options: ExportOptions = {}): AnnotationCollection {
  const byId = new Map(articles.filter((a) => !a.deleted).map((a) => [a.id, a]));
  const items = highlights
    .filter((h) => !h.deleted && byId.has(h.articleId))
    .map((h) => toAnnotation(h, byId.get(h.articleId)!, options.bodyLanguage));
  const id = `${COLLECTION_PREFIX}${shortHash(items.map((a) => a.id).join('\n'))}`;
  const label = options.label ?? 'Newsmark highlights';
  const total = items.length;
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    total,
    generator: GENERATOR,
    ...(total ? { first: { id: `${id}:page:1`, type: 'AnnotationPage', partOf: { id, label, total }, startIndex: 0, items } } : {}),
  };
}

function toAnnotation(h: HighlightRecord, article: ArticleRecord, bodyLanguage: string | undefined): WebAnnotation {
  const language = bodyLanguage ? { language: bodyLanguage } : {};
  const body: TextualBody[] = [
    ...(h.note ? [{ type: 'TextualBody' as const, value: h.note, purpose: 'commenting' as const, format: 'text/markdown' as const, ...language }] : []),
    ...h.tags.map((tag) => ({ type: 'TextualBody' as const, value: tag, purpose: 'tagging' as const, format: 'text/plain' as const, ...language })),
  ];
  const modified = modifiedAt(h);
  return {
    id: `${ID_PREFIX}${h.id}`,
    type: 'Annotation',
    motivation: h.note ? 'commenting' : 'highlighting',
    created: new Date(h.createdAt).toISOString(),
    ...(modified === undefined ? {} : { modified: new Date(modified).toISOString() }),
    generator: GENERATOR,
    stylesheet: STYLESHEET,
    ...(body.length ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source: articleResource(article),
      selector: toW3cSelectors(h.selectors as Selector[], article.text),
      styleClass: `${STYLE_CLASS_PREFIX}${h.colour}`,
    },
  };
}

/**
 * When the highlight was last changed, if after it was made: the wall time of its last change
 * stamp when that is not the stamp it was made with (an import stamps every field at once),
 * else the change time the file it was imported from gave.
 */
function modifiedAt(h: HighlightRecord): number | undefined {
  const made = h.clocks.createdAt;
  const here = made && h.updatedAt !== made ? decodeHlc(h.updatedAt).wall : 0;
  const latest = Math.max(here, h.modifiedAt ?? 0);
  return latest > h.createdAt ? latest : undefined;
}

function articleResource(article: ArticleRecord): ArticleResource {
  return {
    // A URI, as the model asks: the library keeps the address as read ("zürich"), URL writes it percent-encoded.
    id: safeHttpUrl(article.url) ?? article.url,
    type: 'Text',
    format: 'text/html',
    ...(article.language ? { language: article.language } : {}),
    ...(article.title ? { 'dcterms:title': article.title } : {}),
    ...(article.byline ? { 'dcterms:creator': article.byline } : {}),
    ...(article.publisher ? { 'dcterms:publisher': article.publisher } : {}),
    ...(article.publishedAt ? { 'dcterms:issued': article.publishedAt } : {}),
  };
}
