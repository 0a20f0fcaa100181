/**
 * Reads annotations made elsewhere: W3C Web Annotation JSON-LD (a collection, a page, one
 * annotation or a list of them) and Hypothesis's JSON export. Each text annotation becomes a
 * highlight on the article at its target URL. Annotations without quoted text (page notes,
 * replies, image regions) are counted as skipped, not guessed at.
 */
import type { Selector } from '../anchoring/types';
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../db/library-records';
import { MAX_NOTE_LENGTH } from '../db/validate';
import { ID_PREFIX, STYLE_CLASS_PREFIX } from './annotation-export';
import { isObject, Problems, selectors, str, strList, type Json, type JsonObject } from './check';
import { ImportError } from './import-errors';
import { safeHttpUrl } from './safe-url';

/** One highlight to attach to the article saved (or to be made) under `url`. */
export interface ForeignHighlight {
  id: string;
  url: string;
  title: string;
  selectors: Selector[];
  quote: string;
  note: string;
  tags: string[];
  colour: HighlightColour;
  createdAt: number;
}

export interface ForeignAnnotations {
  highlights: ForeignHighlight[];
  /** Annotations left out because they quote no text. */
  skipped: number;
}

const MAX_ANNOTATIONS = 1_000_000;

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

export function readWebAnnotations(value: Json): ForeignAnnotations {
  const items = webAnnotationItems(value);
  const problems = new Problems();
  const result: ForeignAnnotations = { highlights: [], skipped: 0 };
  items.forEach((raw, i) => {
    const path = `annotation ${i + 1}`;
    if (!isObject(raw)) return problems.add(path, 'should be an object');
    const target = firstTarget(raw.target);
    if (!target || !hasQuote(target.selector)) return void result.skipped++;
    const url = checkedUrl(problems, `${path} target.source`, target.source);
    const bodies = (Array.isArray(raw.body) ? raw.body : raw.body === undefined ? [] : [raw.body]).filter(isObject);
    const note = bodies.filter((b) => b.purpose !== 'tagging' && typeof b.value === 'string').map((b) => b.value as string).join('\n\n');
    const tags = bodies.filter((b) => b.purpose === 'tagging' && typeof b.value === 'string').map((b) => b.value as string);
    const highlight = foreign(problems, path, {
      id: idOf(raw.id, i, ID_PREFIX, 'w3c-'),
      url,
      title: '',
      selector: target.selector,
      note,
      tags,
      colour: colourOf(target.styleClass),
      created: raw.created,
    });
    if (highlight) result.highlights.push(highlight);
  });
  if (problems.any) throw new ImportError(`The file is not valid W3C Web Annotation data: ${problems.summary()}. Nothing was changed.`);
  return result;
}

export function readHypothesisExport(value: JsonObject): ForeignAnnotations {
  const items = (Array.isArray(value.annotations) ? value.annotations : value.rows) as Json[];
  checkCount(items.length);
  const problems = new Problems();
  const result: ForeignAnnotations = { highlights: [], skipped: 0 };
  items.forEach((raw, i) => {
    const path = `annotation ${i + 1}`;
    if (!isObject(raw)) return problems.add(path, 'should be an object');
    const isReply = Array.isArray(raw.references) && raw.references.length > 0;
    const target = firstTarget(raw.target);
    if (isReply || !target || !hasQuote(target.selector)) return void result.skipped++;
    const url = checkedUrl(problems, `${path} uri`, target.source ?? raw.uri);
    const titles = isObject(raw.document) && Array.isArray(raw.document.title) ? raw.document.title : [];
    const highlight = foreign(problems, path, {
      id: idOf(raw.id, i, null, 'hyp-'),
      url,
      title: typeof titles[0] === 'string' ? titles[0] : '',
      selector: target.selector,
      note: raw.text ?? '',
      tags: raw.tags ?? [],
      colour: 'yellow',
      created: raw.created,
    });
    if (highlight) result.highlights.push(highlight);
  });
  if (problems.any) throw new ImportError(`The file is not a valid Hypothesis export: ${problems.summary()}. Nothing was changed.`);
  return result;
}

