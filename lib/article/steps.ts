/** Runs a stepped computation (a generator that pauses where a page may be given back) to its end without pausing. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
