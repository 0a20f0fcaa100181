/**
 * The scorer of ../shared/corpus/entities/GUIDELINES.md: a prediction matches a label of the
 * same type when their spans overlap, each label matching at most one prediction; precision,
 * recall and F1 per type, micro-averaged over documents. For figures a match whose value differs
 * by more than 0.5% (or whose currency differs) is a value error. Pure: offsets in any one unit.
 */
export interface Span {
  doc: string;
  type: string;
  start: number;
  end: number;
  value?: number;
  currency?: string;
  text?: string;
}

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Matches whose value or currency is wrong (figures only). */
  valueErrors: number;
  /** Share of matches with value and currency right; 1 when nothing was matched. */
  valueAccuracy: number;
  /** Labels left without a prediction, and predictions without a label: for reading, not scoring. */
  missed: Span[];
  spurious: Span[];
}

const VALUE_TOLERANCE = 0.005;

function key(s: Span): string {
  return `${s.doc}\u0000${s.type}`;
}

function groupBy(spans: readonly Span[]): Map<string, Span[]> {
  const groups = new Map<string, Span[]>();
  for (const s of spans) {
    const list = groups.get(key(s)) ?? [];
    list.push(s);
    groups.set(key(s), list);
  }
  for (const list of groups.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return groups;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when a matched prediction's value and currency agree with its label's. */
export function valueAgrees(label: Span, prediction: Span): boolean {
  if (label.value !== undefined) {
    if (prediction.value === undefined) return false;
    const scale = Math.max(Math.abs(label.value), 1e-9);
    if (Math.abs(prediction.value - label.value) / scale > VALUE_TOLERANCE) return false;
  }
  return (label.currency ?? undefined) === (prediction.currency ?? undefined);
}

function emptyScore(): TypeScore {
  return { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0, valueErrors: 0, valueAccuracy: 1, missed: [], spurious: [] };
}

/** Scores `predictions` against `labels`, per type. Types absent from both are absent from the result. */
export function score(labels: readonly Span[], predictions: readonly Span[]): Map<string, TypeScore> {
  const result = new Map<string, TypeScore>();
  const byKeyPred = groupBy(predictions);
  const byKeyLabel = groupBy(labels);
  for (const k of new Set([...byKeyPred.keys(), ...byKeyLabel.keys()])) {
    const type = k.slice(k.indexOf('\u0000') + 1);
    const s = result.get(type) ?? emptyScore();
    result.set(type, s);
    const preds = byKeyPred.get(k) ?? [];
    const used = new Array<boolean>(preds.length).fill(false);
    for (const label of byKeyLabel.get(k) ?? []) {
      const index = preds.findIndex((p, i) => !used[i] && overlaps(p, label));
      if (index < 0) {
        s.fn++;
        s.missed.push(label);
        continue;
      }
      used[index] = true;
      s.tp++;
      if (!valueAgrees(label, preds[index]!)) s.valueErrors++;
    }
    preds.forEach((p, i) => {
      if (used[i]) return;
      s.fp++;
      s.spurious.push(p);
    });
  }
  for (const s of result.values()) {
    s.precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0;
    s.recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
    s.f1 = s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
    s.valueAccuracy = s.tp ? (s.tp - s.valueErrors) / s.tp : 1;
  }
  return result;
}
