/** Reads our own JSON export (json-export.ts), checking every field of every record. */
import { LibraryError } from '../db/errors';
import { HIGHLIGHT_COLOURS, type ArticleRecord, type CompanyNoteRecord, type HighlightColour, type HighlightRecord, type SavedEntity } from '../contracts/records';
import { urlVariants } from '../url/article-key';
import { cleanTags, MAX_NOTE_LENGTH } from '../db/validate';
import { isObject, num, optionalStr, Problems, selectors, str, strList, type JsonObject } from './check';
import { ImportError } from './import-errors';
import { LIBRARY_FORMAT_VERSION } from './json-export';
import { safeHttpUrl } from '../url/safe';

const ID = /^[A-Za-z0-9:_.-]{1,128}$/;
const HLC = /^\d{13}-[0-9a-z]{5}-[A-Za-z0-9_-]{1,64}$/;
const ENTITY_TYPES = new Set(['company', 'money', 'percent', 'number']);
const MAX_TEXT = 5_000_000;
const MAX_TITLE = 2_000;
const MAX_RECORDS = 1_000_000;

export interface LibraryRecords {
  articles: ArticleRecord[];
  highlights: HighlightRecord[];
  companyNotes: CompanyNoteRecord[];
}

/** The records of a parsed `newsmark-library` file; throws ImportError naming what is wrong. */
export function readLibraryFile(file: JsonObject): LibraryRecords {
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ImportError('The file says it is a Newsmark library but has no valid format version.');
  }
  if (version > LIBRARY_FORMAT_VERSION) {
    throw new ImportError(
      `The file was written by a newer Newsmark (library format ${version}); this one reads format ${LIBRARY_FORMAT_VERSION}. Update Newsmark, then import again.`,
    );
  }
  const problems = new Problems();
  const rawArticles = listOf(problems, 'articles', file.articles);
  const rawHighlights = listOf(problems, 'highlights', file.highlights);
  const articles = rawArticles.map((raw, i) => readArticle(problems, `articles[${i}]`, raw)).filter((a): a is ArticleRecord => !!a);
  const read = rawHighlights.map((raw, i) => readHighlight(problems, `highlights[${i}]`, raw));
  const highlights = read.filter((h): h is HighlightRecord => !!h);
  // Files from before company notes have none.
  const rawNotes = file.companyNotes === undefined ? [] : listOf(problems, 'companyNotes', file.companyNotes);
  const companyNotes = rawNotes.map((raw, i) => readCompanyNote(problems, `companyNotes[${i}]`, raw)).filter((n): n is CompanyNoteRecord => !!n);
  uniqueIds(problems, 'articles', articles);
  uniqueIds(problems, 'highlights', highlights);
  uniqueIds(problems, 'companyNotes', companyNotes);
  const articleIds = new Set(articles.map((a) => a.id));
  read.forEach((h, i) => {
    if (h && !articleIds.has(h.articleId)) problems.add(`highlights[${i}].articleId`, 'names an article that is not in the file');
  });
  if (problems.any) throw new ImportError(`The file is not a valid Newsmark library: ${problems.summary()}.`);
  return { articles, highlights, companyNotes };
}

function listOf(problems: Problems, path: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) {
    problems.add(path, 'should be a list');
    return [];
  }
  if (value.length > MAX_RECORDS) problems.add(path, `has more than ${MAX_RECORDS} records`);
  return value;
}

function uniqueIds(problems: Problems, path: string, records: readonly { id: string }[]): void {
  const seen = new Set<string>();
  records.forEach((r, i) => {
    if (seen.has(r.id)) problems.add(`${path}[${i}].id`, `"${r.id}" appears twice`);
    seen.add(r.id);
  });
}

function id(problems: Problems, path: string, value: unknown): string | undefined {
  if (typeof value === 'string' && ID.test(value)) return value;
  problems.add(path, 'should be an id of letters, digits and : _ . -');
  return undefined;
}

function stamp(problems: Problems, path: string, value: unknown): string | undefined {
  if (typeof value === 'string' && HLC.test(value)) return value;
  problems.add(path, 'should be a clock stamp');
  return undefined;
}

function clocks(problems: Problems, path: string, value: unknown): Record<string, string> {
  if (!isObject(value)) {
    problems.add(path, 'should be an object of clock stamps');
    return {};
  }
  const entries = Object.entries(value).filter(([field]) => /^[A-Za-z]{1,40}$/.test(field));
  for (const [field, s] of entries) stamp(problems, `${path}.${field}`, s);
  return Object.fromEntries(entries) as Record<string, string>;
}

function bool(problems: Problems, path: string, value: unknown): boolean {
  if (typeof value !== 'boolean') problems.add(path, 'should be true or false');
  return value === true;
}

function tags(problems: Problems, path: string, value: unknown): string[] {
  try {
    return cleanTags(strList(problems, path, value, 100, 100));
  } catch (error) {
    problems.add(path, error instanceof LibraryError ? error.message : String(error));
    return [];
  }
}