function webAnnotationItems(value: Json): Json[] {
  let items: Json[];
  if (Array.isArray(value)) items = value;
  else if (isObject(value) && value.type === 'Annotation') items = [value];
  else if (isObject(value) && value.type === 'AnnotationPage') items = Array.isArray(value.items) ? value.items : [];
  else if (isObject(value) && isObject(value.first)) items = Array.isArray(value.first.items) ? value.first.items : [];
  else if (isObject(value) && typeof value.first === 'string') {
    throw new ImportError('This collection keeps its annotations on other pages on the web; Newsmark imports collections whose annotations are in the file. Nothing was changed.');
  } else items = isObject(value) && Array.isArray(value.items) ? value.items : [];
  checkCount(items.length);
  return items;
}

function checkCount(count: number): void {
  if (count > MAX_ANNOTATIONS) throw new ImportError(`The file holds ${count} annotations; Newsmark imports at most ${MAX_ANNOTATIONS}. Nothing was changed.`);
}

interface Target {
  source: Json | undefined;
  selector: Json | undefined;
  styleClass: Json | undefined;
}

function firstTarget(value: Json | undefined): Target | undefined {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const target = list.find(isObject);
  return target ? { source: target.source, selector: target.selector, styleClass: target.styleClass } : undefined;
}

function hasQuote(selector: Json | undefined): boolean {
  const list = Array.isArray(selector) ? selector : selector === undefined ? [] : [selector];
  return list.some((s) => isObject(s) && s.type === 'TextQuoteSelector');
}

function checkedUrl(problems: Problems, path: string, value: Json | undefined): string {
  const text = typeof value === 'string' ? value : '';
  if (!safeHttpUrl(text)) problems.add(path, `"${text.slice(0, 80)}" is not an http(s) address`);
  return text;
}

/** Our own exported ids come back as the same highlight; others get a prefix so they cannot collide with ours. */
function idOf(value: Json | undefined, index: number, ownPrefix: string | null, prefix: string): string {
  const raw = typeof value === 'string' ? value : '';
  if (ownPrefix && raw.startsWith(ownPrefix) && /^[A-Za-z0-9:_.-]{1,128}$/.test(raw.slice(ownPrefix.length))) return raw.slice(ownPrefix.length);
  return `${prefix}${raw ? hash(raw) : `n${index}`}`;
}

function colourOf(styleClass: Json | undefined): HighlightColour {
  const name = typeof styleClass === 'string' && styleClass.startsWith(STYLE_CLASS_PREFIX) ? styleClass.slice(STYLE_CLASS_PREFIX.length) : '';
  return (HIGHLIGHT_COLOURS as readonly string[]).includes(name) ? (name as HighlightColour) : 'yellow';
}

interface RawForeign {
  id: string;
  url: string;
  title: string;
  selector: Json | undefined;
  note: Json;
  tags: Json;
  colour: HighlightColour;
  created: Json | undefined;
}

function foreign(problems: Problems, path: string, raw: RawForeign): ForeignHighlight | undefined {
  const before = problems.list.length;
  const kept = selectors(problems, `${path} selector`, raw.selector);
  const note = str(problems, `${path} note`, raw.note, MAX_NOTE_LENGTH) ?? '';
  const tags = strList(problems, `${path} tags`, raw.tags, 100, 100);
  const created = typeof raw.created === 'string' ? Date.parse(raw.created) : NaN;
  if (problems.list.length !== before) return undefined;
  const quote = kept.find((s) => s.type === 'TextQuoteSelector');
  return {
    id: raw.id,
    url: raw.url,
    title: raw.title.slice(0, 2_000),
    selectors: kept,
    quote: quote?.type === 'TextQuoteSelector' ? quote.exact : '',
    note,
    tags,
    colour: raw.colour,
    createdAt: Number.isFinite(created) ? created : 0,
  };
}

/** FNV-1a, 52 bits: a short stable id from a foreign id of any length or alphabet. */
function hash(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return (h >> 12n).toString(36);
}
