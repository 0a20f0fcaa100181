/**
 * `npm run --silent related -- --pool POOL.jsonl[.gz] --queries QUERIES.jsonl [--k 10]`
 *
 * Ranks a pool of feed items for each query article with the extension's own ranking and
 * prints one JSON line per query: {"id": queryId, "results": [poolIds, best first]}.
 * Pool lines: {"id","title","summary"?,"url","source","publishedAt"}; query lines:
 * {"id","title","text"?,"url","source","publishedAt"}. The query's own outlet is skipped.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { recognize } from '@/lib/entities';
import { articleCompanies, buildIndex, rankRelated } from '@/lib/related';
import type { ArticleQuery, FeedItem } from '@/lib/contracts/related';

function readJsonLines<T>(path: string): T[] {
  const bytes = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return text
    .split('\n')
    .map((line, n) => [line.trim(), n + 1] as const)
    .filter(([line]) => line)
    .map(([line, n]) => {
      try {
        return JSON.parse(line) as T;
      } catch (error) {
        throw new Error(`${path}:${n}: not JSON (${(error as Error).message})`);
      }
    });
}

function main(): void {
  const { values } = parseArgs({
    options: { pool: { type: 'string' }, queries: { type: 'string' }, k: { type: 'string', default: '10' } },
  });
  const k = Number(values.k);
  if (!values.pool || !values.queries || !Number.isInteger(k) || k < 1) {
    console.error('usage: npm run --silent related -- --pool POOL.jsonl[.gz] --queries QUERIES.jsonl [--k 10]');
    process.exit(2);
  }
  const index = buildIndex(readJsonLines<FeedItem>(values.pool));
  for (const query of readJsonLines<ArticleQuery & { id: string }>(values.queries)) {
    const companies = articleCompanies(query, recognize);
    const results = rankRelated(index, { ...query, companies }, { k });
    process.stdout.write(`${JSON.stringify({ id: query.id, results: results.map((r) => r.item.id) })}\n`);
  }
}

// `| head` closing the pipe early is a normal way to stop reading, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));
main();
