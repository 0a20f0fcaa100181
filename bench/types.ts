/** One figure a benchmark reports; `baseline` is measured in the same run on the same machine. */
export interface BenchLine {
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  /** Defaults to value / baseline when a baseline is given. */
  ratio?: number;
  /** What the baseline is, e.g. "Readability.parse(clone)". */
  baselineName?: string;
}

export interface BenchModule {
  default: () => AsyncIterable<BenchLine> | Iterable<BenchLine>;
}
