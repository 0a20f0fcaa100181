/**
 * Tables derived from the saved articles and their highlights (company mentions, the library's
 * index), kept right in one place whatever writes the library (saving, highlighting, indexing,
 * imports, sync): a Dexie middleware that widens every read-write transaction on articles or
 * highlights to the derived tables, and after each write tells every derivation which articles
 * it touched, within the same transaction. A failed write aborts the derived rows with it; no
 * writer has to remember them.
 */
import type { DBCore, DBCoreKeyRange, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { ArticleRecord, HighlightRecord } from '../contracts/records';

export const ARTICLES = 'articles';
export const HIGHLIGHTS = 'highlights';
const SOURCES = [ARTICLES, HIGHLIGHTS];

/** One kind of derived rows. */
export interface Derivation {
  /** The tables it writes. */
  tables: readonly string[];
  /** Rewrites its rows of `articleIds` after a write to `source` touched them, from what `trans` holds now. */
  afterWrite(core: DBCore, trans: DBCoreTransaction, source: typeof ARTICLES | typeof HIGHLIGHTS, articleIds: readonly string[]): Promise<void>;
}

const equal = (key: unknown): DBCoreKeyRange => ({ type: 1 /* DBCoreRangeType.Equal */, lower: key, upper: key });

/**
 * The records of `table` (derived rows or highlights) on one article, through their `articleId`
 * index. Not an async function: its caller awaits the query itself, as Dexie's transaction zone
 * follows one await of its own promises but was lost behind a second async layer.
 */
export function onArticle(table: DBCoreTable, trans: DBCoreTransaction, articleId: string) {
  return table.query({ trans, values: true, query: { index: table.schema.getIndexByKeyPath('articleId')!, range: equal(articleId) } });
}

/** Records a deletion removes, read before it (they are gone after). */
async function recordsBefore(table: DBCoreTable, trans: DBCoreTransaction, keys: unknown[] | null, range: DBCoreKeyRange | null): Promise<unknown[]> {
  if (keys) return table.getMany({ trans, keys });
  return (await table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: range! } })).result;
}

function articleIdOf(tableName: string, record: unknown): string | undefined {
  if (!record || typeof record !== 'object') return undefined;
  const id = tableName === ARTICLES ? (record as ArticleRecord).id : (record as HighlightRecord).articleId;
  return typeof id === 'string' ? id : undefined;
}

function sourceKeptBy(down: DBCore, name: typeof ARTICLES | typeof HIGHLIGHTS, derivations: readonly Derivation[]): DBCoreTable {
  const table = down.table(name);
  return {
    ...table,
    async mutate(req) {
      const touched = new Set<string>();
      if (req.type === 'delete' || req.type === 'deleteRange') {
        const before = await recordsBefore(table, req.trans, req.type === 'delete' ? req.keys : null, req.type === 'deleteRange' ? req.range : null);
        for (const record of before) touched.add(articleIdOf(name, record) ?? '');
      }
      const response = await table.mutate(req);
      if (req.type === 'add' || req.type === 'put') {
        for (const record of req.values) touched.add(articleIdOf(name, record) ?? '');
        // A put that changed records by key without their values (Collection.modify): read them now.
        if (req.type === 'put' && req.values.length === 0 && req.updates) for (const record of await table.getMany({ trans: req.trans, keys: req.updates.keys })) touched.add(articleIdOf(name, record) ?? '');
      }
      touched.delete('');
      for (const derivation of derivations) await derivation.afterWrite(down, req.trans, name, [...touched]);
      return response;
    },
  };
}

/** The middleware keeping `derivations` (registered once by the schema). */
export function derivedTablesMiddleware(derivations: readonly Derivation[]): Middleware<DBCore> {
  const derived = derivations.flatMap((d) => d.tables);
  return {
    stack: 'dbcore',
    name: 'derivedTables',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        const derives = mode === 'readwrite' && stores.some((store) => SOURCES.includes(store));
        const widened = derives ? [...new Set([...stores, ...SOURCES, ...derived])] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        return name === ARTICLES || name === HIGHLIGHTS ? sourceKeptBy(down, name, derivations) : down.table(name);
      },
    }),
  };
}