function readArticle(problems: Problems, path: string, raw: unknown): ArticleRecord | undefined {
  if (!isObject(raw)) return void problems.add(path, 'should be an article object');
  const before = problems.list.length;
  const url = str(problems, `${path}.url`, raw.url, 8_000);
  if (url !== undefined && !safeHttpUrl(url)) problems.add(`${path}.url`, `"${url.slice(0, 80)}" is not an http(s) address`);
  const record: ArticleRecord = {
    id: id(problems, `${path}.id`, raw.id) ?? '',
    url: url ?? '',
    urls: [...new Set([...strList(problems, `${path}.urls`, raw.urls, 100, 8_000), ...(url ? urlVariants(url) : [])])],
    title: str(problems, `${path}.title`, raw.title, MAX_TITLE) ?? '',
    byline: optionalStr(problems, `${path}.byline`, raw.byline, MAX_TITLE),
    publisher: optionalStr(problems, `${path}.publisher`, raw.publisher, MAX_TITLE),
    publishedAt: optionalStr(problems, `${path}.publishedAt`, raw.publishedAt, 100),
    language: optionalStr(problems, `${path}.language`, raw.language, 35),
    text: str(problems, `${path}.text`, raw.text, MAX_TEXT) ?? '',
    entities: entities(problems, `${path}.entities`, raw.entities),
    companyIds: strList(problems, `${path}.companyIds`, raw.companyIds, 10_000, 200),
    tags: tags(problems, `${path}.tags`, raw.tags),
    note: str(problems, `${path}.note`, raw.note, MAX_NOTE_LENGTH) ?? '',
    savedAt: num(problems, `${path}.savedAt`, raw.savedAt) ?? 0,
    updatedAt: stamp(problems, `${path}.updatedAt`, raw.updatedAt) ?? '',
    deleted: bool(problems, `${path}.deleted`, raw.deleted),
    clocks: clocks(problems, `${path}.clocks`, raw.clocks),
  };
  return problems.list.length === before ? withEveryClock(record) : undefined;
}

/**
 * A field the file gives no clock (`"clocks": {}` from an older export or another tool) was
 * written no later than the record's `updatedAt`: stamped so, it keeps its place in sync's
 * field-by-field merge instead of borrowing the stamp of whichever field is edited next.
 */
function withEveryClock<R extends { updatedAt: string; clocks: Record<string, string> }>(record: R): R {
  const clocks = { ...record.clocks };
  for (const [field, value] of Object.entries(record)) {
    if (value !== undefined && field !== 'id' && field !== 'updatedAt' && field !== 'clocks') clocks[field] ??= record.updatedAt;
  }
  return { ...record, clocks };
}

function entities(problems: Problems, path: string, value: unknown): SavedEntity[] {
  if (!Array.isArray(value)) {
    problems.add(path, 'should be a list');
    return [];
  }
  const kept: SavedEntity[] = [];
  value.forEach((raw, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(raw) || !ENTITY_TYPES.has(raw.type as string)) return problems.add(at, 'should be a company or figure');
    const start = num(problems, `${at}.start`, raw.start);
    const end = num(problems, `${at}.end`, raw.end);
    const text = str(problems, `${at}.text`, raw.text, 1_000);
    if (start === undefined || end === undefined || text === undefined) return;
    const optional = (key: 'currency' | 'id' | 'name' | 'ticker' | 'country' | 'industry' | 'website') =>
      raw[key] === undefined ? {} : { [key]: str(problems, `${at}.${key}`, raw[key], 200) };
    kept.push({
      type: raw.type as SavedEntity['type'],
      start,
      end,
      text,
      ...(raw.value === undefined ? {} : { value: num(problems, `${at}.value`, raw.value) }),
      ...optional('currency'),
      ...optional('id'),
      ...optional('name'),
      ...optional('ticker'),
      // A company's facts as the gazetteer gave them when it was saved (the dossier shows them).
      ...optional('country'),
      ...optional('industry'),
      ...optional('website'),
    });
  });
  return kept;
}

function readHighlight(problems: Problems, path: string, raw: unknown): HighlightRecord | undefined {
  if (!isObject(raw)) return void problems.add(path, 'should be a highlight object');
  const before = problems.list.length;
  const colour = raw.colour;
  if (!(HIGHLIGHT_COLOURS as readonly unknown[]).includes(colour)) problems.add(`${path}.colour`, `should be one of ${HIGHLIGHT_COLOURS.join(', ')}`);
  const record: HighlightRecord = {
    id: id(problems, `${path}.id`, raw.id) ?? '',
    articleId: id(problems, `${path}.articleId`, raw.articleId) ?? '',
    colour: colour as HighlightColour,
    note: str(problems, `${path}.note`, raw.note, MAX_NOTE_LENGTH) ?? '',
    tags: tags(problems, `${path}.tags`, raw.tags),
    selectors: selectors(problems, `${path}.selectors`, raw.selectors),
    quote: str(problems, `${path}.quote`, raw.quote, 100_000) ?? '',
    createdAt: num(problems, `${path}.createdAt`, raw.createdAt) ?? 0,
    ...(raw.modifiedAt === undefined ? {} : { modifiedAt: num(problems, `${path}.modifiedAt`, raw.modifiedAt) ?? 0 }),
    updatedAt: stamp(problems, `${path}.updatedAt`, raw.updatedAt) ?? '',
    deleted: bool(problems, `${path}.deleted`, raw.deleted),
    clocks: clocks(problems, `${path}.clocks`, raw.clocks),
  };
  return problems.list.length === before ? withEveryClock(record) : undefined;
}

function readCompanyNote(problems: Problems, path: string, raw: unknown): CompanyNoteRecord | undefined {
  if (!isObject(raw)) return void problems.add(path, 'should be a company note object');
  const before = problems.list.length;
  const record: CompanyNoteRecord = {
    id: id(problems, `${path}.id`, raw.id) ?? '',
    companyName: str(problems, `${path}.companyName`, raw.companyName, MAX_TITLE) ?? '',
    note: str(problems, `${path}.note`, raw.note, MAX_NOTE_LENGTH) ?? '',
    createdAt: num(problems, `${path}.createdAt`, raw.createdAt) ?? 0,
    updatedAt: stamp(problems, `${path}.updatedAt`, raw.updatedAt) ?? '',
    deleted: bool(problems, `${path}.deleted`, raw.deleted),
    clocks: clocks(problems, `${path}.clocks`, raw.clocks),
  };
  return problems.list.length === before ? withEveryClock(record) : undefined;
}
