/**
 * Reading Newsmark's marks from the page's side: `CSS.highlights` is shared between the
 * page and the content script, so tests can count marks and find where they are drawn.
 * Works with Playwright and Puppeteer pages alike.
 */
interface EvaluatingPage {
  evaluate<T, A>(fn: (arg: A) => T, arg: A): Promise<T>;
}

export type MarkCounts = Record<string, number>;

/** Ranges painted under each of Newsmark's highlight names. */
export function markCounts(page: EvaluatingPage): Promise<MarkCounts> {
  return page.evaluate((prefix) => {
    const counts: Record<string, number> = {};
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith(prefix)) counts[name] = highlight.size;
    });
    return counts;
  }, 'newsmark-');
}

/** The texts of the ranges painted under `name`, in document order. */
export function markedTexts(page: EvaluatingPage, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const highlight = CSS.highlights.get(n);
    if (!highlight) return [];
    const ranges = [...highlight] as Range[];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString());
  }, name);
}

/** Viewport centre of the first range painted under `name` (scrolled into view first), or null. */
export function markCentre(page: EvaluatingPage, name: string, nth = 0): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ({ n, i }) => {
      const highlight = CSS.highlights.get(n);
      if (!highlight) return null;
      const ranges = [...highlight] as Range[];
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[i];
      if (!range) return null;
      (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return { x: rect.left + Math.min(rect.width / 2, 10), y: rect.top + rect.height / 2 };
    },
    { n: name, i: nth },
  );
}

/** Resolves once the page shows at least one Newsmark mark (or rejects after the timeout). */
export async function waitForMarks(page: EvaluatingPage, timeoutMs = 15_000): Promise<MarkCounts> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const counts = await markCounts(page).catch(() => ({}));
    if (Object.values(counts).some((n) => n > 0)) return counts;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('No Newsmark marks appeared on the page');
}

/** The first line box of the `nth` mark painted under `name`, scrolled to `block` of the viewport. */
export function markLineBox(page: EvaluatingPage, name: string, nth = 0, block: ScrollLogicalPosition = 'center'): Promise<{ left: number; top: number; width: number; height: number }> {
  return page.evaluate(
    ({ n, i, b }) => {
      const ranges = [...(CSS.highlights.get(n) ?? [])] as Range[];
      ranges.sort((x, y) => x.compareBoundaryPoints(Range.START_TO_START, y));
      const range = ranges[i];
      if (!range) throw new Error(`no mark ${i} under ${n}`);
      (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: b, behavior: 'instant' });
      const { left, top, width, height } = range.getClientRects()[0]!;
      return { left, top, width, height };
    },
    { n: name, i: nth, b: block },
  );
}
