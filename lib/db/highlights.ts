/** Highlights: add, edit, delete (a tombstone, so it can be undone), list for an article. */
import type { TextPositionSelector } from '../contracts/selectors';
import { LibraryError } from './errors';
import type { HighlightChanges, HighlightInput, HighlightRecord } from '../contracts/records';
import type { NewsmarkDb } from './schema';
import { checkColour, checkNote, cleanTags, quoteOf } from './validate';
import { stampChanges, write } from './write';

const FIELDS = ['articleId', 'colour', 'note', 'tags', 'selectors', 'quote', 'createdAt', 'deleted'] as const;

/** Adds a highlight to a saved article (save the article first: `saveArticle` answers its id). */
export async function addHighlight(db: NewsmarkDb, input: HighlightInput, now = Date.now()): Promise<HighlightRecord> {
  const quote = quoteOf(input.selectors);
  const colour = checkColour(input.colour)!;
  const note = checkNote(input.note) ?? '';
  const tags = cleanTags(input.tags);
  return write(db, [db.articles, db.highlights], now, async ({ stamp }) => {
    const article = await db.articles.get(input.articleId);
    if (!article || article.deleted) throw new LibraryError(`No saved article with id "${input.articleId}".`);
    const record: HighlightRecord = {
      id: crypto.randomUUID(),
      articleId: input.articleId,
      colour,
      note,
      tags,
      selectors: input.selectors,
      quote: quote.exact,
      createdAt: now,
      deleted: false,
      updatedAt: stamp,
      clocks: Object.fromEntries(FIELDS.map((f) => [f, stamp])),
    };
    await db.highlights.add(record);
    return record;
  });
}

/** Changes a highlight's colour, note, tags or (after re-anchoring) selectors. */
export async function updateHighlight(db: NewsmarkDb, id: string, changes: HighlightChanges, now = Date.now()): Promise<HighlightRecord> {
  const checked: Partial<HighlightRecord> = {
    colour: checkColour(changes.colour),
    note: checkNote(changes.note),
    tags: changes.tags === undefined ? undefined : cleanTags(changes.tags),
    ...(changes.selectors ? { selectors: changes.selectors, quote: quoteOf(changes.selectors).exact } : {}),
  };
  return updateFields(db, id, checked, now);
}

/** Deletes a highlight: it becomes a tombstone, hidden from lists, until `undeleteHighlight`. */
export function deleteHighlight(db: NewsmarkDb, id: string, now = Date.now()): Promise<HighlightRecord> {
  return updateFields(db, id, { deleted: true }, now);
}

/** Undoes `deleteHighlight`. */
export function undeleteHighlight(db: NewsmarkDb, id: string, now = Date.now()): Promise<HighlightRecord> {
  return updateFields(db, id, { deleted: false }, now);
}

async function updateFields(db: NewsmarkDb, id: string, changes: Partial<HighlightRecord>, now: number): Promise<HighlightRecord> {
  return write(db, [db.highlights], now, async ({ stamp }) => {
    const existing = await db.highlights.get(id);
    if (!existing) throw new LibraryError(`No highlight with id "${id}".`);
    const next = stampChanges(existing, changes, stamp);
    if (next !== existing) await db.highlights.put(next);
    return next;
  });
}

/** An article's live highlights in reading order (by where they started when made). */
export async function listHighlights(db: NewsmarkDb, articleId: string): Promise<HighlightRecord[]> {
  const all = await db.highlights.where('articleId').equals(articleId).toArray();
  const startOf = (h: HighlightRecord): number =>
    h.selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector')?.start ?? Infinity;
  return all.filter((h) => !h.deleted).sort((a, b) => startOf(a) - startOf(b) || a.createdAt - b.createdAt);
}
