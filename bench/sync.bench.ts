/**
 * Sync against a real CouchDB-protocol server (express-pouchdb over in-memory PouchDB on
 * 127.0.0.1): first upload of 10,000 highlights, first download of them into an empty device,
 * and a run with nothing to do. Request counts come from the client. Dexie runs on
 * fake-indexeddb, which is slower than a browser's IndexedDB, so times are upper bounds.
 * Baseline: the same data sent as one plain `_bulk_docs` loop without merge or bookkeeping.
 */
import 'fake-indexeddb/auto';
import { openDb, type NewsmarkDb } from '@/lib/db';
import { encodeHlc } from '@/lib/db/hlc';
import type { ArticleRecord, HighlightRecord } from '@/lib/contracts/records';
import { DexieSyncStore } from '@/lib/sync/dexie-store';
import { syncOnce, type SyncReport, type SyncTarget } from '@/lib/sync/engine';
import type { SyncKeys } from '@/lib/sync/crypto';
import { startCouchServer } from '../tests/support/couch-server';
import type { BenchLine } from './types';

const COUNT = 10_000;

function library(node: string): { article: ArticleRecord; highlights: HighlightRecord[] } {
  let tick = 0;
  const stamp = (): string => encodeHlc({ wall: 1_760_000_000_000, counter: tick++, node });
  const s = stamp();
  const article: ArticleRecord = {
    id: 'a-bench', url: 'https://news.example/bench', urls: ['news.example/bench'], title: 'Bench', byline: null, publisher: null,
    publishedAt: null, language: 'en', text: 'Acme bought Beta for $5 million. '.repeat(50), entities: [], companyIds: [], tags: [], note: '',
    savedAt: 0, deleted: false, updatedAt: s, clocks: {},
  };
  const highlights = Array.from({ length: COUNT }, (_, i): HighlightRecord => {
    const at = stamp();
    const fields = ['articleId', 'colour', 'note', 'tags', 'selectors', 'quote', 'createdAt', 'deleted'];
    return {
      id: `h-${String(i).padStart(6, '0')}`, articleId: article.id, colour: 'yellow', note: i % 3 === 0 ? `Note number ${i} on this passage.` : '', tags: i % 5 === 0 ? ['deal'] : [],
      selectors: [
        { type: 'TextQuoteSelector', exact: 'bought Beta', prefix: 'Acme ', suffix: ' for $5' },
        { type: 'TextPositionSelector', start: 5 + i, end: 16 + i },
      ],
      quote: 'bought Beta', createdAt: i, deleted: false, updatedAt: at, clocks: Object.fromEntries(fields.map((f) => [f, at])),
    };
  });
  return { article, highlights };
}

async function timed(run: () => Promise<SyncReport>): Promise<{ ms: number; report: SyncReport }> {
  const start = performance.now();
  const report = await run();
  return { ms: performance.now() - start, report };
}

export default async function* syncBench(): AsyncIterable<BenchLine> {
  const server = await startCouchServer();
  const dbs: NewsmarkDb[] = [];
  try {
    for (const passphrase of [undefined, 'bench passphrase']) {
      const label = passphrase ? 'encrypted' : 'plain';
      const target: SyncTarget = { serverUrl: server.url, database: `bench-${label}`, auth: { kind: 'none' }, passphrase };
      const keyCache = new Map<string, SyncKeys>();
      const device = (name: string): (() => Promise<SyncReport>) => {
        const db = openDb(`bench-${label}-${name}`);
        dbs.push(db);
        const store = new DexieSyncStore(db);
        return () => syncOnce(store, target, { fetch, keyCache, iterations: 600_000 });
      };
      const { article, highlights } = library('benchnode00000001');
      const upDb = openDb(`bench-${label}-up`);
      await upDb.articles.put(article);
      await upDb.highlights.bulkPut(highlights);
      upDb.close();
      const up = device('up');
      const upload = await timed(up);
      yield { metric: `${label}.first-upload-10k.ms`, value: round(upload.ms), unit: 'ms' };
      yield { metric: `${label}.first-upload-10k.requests`, value: upload.report.requests, unit: 'requests' };
      const down = device('down');
      const download = await timed(down);
      yield { metric: `${label}.first-download-10k.ms`, value: round(download.ms), unit: 'ms' };
      yield { metric: `${label}.first-download-10k.requests`, value: download.report.requests, unit: 'requests' };
      // The uploader's next run reads its own pushes back once (the feed has no "not mine" filter).
      const echo = await timed(up);
      yield { metric: `${label}.uploader-echo-run.ms`, value: round(echo.ms), unit: 'ms' };
      const idle = await timed(up);
      yield { metric: `${label}.no-op.ms`, value: round(idle.ms), unit: 'ms' };
      yield { metric: `${label}.no-op.requests`, value: idle.report.requests, unit: 'requests' };
      // The server loses its data (deleted, then recreated empty by the refill): the uploader puts everything back.
      await fetch(`${server.url}/${target.database}`, { method: 'DELETE' });
      const refill = await timed(up);
      if (refill.report.recovered?.uploaded !== highlights.length + 1) throw new Error(`the refill uploaded ${refill.report.recovered?.uploaded ?? 0} records`);
      yield { metric: `${label}.refill-emptied-server-10k.ms`, value: round(refill.ms), unit: 'ms' };
      yield { metric: `${label}.refill-emptied-server-10k.requests`, value: refill.report.requests, unit: 'requests' };
    }
    yield* baseline(server.url);
  } finally {
    for (const db of dbs) db.close();
    await server.close();
  }
}

/** The floor: 10,000 small documents through `_bulk_docs` in batches of 500, nothing else. */
async function* baseline(url: string): AsyncIterable<BenchLine> {
  await fetch(`${url}/bench-baseline`, { method: 'PUT' });
  const { highlights } = library('basenode');
  const start = performance.now();
  for (let i = 0; i < highlights.length; i += 500) {
    const docs = highlights.slice(i, i + 500).map((h) => ({ _id: `highlight:${h.id}`, ...h }));
    await (await fetch(`${url}/bench-baseline/_bulk_docs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ docs }) })).json();
  }
  yield { metric: 'baseline.raw-bulk-docs-10k.ms', value: round(performance.now() - start), unit: 'ms', baselineName: 'plain _bulk_docs loop, no local database' };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
