/**
 * One batched MutationObserver for late article text. Its callback only notes that
 * something relevant changed and asks for one idle callback; the work (re-extracting,
 * recognising, painting) happens there, never inside the observer callback.
 */
export type IdleScheduler = (work: () => void) => () => void;

/**
 * `requestIdleCallback` where there is one (not in Safari), else a short timeout; `timeoutMs`
 * is the longest wait for an idle period before the work runs anyway.
 */
export function idleScheduler(win: Window, timeoutMs = 2000): IdleScheduler {
  if (typeof win.requestIdleCallback === 'function') {
    return (work) => {
      const id = win.requestIdleCallback(work, { timeout: timeoutMs });
      return () => win.cancelIdleCallback(id);
    };
  }
  return (work) => {
    const id = setTimeout(work, 50);
    return () => clearTimeout(id);
  };
}

/**
 * Calls `onChange` (in idle time, at most once per batch) when text is added or changed
 * under `target`, ignoring changes inside nodes `ignore` says are ours (the card's host).
 */
export function watchContent(
  target: Node,
  schedule: IdleScheduler,
  onChange: () => void,
  ignore: (node: Node) => boolean = () => false,
): () => void {
  let cancel: (() => void) | null = null;
  const observer = new MutationObserver((records) => {
    if (cancel) return;
    if (!records.some((r) => !ignore(r.target) && (r.type === 'characterData' || hasTextNodes(r.addedNodes) || r.removedNodes.length > 0))) return;
    cancel = schedule(() => {
      cancel = null;
      onChange();
    });
  });
  observer.observe(target, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    cancel?.();
    cancel = null;
  };
}

function hasTextNodes(nodes: NodeList): boolean {
  for (const node of nodes) {
    if (node.nodeType === Node.TEXT_NODE ? (node.nodeValue ?? '').trim() !== '' : (node.textContent ?? '').trim() !== '') return true;
  }
  return false;
}
