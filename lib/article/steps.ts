/** A computation that pauses (yields) where a page may be given back; see analyzeArticleSteps. */
export type Steps<T> = Generator<void, T>;

/** Runs a stepped computation to its end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
