/** Saved articles: save (or re-save), unsave, find by any of their URLs, edit note and tags. */
import { LibraryError } from './errors';
import type { ArticleChanges, ArticleInput, ArticleRecord, SavedEntity } from '../contracts/records';
import type { NewsmarkDb } from './schema';
import { urlVariants } from '../url/article-key';
import { companyIdsFor } from '../entities/company-ids';
import { checkNote, cleanTags } from './validate';
import { stampChanges, write } from './write';
import { titleOrFromText } from '../article/fallback-title';

/**
 * A stable id from the article's URL key, so that two devices saving the same article make
 * the same record (sync then merges them instead of keeping two).
 */
export async function articleIdFor(urlKey: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(urlKey));
  return `a-${[...new Uint8Array(digest)].slice(0, 16).map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function companyIdsOf(entities: readonly SavedEntity[]): string[] {
  return [...new Set(entities.filter((e) => e.type === 'company' && e.id).map((e) => e.id!))];
}

/** The stored (non-deleted or deleted) article known under any of these URL keys. */
async function findByKeys(db: NewsmarkDb, keys: string[]): Promise<ArticleRecord | undefined> {
  const found = await db.articles.where('urls').anyOf(keys).toArray();
  return found.find((a) => !a.deleted) ?? found[0];
}

/**
 * Saves an article, or refreshes the record it already has under any of its URLs (canonical,
 * AMP, mobile, with tracking parameters): the URL set grows, metadata and text are replaced,
 * tags are added to, the note is kept. Saving an unsaved article brings it back.
 */
export async function saveArticle(db: NewsmarkDb, input: ArticleInput, now = Date.now()): Promise<ArticleRecord> {
  const keys = urlVariants(input.canonicalUrl, input.url, ...(input.alternateUrls ?? []));
  if (!keys.length) throw new LibraryError(`Cannot save a page without an http(s) address: "${input.url}".`);
  if (typeof input.text !== 'string' || !input.text.trim()) throw new LibraryError('Cannot save an article without text.');
  const newId = await articleIdFor(keys[0]!);
  const entities = input.entities ?? [];
  return write(db, [db.articles], now, async ({ stamp }) => {
    const existing = await findByKeys(db, keys);
    const fields = {
      url: input.canonicalUrl || input.url,
      title: titleOrFromText(input.title, input.text),
      byline: input.byline ?? null,
      publisher: input.publisher ?? null,
      publishedAt: input.publishedAt ?? null,
      language: input.language ?? null,
      text: input.text,
      entities,
      companyIds: companyIdsOf(entities),
    };
    const record: ArticleRecord = existing
      ? stampChanges(
          existing,
          {
            ...fields,
            urls: [...new Set([...existing.urls, ...keys])],
            tags: cleanTags([...existing.tags, ...(input.tags ?? [])]),
            deleted: false,
            ...(existing.deleted ? { savedAt: now } : {}),
          },
          stamp,
        )
      : {
          id: newId,
          ...fields,
          urls: keys,
          tags: cleanTags(input.tags),
          note: '',
          savedAt: now,
          deleted: false,
          updatedAt: stamp,
          clocks: Object.fromEntries(['url', 'urls', 'title', 'byline', 'publisher', 'publishedAt', 'language', 'text', 'entities', 'companyIds', 'tags', 'note', 'savedAt', 'deleted'].map((f) => [f, stamp])),
        };
    await db.articles.put(record);
    return record;
  });
}

/** Marks an article unsaved (a tombstone). Its highlights and notes stay, and come back if it is saved again. */
export async function unsaveArticle(db: NewsmarkDb, id: string, now = Date.now()): Promise<ArticleRecord> {
  return updateArticleFields(db, id, { deleted: true }, now);
}

/** Brings an unsaved article back as it was (its saved date, note and tags): the undo of `unsaveArticle`. */
export async function undoUnsaveArticle(db: NewsmarkDb, id: string, now = Date.now()): Promise<ArticleRecord> {
  return updateArticleFields(db, id, { deleted: false }, now);
}

/** Changes the article-level note and tags. */
export async function updateArticle(db: NewsmarkDb, id: string, changes: ArticleChanges, now = Date.now()): Promise<ArticleRecord> {
  return updateArticleFields(
    db,
    id,
    { note: checkNote(changes.note), tags: changes.tags === undefined ? undefined : cleanTags(changes.tags) },
    now,
  );
}

async function updateArticleFields(db: NewsmarkDb, id: string, changes: Partial<ArticleRecord>, now: number): Promise<ArticleRecord> {
  return write(db, [db.articles], now, async ({ stamp }) => {
    const existing = await db.articles.get(id);
    if (!existing) throw new LibraryError(`No saved article with id "${id}".`);
    const next = stampChanges(existing, changes, stamp);
    if (next !== existing) await db.articles.put(next);
    return next;
  });
}

/** The saved article known under this URL or any variant of it; null when none (or unsaved). */
export async function getArticleByUrl(db: NewsmarkDb, url: string): Promise<ArticleRecord | null> {
  const keys = urlVariants(url);
  if (!keys.length) return null;
  const found = await findByKeys(db, keys);
  return found && !found.deleted ? found : null;
}

/**
 * How many live saved articles name this company (under any id it has had): from its summaries,
 * so a card's count reads one small record, not thousands of texts.
 */
export async function countArticlesNaming(db: NewsmarkDb, companyId: string): Promise<number> {
  const summaries = await db.companySummaries.bulkGet(companyIdsFor(companyId));
  return summaries.reduce((sum, summary) => sum + (summary?.articles ?? 0), 0);
}
