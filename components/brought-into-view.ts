import { useEffect, useRef, type MutableRef } from 'preact/hooks';

/**
 * A ref for what appears after a reader's action (an error, a confirmation, a list found) and
 * may appear under the window's edge: its element is scrolled into view, as little as needed,
 * each time `shown` becomes something. Without it the reader sees nothing happen.
 */
export function useBroughtIntoView<T extends Element>(shown: unknown): MutableRef<T | null> {
  const element = useRef<T | null>(null);
  useEffect(() => {
    if (shown) element.current?.scrollIntoView({ block: 'nearest' });
  }, [shown]);
  return element;
}
