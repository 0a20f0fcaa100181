/**
 * Picks the final results from the best candidates so that they come from many outlets:
 * each further result from an outlet already shown has its score multiplied by
 * `OUTLET_REPEAT_FACTOR` per earlier one (an MMR step whose only redundancy is the
 * outlet), and a headline that is a near copy of one already picked (a wire story run
 * by many sites) is folded into it as "also from" instead of taking a slot.
 */
import type { RankedItem } from '../../contracts/related';
import type { RelatedIndex } from './index-build';
import type { Candidate } from './candidate';

/** Score multiplier for each result already taken from the same outlet. */
export const OUTLET_REPEAT_FACTOR = 0.5;

/** Headlines sharing this share of their words (Jaccard) are the same text. */
export const NEAR_DUPLICATE_JACCARD = 0.8;

/** Jaccard similarity of two term sets given as arrays without repeats. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (!a.length && !b.length) return 1;
  const small = a.length <= b.length ? a : b;
  const large = new Set(a.length <= b.length ? b : a);
  let shared = 0;
  for (const term of small) if (large.has(term)) shared++;
  return shared / (a.length + b.length - shared);
}

/** The `k` results, best first; `candidates` must be sorted by score, best first. */
export function diversify(index: RelatedIndex, candidates: Candidate[], k: number): RankedItem[] {
  const picked: { doc: number; result: RankedItem }[] = [];
  const perOutlet = new Map<string, number>();
  const remaining = [...candidates];
  while (picked.length < k && remaining.length) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < remaining.length; i++) {
      const { doc, score } = remaining[i]!;
      // Scores only fall from here on: nothing further down can beat the best so far.
      if (score <= bestScore) break;
      const adjusted = score * OUTLET_REPEAT_FACTOR ** (perOutlet.get(index.outlets[doc]!) ?? 0);
      if (adjusted > bestScore) {
        best = i;
        bestScore = adjusted;
      }
    }
    const [{ doc, score }] = remaining.splice(best, 1) as [Candidate];
    const copyOf = picked.find((p) => jaccard(index.titleTerms[p.doc]!, index.titleTerms[doc]!) >= NEAR_DUPLICATE_JACCARD);
    if (copyOf) {
      const outlet = index.items[doc]!.source;
      if (outlet !== copyOf.result.item.source && !copyOf.result.alsoFrom.includes(outlet)) copyOf.result.alsoFrom.push(outlet);
      continue;
    }
    perOutlet.set(index.outlets[doc]!, (perOutlet.get(index.outlets[doc]!) ?? 0) + 1);
    picked.push({ doc, result: { item: index.items[doc]!, score: bestScore, alsoFrom: [] } });
  }
  return picked.map((p) => p.result);
}
