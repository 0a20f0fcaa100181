/**
 * Highlights as a W3C Web Annotation AnnotationCollection (JSON-LD,
 * https://www.w3.org/TR/annotation-model/ and https://www.w3.org/TR/annotation-vocab/).
 * Each highlight is an Annotation whose target is the article's URL with our selectors; the
 * note is a commenting TextualBody, each tag a tagging one; the colour travels as a CSS class
 * (`styleClass` with the collection's `stylesheet`), the model's own way to say how a target looks.
 */
import type { Selector } from '../anchoring/types';
import { HIGHLIGHT_COLOURS, type ArticleRecord, type HighlightColour, type HighlightRecord } from '../db/library-records';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Annotation ids are URNs of our highlight ids, so an import finds the same highlight again. */
export const ID_PREFIX = 'urn:newsmark:highlight:';
export const STYLE_CLASS_PREFIX = 'newsmark-';

/** Swatches the stylesheet gives each colour (what the page's highlight uses). */
const SWATCH: Record<HighlightColour, string> = {
  yellow: '#fff176', green: '#a5d6a7', blue: '#90caf9', pink: '#f48fb1', purple: '#ce93d8',
};

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}

export interface WebAnnotation {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified?: string;
  body?: TextualBody[];
  target: { source: string; selector: Selector[]; styleClass?: string };
}

export interface AnnotationCollection {
  '@context': string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  stylesheet: { type: 'CssStylesheet'; value: string };
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** The live highlights of the live articles as one collection with a single page. */
export function exportAnnotations(articles: readonly ArticleRecord[], highlights: readonly HighlightRecord[], label = 'Newsmark highlights'): AnnotationCollection {
  const byId = new Map(articles.filter((a) => !a.deleted).map((a) => [a.id, a]));
  const items = highlights
    .filter((h) => !h.deleted && byId.has(h.articleId))
    .map((h) => toAnnotation(h, byId.get(h.articleId)!));
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    stylesheet: {
      type: 'CssStylesheet',
      value: HIGHLIGHT_COLOURS.map((c) => `.${STYLE_CLASS_PREFIX}${c} { background-color: ${SWATCH[c]}; }`).join(' '),
    },
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

function toAnnotation(h: HighlightRecord, article: ArticleRecord): WebAnnotation {
  const body: TextualBody[] = [
    ...(h.note ? [{ type: 'TextualBody' as const, value: h.note, purpose: 'commenting' as const, format: 'text/plain' as const }] : []),
    ...h.tags.map((tag) => ({ type: 'TextualBody' as const, value: tag, purpose: 'tagging' as const })),
  ];
  return {
    id: `${ID_PREFIX}${h.id}`,
    type: 'Annotation',
    motivation: h.note ? 'commenting' : 'highlighting',
    created: new Date(h.createdAt).toISOString(),
    ...(body.length ? { body } : {}),
    target: { source: article.url, selector: h.selectors, styleClass: `${STYLE_CLASS_PREFIX}${h.colour}` },
  };
}
