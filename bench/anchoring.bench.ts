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
 * Then 10,000 highlights on one page: the longest block of the page in sliced re-anchoring.
 */
import { anchor, anchorAll, anchorInSlices, describe, prepareText, type AnchorResult, type SliceScheduler } from '@/lib/anchoring';
import type { Selector } from '@/lib/contracts/selectors';
import type { BenchLine } from './types';
import { articles, judge, trials } from './anchoring/trials';
import { seededRandom, words } from './anchoring/mutate';
import type { Span } from './anchoring/mutate';

const TRIALS = Number(process.env.ANCHORING_TRIALS ?? 2000);
const MANY = 10_000;

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
  yield* manyOnOnePage();
}

/**
 * 10,000 highlights on one page (the corpus articles run together, random words and phrases),
 * re-anchored after a paragraph arrives at the top (late content shifts every offset): the
 * longest the page is blocked when anchoring runs in idle slices, against one pass (anchorAll).
 */
function* manyOnOnePage(): Iterable<BenchLine> {
  const random = seededRandom(10);
  const text = articles.slice(0, 60).join('\n\n');
  const all = words(text);
  const described = Array.from({ length: MANY }, () => {
    const first = Math.floor(random() * (all.length - 4));
    const last = first + Math.floor(random() * 4);
    return { selectors: describe(text, all[first]!.start, all[last]!.end) };
  });
  const changed = `Update: this story has been updated with new figures.\n\n${text}`;
  const t0 = performance.now();
  anchorAll(changed, described.map((d) => d.selectors));
  const onePass = performance.now() - t0;
  const slices: number[] = [];
  const queue: (() => void)[] = [];
  const scheduler: SliceScheduler = { schedule: (run) => void queue.push(run), now: () => performance.now() };
  let placed = 0;
  const t1 = performance.now();
  anchorInSlices(prepareText(changed), described, scheduler, (slice) => (placed += slice.filter((r) => r.result.kind === 'anchored').length));
  for (let run = queue.shift(); run; run = queue.shift()) {
    const start = performance.now();
    run();
    slices.push(performance.now() - start);
  }
  const total = performance.now() - t1;
  const ms = (x: number): number => Math.round(x * 10) / 10;
  yield { metric: '10k-highlights.longest-block', value: ms(Math.max(...slices)), unit: 'ms', baseline: ms(onePass), baselineName: 'one pass (anchorAll)' };
  yield { metric: '10k-highlights.slices', value: slices.length, unit: 'count' };
  yield { metric: '10k-highlights.total', value: ms(total), unit: 'ms', baseline: ms(onePass), baselineName: 'one pass (anchorAll)' };
  yield { metric: '10k-highlights.anchored', value: Math.round((1000 * placed) / MANY) / 10, unit: '%' };
}
