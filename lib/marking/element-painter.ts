/**
 * The fallback where the CSS Custom Highlight API is missing: each range's text is wrapped
 * in a `<mark data-newsmark>` element. This does change the page's DOM, so every wrapper is
 * remembered and `clear()` unwraps them and re-joins the split text nodes.
 */
export class ElementPainter {
  private readonly wrappers: HTMLElement[] = [];

  constructor(private readonly doc: Document) {}

  /** Wraps every mark at once, from the last in the document to the first, so that each
   * wrap's splitting of a text node leaves the offsets of the marks before it valid. */
  paint(marks: { type: string; range: Range }[]): void {
    const ordered = [...marks].sort((a, b) => b.range.compareBoundaryPoints(Range.START_TO_START, a.range));
    for (const { type, range } of ordered) this.wrap(type, range);
  }

  clear(): void {
    for (const mark of this.wrappers.splice(0)) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parent.normalize();
    }
  }

  get size(): number {
    return this.wrappers.length;
  }

  private wrap(type: string, range: Range): void {
    // Only ranges within one text node are wrapped: splitting across elements would rebuild the page's structure.
    if (range.startContainer !== range.endContainer || range.startContainer.nodeType !== Node.TEXT_NODE) return;
    const mark = this.doc.createElement('mark');
    mark.setAttribute('data-newsmark', type);
    try {
      range.surroundContents(mark);
      this.wrappers.push(mark);
    } catch {
      // A range the page changed under us: leave that one unmarked rather than break the page.
    }
  }
}
