/**
 * The convert command's work (scripts/convert.ts): files the importer takes, read into an
 * empty library through the importer itself (so what is kept, merged and skipped is the same
 * as in the extension), written out in one format.
 */
import { listHighlights } from '../db/highlights';
import type { NewsmarkDb } from '../db/schema';
import { exportAnnotations } from './annotation-export';
import { applyImport } from './import-apply';
import { ImportError } from './import-errors';
import { parseImport } from './import-parse';
import { exportLibraryJson } from './json-export';
import { libraryToMarkdownDocument } from './markdown-export';

export const CONVERT_FORMATS = ['w3c', 'markdown', 'json'] as const;
export type ConvertFormat = (typeof CONVERT_FORMATS)[number];

export interface InputFile {
  name: string;
  text: string;
}

export interface Converted {
  output: string;
  /** What the importer said it left out, one line per remark, prefixed by the file's name. */
  messages: string[];
}

/** `db` must be empty; throws ImportError naming the file for the first file refused. */
export async function convertFiles(db: NewsmarkDb, files: readonly InputFile[], to: ConvertFormat, now = new Date()): Promise<Converted> {
  const messages: string[] = [];
  for (const file of files) {
    try {
      const summary = await applyImport(db, parseImport(file.text), now.getTime());
      messages.push(...summary.remarks.map((r) => `${file.name}: ${r}.`));
    } catch (error) {
      if (error instanceof ImportError) throw new ImportError(`${file.name}: ${error.message}`);
      throw error;
    }
  }
  const articles = await db.articles.toArray();
  const highlights = await db.highlights.toArray();
  if (to === 'json') return { output: exportLibraryJson(articles, highlights, now), messages };
  if (to === 'w3c') return { output: JSON.stringify(exportAnnotations(articles, highlights), null, 1), messages };
  const live = articles.filter((a) => !a.deleted).sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? -1 : 1));
  const byArticle = new Map(await Promise.all(live.map(async (a) => [a.id, await listHighlights(db, a.id)] as const)));
  return { output: libraryToMarkdownDocument(live, (id) => byArticle.get(id) ?? []), messages };
}
