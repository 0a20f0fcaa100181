/**
 * Omnivore's export: the zip its Export made (packages/api/src/jobs/export.ts of
 * github.com/omnivore-app/omnivore). `metadata_<from>_to_<to>.json` lists the saved items (slug,
 * title, author, url, labels, savedAt, publishedAt…) and `highlights/<slug>.md` holds an item's
 * highlights, one after another with a blank line between them, each written as
 *
 *     > the quote (a blank line of the quote written as a "> " line)
 *
 *     #label #other label
 *
 *     the note, Markdown
 *
 * (the labels and note lines only when there are some); an item's own labels become its
 * article's tags. The zip is read on the reader's side
 * into one JSON text, {format: "omnivore-export", items, highlights: {slug: markdown}}, which
 * the import reads like any other file; each highlight becomes an annotation quoting its text.
 *
 * What the format does not say is not guessed: a highlight has no date (it takes the import's)
 * and no text around its quote; a note made on the article (Omnivore's "Note") cannot be told
 * from the note of the highlight before it and is read as part of it.
 */
import { strFromU8, unzipSync } from 'fflate';
import { isObject, type Json, type JsonObject } from './check';
import { readWebAnnotations, type ForeignAnnotations } from './import-annotations';
import { checkImportSize, ImportError } from './import-errors';

export const OMNIVORE_FORMAT = 'omnivore-export';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const METADATA = /(?:^|\/)metadata_[^/]*\.json$/;
const HIGHLIGHTS = /(?:^|\/)highlights\/([^/]+)\.md$/;

/**
 * The text of an import file from its bytes: an Omnivore export zip as the JSON text above, any
 * other file as UTF-8. A zip that is not Omnivore's export is refused.
 */
export function readImportBytes(bytes: Uint8Array): string {
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) return new TextDecoder().decode(bytes);
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!METADATA.test(file.name) && !HIGHLIGHTS.test(file.name)) return false;
        total += file.originalSize;
        checkImportSize(total);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`The zip file cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  const names = Object.keys(files).sort();
  const metadata = names.filter((name) => METADATA.test(name));
  if (!metadata.length) {
    throw new ImportError('This zip file is not an Omnivore export (it has no metadata_….json). Newsmark imports zip files exported by Omnivore.');
  }
  const items: Json[] = [];
  for (const name of metadata) {
    let list: Json;
    try {
      list = JSON.parse(strFromU8(files[name]!)) as Json;
    } catch (error) {
      throw new ImportError(`${name} in the zip is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (!Array.isArray(list)) throw new ImportError(`${name} in the zip should list the saved items.`);
    items.push(...list);
  }
  const highlights = Object.fromEntries(names.flatMap((name) => {
    const slug = HIGHLIGHTS.exec(name)?.[1];
    return slug ? [[slug, strFromU8(files[name]!)]] : [];
  }));
  return JSON.stringify({ format: OMNIVORE_FORMAT, items, highlights });
}

export function isOmnivoreExport(value: Json): value is JsonObject {
  return isObject(value) && value.format === OMNIVORE_FORMAT;
}

/** The metadata file alone: Omnivore's list of saved items, with no highlights. */
export function isOmnivoreItemList(value: Json): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((v) => isObject(v) && typeof v.slug === 'string' && 'savedAt' in v && 'url' in v);
}

export function readOmnivoreExport(value: JsonObject): ForeignAnnotations {
  const items = Array.isArray(value.items) ? value.items.filter(isObject) : [];
  const markdownOf = isObject(value.highlights) ? value.highlights : {};
  const annotations = items.flatMap((item) => {
    const markdown = typeof item.slug === 'string' ? markdownOf[item.slug] : undefined;
    if (typeof markdown !== 'string') return [];
    const source = {
      id: item.url,
      ...(typeof item.title === 'string' ? { 'dcterms:title': item.title } : {}),
      ...(typeof item.author === 'string' ? { 'dcterms:creator': item.author } : {}),
      ...(typeof item.publishedAt === 'string' ? { 'dcterms:issued': item.publishedAt } : {}),
    };
    return omnivoreHighlights(markdown).map((h) => ({
      type: 'Annotation',
      target: { source, ...(h.quote ? { selector: { type: 'TextQuoteSelector', exact: h.quote } } : {}) },
      body: [
        ...(h.note ? [{ type: 'TextualBody', value: h.note, format: 'text/markdown', purpose: 'commenting' }] : []),
        ...h.labels.map((label) => ({ type: 'TextualBody', value: label, purpose: 'tagging' })),
      ],
    }));
  });
  const read = readWebAnnotations(annotations as Json[], 'Omnivore export');
  // The item's labels are the article's tags (the W3C form above has no place for them).
  const labelsOf = new Map(items.map((item) => [item.url, labelsOfItem(item)]));
  for (const h of read.highlights) h.article = { ...h.article, tags: labelsOf.get(h.url) ?? [] };
  return read;
}

/** Up to 100 labels of up to 100 characters, as the library keeps tags. */
function labelsOfItem(item: JsonObject): string[] {
  const labels = Array.isArray(item.labels) ? item.labels : [];
  return labels.filter((l): l is string => typeof l === 'string').slice(0, 100).map((l) => l.slice(0, 100));
}

export interface OmnivoreHighlight {
  /** Empty for a note before the first highlight (one on the article). */
  quote: string;
  labels: string[];
  note: string;
}

/** The highlights of one `highlights/<slug>.md`. */
export function omnivoreHighlights(markdown: string): OmnivoreHighlight[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  // A highlight starts with a ">" line after a blank line; a "> " line inside a quote follows its text.
  const starts = lines.flatMap((line, i) => (/^>( |$)/.test(line) && (i === 0 || !lines[i - 1]!.trim()) ? [i] : []));
  const chunks = [...(starts[0] === 0 ? [] : [lines.slice(0, starts[0] ?? lines.length)]), ...starts.map((s, k) => lines.slice(s, starts[k + 1] ?? lines.length))];
  return chunks.flatMap((chunk): OmnivoreHighlight[] => {
    const quoted = /^>( |$)/.test(chunk[0] ?? '');
    const end = quoted ? chunk.findIndex((line) => !line.trim()) : 0;
    const quoteLines = quoted ? chunk.slice(0, end === -1 ? chunk.length : end) : [];
    // Omnivore writes "> " for a blank line of the quote, and before the next line for a line of blanks.
    const quote = quoteLines.map((line) => line.replace(/^> ?/, '')).join('\n').trim();
    const rest = chunk.slice(quoteLines.length).join('\n').trim();
    const [first = '', ...others] = rest.split(/\n\s*\n/);
    const isLabels = /^#\S/.test(first) && !first.includes('\n');
    const labels = isLabels ? first.split(/ (?=#)/).map((l) => l.slice(1).trim()).filter(Boolean) : [];
    const note = (isLabels ? others.join('\n\n') : rest).trim();
    return quote || note ? [{ quote, labels, note }] : [];
  });
}
