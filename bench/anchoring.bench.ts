/**
 * Re-anchoring highlights on changed articles (trials: see bench/anchoring/trials.ts). Each
 * random highlight is described on the original text, the text is changed around it and,
 * separately, one word inside the quote is changed too; then it is re-anchored.
 *
 * How a placement is judged, strictly by offsets: the mutations track where the highlighted
 * words themselves went, and a placement is "right" only when it covers exactly that span.
 * Anything else placed is "wrong" — including a textually identical copy of the passage
 * elsewhere (a repeated sentence, a duplicated paragraph): it reads the same but is not the
 * passage the reader marked. Orphans are neither.
 * Baseline: the first verbatim occurrence of the quote (what a naive indexOf anchor does).
 */
import { anchor, type AnchorResult, type Selector } from '@/lib/anchoring';
import type { BenchLine } from './types';
import { judge, trials } from './anchoring/trials';
import type { Span } from './anchoring/mutate';

const TRIALS = Number(process.env.ANCHORING_TRIALS ?? 2000);

interface Tally { right: number; wrong: number; orphan: number; total: number; ms: number }

function record(tally: Tally, result: AnchorResult, expected: Span, ms: number): void {
  tally.total += 1;
  tally.ms += ms;
  tally[judge(result, expected)] += 1;
}

function timed(text: string, selectors: Selector[]): { result: AnchorResult; ms: number } {
  const t0 = performance.now();
  const result = anchor(text, selectors);
  return { result, ms: performance.now() - t0 };
}

function naive(text: string, selectors: Selector[]): { result: AnchorResult; ms: number } {
  const t0 = performance.now();
  const exact = selectors.find((s) => s.type === 'TextQuoteSelector')!.exact;
  const at = text.indexOf(exact);
  const result: AnchorResult = at < 0 ? { kind: 'orphan', reason: 'not-found' } : { kind: 'anchored', start: at, end: at + exact.length, method: 'exact' };
  return { result, ms: performance.now() - t0 };
}

const pct = (n: number, of: number): number => Math.round((1000 * n) / Math.max(1, of)) / 10;
const empty = (): Tally => ({ right: 0, wrong: 0, orphan: 0, total: 0, ms: 0 });

export default function* anchoringBench(): Iterable<BenchLine> {
  const intact = empty();
  const intactNaive = empty();
  const changed = empty();
  const changedNaive = empty();
  for (const trial of trials(TRIALS)) {
    const { text, span } = trial.intact;
    const ours = timed(text, trial.selectors);
    record(intact, ours.result, span, ours.ms);
    const base = naive(text, trial.selectors);
    record(intactNaive, base.result, span, base.ms);
    const edited = trial.wordChanged;
    if (!edited) continue;
    const oursEdited = timed(edited.text, trial.selectors);
    record(changed, oursEdited.result, edited.span, oursEdited.ms);
    const baseEdited = naive(edited.text, trial.selectors);
    record(changedNaive, baseEdited.result, edited.span, baseEdited.ms);
  }
  const baselineName = 'first verbatim occurrence (indexOf)';
  for (const [name, ours, base] of [['intact', intact, intactNaive], ['word-changed', changed, changedNaive]] as const) {
    yield { metric: `${name}.right`, value: pct(ours.right, ours.total), unit: '%', baseline: pct(base.right, base.total), baselineName };
    yield { metric: `${name}.wrong`, value: pct(ours.wrong, ours.total), unit: '%', baseline: pct(base.wrong, base.total), baselineName };
    yield { metric: `${name}.orphan`, value: pct(ours.orphan, ours.total), unit: '%', baseline: pct(base.orphan, base.total), baselineName };
    yield { metric: `${name}.highlights`, value: ours.total, unit: 'count' };
  }
  const all = intact.ms + changed.ms;
  yield { metric: 'time-per-anchor', value: Math.round((1000 * all) / (intact.total + changed.total)) / 1000, unit: 'ms' };
}
