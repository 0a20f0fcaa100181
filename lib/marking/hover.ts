/**
 * Hover intent over marks: pointer moves only record the point; one animation frame later
 * the mark under it is looked up. A card opens after a short dwell and closes when the
 * pointer leaves both mark and card, on Escape, and on scroll. Returns the teardown.
 */
export interface HoverHit {
  /** Identifies the mark (its index); the same key means the same mark. */
  key: number;
}

export interface HoverOptions {
  hitTest(x: number, y: number): HoverHit | null;
  /** Is this node part of Newsmark's own UI (the card)? Pointer over it keeps the card open. */
  isOwnUi(node: EventTarget | null): boolean;
  /** The pointer is at (x, y), in viewport coordinates. */
  onEnter(hit: HoverHit, x: number, y: number): void;
  onLeave(): void;
}

const OPEN_DELAY_MS = 120;
const CLOSE_DELAY_MS = 300;

export function trackHover(doc: Document, win: Window, options: HoverOptions): () => void {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: number | null = null;
  let pending: number | null = null;
  let point = { x: 0, y: 0, target: null as EventTarget | null };

  const schedule = (fn: () => void, ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
  const leave = () => {
    clearTimeout(timer);
    pending = null;
    if (current === null) return;
    current = null;
    options.onLeave();
  };
  const evaluate = () => {
    frame = 0;
    if (options.isOwnUi(point.target)) {
      clearTimeout(timer);
      pending = null;
      return;
    }
    const hit = options.hitTest(point.x, point.y);
    if (hit && hit.key === current) {
      clearTimeout(timer);
      pending = null;
      return;
    }
    if (hit) {
      if (hit.key === pending) return;
      pending = hit.key;
      schedule(() => {
        pending = null;
        current = hit.key;
        options.onEnter(hit, point.x, point.y);
      }, OPEN_DELAY_MS);
    } else if (current !== null) {
      pending = null;
      schedule(leave, CLOSE_DELAY_MS);
    } else {
      clearTimeout(timer);
      pending = null;
    }
  };
  const onMove = (event: PointerEvent) => {
    // A pressed button means the reader is selecting text: stay out of the way.
    if (event.buttons !== 0) return;
    point = { x: event.clientX, y: event.clientY, target: event.target };
    if (!frame) frame = win.requestAnimationFrame(evaluate);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') leave();
  };

  doc.addEventListener('pointermove', onMove, { passive: true, capture: true });
  doc.addEventListener('keydown', onKey, { capture: true });
  win.addEventListener('scroll', leave, { passive: true, capture: true });
  doc.documentElement.addEventListener('pointerleave', leave, { passive: true });
  return () => {
    if (frame) win.cancelAnimationFrame(frame);
    clearTimeout(timer);
    doc.removeEventListener('pointermove', onMove, { capture: true });
    doc.removeEventListener('keydown', onKey, { capture: true });
    win.removeEventListener('scroll', leave, { capture: true });
    doc.documentElement.removeEventListener('pointerleave', leave);
  };
}
