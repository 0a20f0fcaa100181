/**
 * Reads annotations made elsewhere: W3C Web Annotation JSON-LD (a collection, a page, one
 * annotation or a list of them, Newsmark's own export and Hypothesis's alike) and Hypothesis's
 * JSON (its client's export and its API's search answer). Each annotation that quotes text on
 * a web page becomes a highlight on the article at that address; the rest (local PDFs, page
 * notes, replies, image regions) is counted as skipped, not guessed at and not refused.
 *
 * The same annotation read from two files (Hypothesis's JSON and its JSON-LD) gets the same
 * id, made from its page, its quote and when it was made, so it is imported once.
 */
import type { RangeSelector, Selector, TextPositionSelector } from '../contracts/selectors';
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../contracts/records';
import { urlVariants } from '../url/article-key';
import { MAX_NOTE_LENGTH } from '../db/validate';
import { ID_PREFIX, STYLE_CLASS_PREFIX } from './annotation-export';
import { isObject, Problems, selectors, str, strList, type Json, type JsonObject } from './check';
import { shortHash } from './hash';
import { htmlToText } from './html-text';
import { ImportError } from './import-errors';
import { parseIsoDate } from './iso-date';
import { safeHttpUrl } from '../url/safe';
import { storedRange } from './w3c-selectors';

/** What a file says of the article an annotation is on. */
export interface ArticleMeta {
  title: string | null;
  byline: string | null;
  publisher: string | null;
  publishedAt: string | null;
  language: string | null;
  /** The article's own tags, where the format has them (Omnivore's labels of an item). */
  tags?: string[];
}

/** One highlight to attach to the article saved (or to be made) under `url`. */
export interface ForeignHighlight {
  /** Where it is in the file ("annotation 3"), for messages. */
  where: string;
  id: string;
  url: string;
  article: ArticleMeta;
  /** Positions (kept from Newsmark's own export only) count code points, as the model does; the import maps them onto saved text. */
  selectors: Selector[];
  quote: string;
  note: string;
  tags: string[];
  colour: HighlightColour;
  /** 0 when the file does not say. */
  createdAt: number;
  /** When it was last changed, if the file says so and it is after `createdAt`. */
  modifiedAt?: number;
}

/** Why an annotation was left out. */
export type SkipReason = 'notOnWeb' | 'noQuote' | 'reply';

export interface ForeignAnnotations {
  highlights: ForeignHighlight[];
  skipped: Record<SkipReason, number>;
}

const MAX_ANNOTATIONS = 1_000_000;
const MAX_META = 2_000;

/** Whether a parsed JSON value looks like W3C Web Annotation data. */
export function isWebAnnotation(value: Json): boolean {
  const types = new Set(['Annotation', 'AnnotationCollection', 'AnnotationPage']);
  if (Array.isArray(value)) return value.length > 0 && value.every((v) => isObject(v) && types.has(v.type as string));
  return isObject(value) && types.has(value.type as string);
}

/** Whether a parsed JSON value looks like a Hypothesis export (or an API search answer). */
export function isHypothesisExport(value: Json): boolean {
  return isObject(value) && ((Array.isArray(value.annotations) && ('export_date' in value || 'client_version' in value)) || (Array.isArray(value.rows) && 'total' in value));
}

/** `kind` names the file in messages (annotations made from another format are read here too). */
export function readWebAnnotations(value: Json, kind = 'W3C Web Annotation data'): ForeignAnnotations {
  return readAll(webAnnotationItems(value), kind, (raw, path, problems) => {
    const target = firstTarget(raw.target);
    const source = target?.source;
    const url = typeof source === 'string' ? source : isObject(source) && typeof source.id === 'string' ? source.id : raw.uri;
    const bodies = bodiesOf(raw);
    const tagging = raw.motivation === 'tagging';
    const isTag = (b: JsonObject) => b.purpose === 'tagging' || (tagging && b.purpose === undefined);
    return {
      rawId: raw.id,
      ownPrefix: ID_PREFIX,
      url,
      article: isObject(source) ? articleMetaOf(problems, `${path} target.source`, source) : EMPTY_META,
      target,
      note: bodies.filter((b) => !isTag(b)).map(bodyText).filter(Boolean).join('\n\n'),
      tags: bodies.filter(isTag).map(bodyText).filter(Boolean),
      colour: colourOf(target?.styleClass),
      created: raw.created,
      modified: raw.modified,
      isReply: false,
    };
  });
}

