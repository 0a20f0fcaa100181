/**
 * The real action popup, as a toolbar click opens it: `action.openPopup()` over the article's
 * tab, called in the extension's service worker. Playwright does not list an extension's
 * popup among its pages, so the popup is reached through DevTools' target domain (a session
 * attached to it, not flattened, spoken to with Target.sendMessageToTarget).
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ChromiumSession } from '../../tests/e2e/support/chromium';

export interface ActionPopupOpen {
  /** From the openPopup() call to the popup's navigation start: the browser's own part. */
  opening: number;
  /** The popup's marks, from its navigation start. */
  scriptStart: number;
  page: number;
  entities: number;
  ready: number;
  /**
   * The complete render as the reader sees it: the later of the popup's first contentful paint
   * and its complete render. A popup is shown only once the browser has sized its window, so
   * its first paint may come well after the render's own frame.
   */
  shown: number;
  /** Highlights it shows: the saved article's, when it could tell which page it is over. */
  highlights: number;
}

const MARKS = ['newsmark:popup-start', 'newsmark:page', 'newsmark:entities', 'newsmark:popup-ready', 'first-contentful-paint'];

/**
 * Opens the popup over `tab` and reads its marks once it is complete; closes it. Null when it
 * does not open or never completes within `timeoutMs`.
 */
export async function openActionPopup(session: ChromiumSession, tab: Page, timeoutMs = 30_000): Promise<ActionPopupOpen | null> {
  await tab.bringToFront();
  const cdp = await tab.context().newCDPSession(tab);
  try {
    // The popup page may be open in tabs too (the bench's other series): the popup is the new one.
    const before = new Set((await cdp.send('Target.getTargets')).targetInfos.map((t) => t.targetId));
    const worker = session.context.serviceWorkers()[0] ?? (await session.context.waitForEvent('serviceworker'));
    const called = await worker.evaluate(async () => {
      const at = performance.timeOrigin + performance.now();
      await (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup();
      return at;
    });
    const targetId = await popupTarget(cdp, before, timeoutMs);
    if (!targetId) return null;
    const popup = await attach(cdp, targetId);
    try {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const read = await popup.evaluate(`JSON.stringify({
          origin: performance.timeOrigin,
          marks: ${JSON.stringify(MARKS)}.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? null),
          highlights: document.querySelectorAll('[data-testid="highlight"]').length,
        })`);
        const { origin, marks, highlights } = JSON.parse(read) as { origin?: number; marks?: (number | null)[]; highlights?: number };
        const [scriptStart, page, entities, ready, painted] = marks ?? [];
        if (origin !== undefined && typeof ready === 'number' && typeof painted === 'number') {
          const shown = Math.max(ready, painted);
          return { opening: origin - called, scriptStart: scriptStart ?? NaN, page: page ?? NaN, entities: entities ?? NaN, ready, shown, highlights: highlights ?? 0 };
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return null;
    } finally {
      await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The extension's popup page among the targets not in `before`. */
async function popupTarget(cdp: CDPSession, before: Set<string>, timeoutMs: number): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const popup = targetInfos.find((t) => !before.has(t.targetId) && t.url.startsWith('chrome-extension://') && new URL(t.url).pathname === '/popup.html');
    if (popup) return popup.targetId;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return null;
}

/** A DevTools session on `targetId`, through `cdp`, that evaluates expressions to strings. */
async function attach(cdp: CDPSession, targetId: string): Promise<{ evaluate(expression: string): Promise<string> }> {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  type Reply = { id?: number; result?: { result?: { value?: string } } };
  const waiting = new Map<number, (message: Reply) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as Reply;
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  let nextId = 0;
  return {
    evaluate: (expression) =>
      new Promise((resolve) => {
        const id = ++nextId;
        waiting.set(id, (message) => {
          waiting.delete(id);
          resolve(message.result?.result?.value ?? '{}');
        });
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }) });
      }),
  };
}
