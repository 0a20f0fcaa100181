/**
 * The scrapinghub article-extraction-benchmark metric, re-implemented: each text becomes a
 * multiset of 4-word shingles; a page's true/false positives and negatives are normalised to
 * sum to 1, precision and recall are averaged over pages, and F1 is taken from the averages.
 * Tokens are runs of Unicode letters, digits and underscores, as Python's `\w+`.
 */

/** Per-page shingle counts, normalised so long pages weigh as much as short ones. */
export interface PageMatch {
  tp: number;
  fp: number;
  fn: number;
}

export interface BenchmarkScore {
  precision: number;
  recall: number;
  f1: number;
}

const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE_SIZE = 4;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - SHINGLE_SIZE + 1);
  for (let i = 0; i < last; i++) {
    const slice = tokens.slice(i, i + SHINGLE_SIZE);
    if (slice.length === 0) continue;
    const key = slice.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Shingle matching of one page's predicted body against its ground truth. */
export function matchPage(truth: string, predicted: string): PageMatch {
  const expected = shingles(truth);
  const got = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of got) {
    const want = expected.get(key) ?? 0;
    tp += Math.min(want, count);
    fp += Math.max(0, count - want);
  }
  for (const [key, want] of expected) fn += Math.max(0, want - (got.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf({ tp, fp, fn }: PageMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: PageMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** Precision and recall averaged over pages (pages with nothing to measure left out, as upstream), and their F1. */
export function scorePages(pages: PageMatch[]): BenchmarkScore {
  const precision = mean(pages.filter((p) => p.tp + p.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((p) => p.tp + p.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