export function readHypothesisExport(value: JsonObject): ForeignAnnotations {
  const items = (Array.isArray(value.annotations) ? value.annotations : value.rows) as Json[];
  return readAll(items, 'Hypothesis export', (raw) => {
    const target = firstTarget(raw.target);
    const title = isObject(raw.document) ? raw.document.title : undefined;
    return {
      rawId: raw.id,
      ownPrefix: null,
      url: typeof target?.source === 'string' ? target.source : raw.uri,
      // The API answers a list of titles; the client's own fixtures write one string.
      article: { ...EMPTY_META, title: firstString(title)?.slice(0, MAX_META) ?? null },
      target,
      // Hypothesis notes are Markdown, which is what a Newsmark note holds: kept as written.
      note: typeof raw.text === 'string' ? raw.text : '',
      tags: raw.tags ?? [],
      colour: 'yellow',
      created: raw.created,
      // The API writes `updated` at creation too; it counts only when later than `created`.
      modified: raw.updated,
      isReply: Array.isArray(raw.references) && raw.references.length > 0,
    };
  });
}

/** One annotation as each format gives it, before the common checks. */
interface Fields {
  rawId: Json | undefined;
  /** Ids under this prefix are Newsmark's own highlight ids. */
  ownPrefix: string | null;
  url: Json | undefined;
  article: ArticleMeta;
  target: Target | undefined;
  note: Json;
  tags: Json;
  colour: HighlightColour;
  created: Json | undefined;
  modified: Json | undefined;
  isReply: boolean;
}

function readAll(items: Json[], kind: string, fieldsOf: (raw: JsonObject, path: string, problems: Problems) => Fields): ForeignAnnotations {
  if (items.length > MAX_ANNOTATIONS) throw new ImportError(`The file holds ${items.length} annotations; Newsmark imports at most ${MAX_ANNOTATIONS}.`);
  const problems = new Problems();
  const result: ForeignAnnotations = { highlights: [], skipped: { notOnWeb: 0, noQuote: 0, reply: 0 } };
  items.forEach((raw, i) => {
    const path = `annotation ${i + 1}`;
    if (!isObject(raw)) return problems.add(path, 'should be an object');
    const fields = fieldsOf(raw, path, problems);
    const skip = fields.isReply ? 'reply' : !safeHttpUrl(typeof fields.url === 'string' ? fields.url : '') ? 'notOnWeb' : !hasQuote(fields.target?.selector) ? 'noQuote' : null;
    if (skip) return void result.skipped[skip]++;
    const highlight = foreign(problems, path, fields);
    if (highlight) result.highlights.push(highlight);
  });
  if (problems.any) throw new ImportError(`The file is not a valid ${kind}: ${problems.summary()}.`);
  return result;
}

/** What an import left out, in words (the library's outcome line and the convert command say the same). */
export function skipMessages(skipped: Record<SkipReason, number>): string[] {
  const say = (n: number, one: string, many: string) => (n ? [`${n} ${n === 1 ? one : many}`] : []);
  return [
    ...say(skipped.notOnWeb, 'annotation on a document that is not a web page (a local PDF or file) was left out', 'annotations on documents that are not web pages (local PDFs or files) were left out'),
    ...say(skipped.noQuote, 'annotation that quotes no text (a page note or an image region) was left out', 'annotations that quote no text (page notes or image regions) were left out'),
    ...say(skipped.reply, 'reply was left out', 'replies were left out'),
  ];
}

function webAnnotationItems(value: Json): Json[] {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) return [];
  if (value.type === 'Annotation') return [value];
  if (value.type === 'AnnotationPage') return Array.isArray(value.items) ? value.items : [];
  if (isObject(value.first)) return Array.isArray(value.first.items) ? value.first.items : [];
  if (typeof value.first === 'string') {
    throw new ImportError('This collection keeps its annotations on other pages on the web; Newsmark imports collections whose annotations are in the file.');
  }
  // An empty collection has no page.
  return [];
}

interface Target {
  source: Json | undefined;
  selector: Json[];
  styleClass: Json | undefined;
}

/**
 * The first target: a SpecificResource (its source and selectors), or the resource itself
 * (its address as a string, or an object with an id and no source), which selects no text.
 */
function firstTarget(value: Json | undefined): Target | undefined {
  const target = listOf(value)[0];
  if (typeof target === 'string') return { source: target, selector: [], styleClass: undefined };
  if (!isObject(target)) return undefined;
  const source = target.source ?? (typeof target.id === 'string' ? target.id : undefined);
  return { source, selector: textSelectors(target.selector), styleClass: target.styleClass };
}

/**
 * The selectors with refinements read: a selector refined by a text selector (a fragment of a
 * document refined by a quote) contributes the quote, which we can anchor.
 */
function textSelectors(value: Json | undefined): Json[] {
  return listOf(value).flatMap((s) => {
    if (!isObject(s) || s.type === 'TextQuoteSelector' || s.type === 'TextPositionSelector' || s.type === 'RangeSelector') return [s];
    const refinement = isObject(s.refinedBy) && s.refinedBy.type === 'TextQuoteSelector' ? [s.refinedBy] : [];
    return refinement;
  });
}

function hasQuote(selector: Json[] | undefined): boolean {
  return (selector ?? []).some((s) => isObject(s) && s.type === 'TextQuoteSelector');
}

