/**
 * Where the keyboard focus goes when the control it was on goes away (a deleted highlight, a
 * removed article): the same control in the next item of the list, else in the previous one,
 * else a fallback (the list's heading). Never `<body>`, where a keyboard reader would start over.
 */

/** The control to focus once `item` is gone; read before it goes, while its siblings are known. */
export function neighbourControl(item: Element | null | undefined, selector: string): HTMLElement | null {
  const pick = (el: Element | null | undefined) => el?.querySelector<HTMLElement>(selector) ?? null;
  return pick(item?.nextElementSibling) ?? pick(item?.previousElementSibling);
}

/** Focuses `target` when it is still on the page, else the first fallback that is. */
export function focusFirst(...targets: (HTMLElement | null | undefined)[]): void {
  const target = targets.find((el) => el?.isConnected);
  target?.focus();
}

/**
 * Focuses the element `selector` names once it is on the page (a restored item appears after
 * the library is read again), or gives up after `timeoutMs`, or when the page has gone: the
 * document is the one of the call, and a closed page (its window gone) ends the wait, so a
 * late retry never reaches for a document that is no longer there.
 */
export function focusWhenShown(selector: string, timeoutMs = 5000, doc: Document = document): void {
  const started = Date.now();
  const tryFocus = () => {
    if (!doc.defaultView) return;
    const el = doc.querySelector<HTMLElement>(selector);
    if (el) el.focus();
    else if (Date.now() - started < timeoutMs) doc.defaultView.setTimeout(tryFocus, 30);
  };
  tryFocus();
}
