/** The page's CSS Custom Highlight API, reached through the window passed in. */
export interface HighlightApi {
  registry: HighlightRegistry;
  create(ranges: Range[]): Highlight;
}

/** The API, or null where the browser lacks it (marks then fall back to elements). */
export function highlightApiOf(win: Window & typeof globalThis): HighlightApi | null {
  const registry = win.CSS?.highlights;
  const HighlightCtor = win.Highlight;
  if (!registry || typeof HighlightCtor !== 'function') return null;
  return { registry, create: (ranges) => new HighlightCtor(...ranges) };
}