function listOf(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function bodiesOf(raw: JsonObject): JsonObject[] {
  const bodies = listOf(raw.body).filter(isObject);
  return typeof raw.bodyValue === 'string' ? [{ type: 'TextualBody', value: raw.bodyValue }, ...bodies] : bodies;
}

/** A textual body's text: HTML as the text it shows, anything else (plain, Markdown) as written. */
function bodyText(body: JsonObject): string {
  if (typeof body.value !== 'string') return '';
  const format = firstString(body.format) ?? '';
  return /^text\/html\b|^application\/xhtml\+xml\b/i.test(format) ? htmlToText(body.value) : body.value;
}

const EMPTY_META: ArticleMeta = { title: null, byline: null, publisher: null, publishedAt: null, language: null };

/** The article's metadata as Newsmark's export writes it on the target's source (Dublin Core terms). */
function articleMetaOf(problems: Problems, path: string, source: JsonObject): ArticleMeta {
  const text = (key: string, max = MAX_META) => {
    const value = firstString(source[key]);
    if (value === undefined) return null;
    return str(problems, `${path}.${key}`, value, max) ?? null;
  };
  return {
    title: text('dcterms:title'),
    byline: text('dcterms:creator'),
    publisher: text('dcterms:publisher'),
    publishedAt: text('dcterms:issued', 100),
    language: text('language', 35),
  };
}

function firstString(value: Json | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

function colourOf(styleClass: Json | undefined): HighlightColour {
  const name = typeof styleClass === 'string' && styleClass.startsWith(STYLE_CLASS_PREFIX) ? styleClass.slice(STYLE_CLASS_PREFIX.length) : '';
  return (HIGHLIGHT_COLOURS as readonly string[]).includes(name) ? (name as HighlightColour) : 'yellow';
}

function foreign(problems: Problems, path: string, fields: Fields): ForeignHighlight | undefined {
  const before = problems.list.length;
  const parsed = selectors(problems, `${path} selector`, fields.target?.selector);
  const note = str(problems, `${path} note`, fields.note, MAX_NOTE_LENGTH) ?? '';
  const tags = strList(problems, `${path} tags`, fields.tags, 100, 100);
  const createdAt = dateOf(problems, `${path} created`, fields.created);
  const modifiedAt = dateOf(problems, `${path} modified`, fields.modified);
  if (problems.list.length !== before) return undefined;
  const quote = parsed.find((s) => s.type === 'TextQuoteSelector');
  if (quote?.type !== 'TextQuoteSelector') return undefined;
  const own = ownIdOf(fields);
  const kept = parsed.flatMap((s): Selector[] => {
    // Another tool counts positions over its own text of the page (Hypothesis: the whole
    // document's, in UTF-16 units), not the article text Newsmark keeps: they would mislead.
    if (s.type === 'TextPositionSelector') return own ? [s] : [];
    if (s.type !== 'RangeSelector') return [s];
    const range = storedRange(s as RangeSelector, quote.exact);
    return range ? [range] : [];
  });
  const url = fields.url as string;
  return {
    where: path,
    id: own ?? foreignIdOf(fields, url, quote, createdAt),
    url,
    article: fields.article,
    selectors: kept,
    quote: quote.exact,
    note,
    tags,
    colour: fields.colour,
    createdAt: createdAt ?? 0,
    ...(createdAt !== undefined && modifiedAt !== undefined && modifiedAt > createdAt ? { modifiedAt } : {}),
  };
}

/** Milliseconds of an ISO 8601 date, undefined when missing, a problem when it is not a date. */
function dateOf(problems: Problems, path: string, value: Json | undefined): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const ms = typeof value === 'string' ? parseIsoDate(value) : undefined;
  if (ms === undefined) problems.add(path, `${JSON.stringify(value).slice(0, 60)} is not an ISO 8601 date`);
  return ms;
}

/** Our own exported ids come back as the same highlight. */
function ownIdOf(fields: Fields): string | undefined {
  const raw = typeof fields.rawId === 'string' ? fields.rawId : '';
  const own = fields.ownPrefix && raw.startsWith(fields.ownPrefix) ? raw.slice(fields.ownPrefix.length) : '';
  return own && /^[A-Za-z0-9:_.-]{1,128}$/.test(own) ? own : undefined;
}

/**
 * Other tools' annotations are named by their page, quote and time of making, so one annotation
 * read from two formats is one highlight; without a time, by the file's id.
 */
function foreignIdOf(fields: Fields, url: string, quote: { exact: string; prefix: string; suffix: string }, createdAt: number | undefined): string {
  const raw = typeof fields.rawId === 'string' ? fields.rawId : '';
  const page = urlVariants(url)[0] ?? url;
  const made = createdAt !== undefined ? `@${createdAt}` : raw ? `#${raw}` : '';
  return `ext-${shortHash([page, quote.prefix, quote.exact, quote.suffix, made].join('\n'))}`;
}

/** Positions of a highlight, for the import to map onto the saved text. */
export function positionOf(selectors: readonly Selector[]): TextPositionSelector | undefined {
  return selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}
