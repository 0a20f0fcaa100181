/**
 * Opens the popup page for a given URL until it shows what the background stored.
 * The content script reports asynchronously, so the first open may come too early.
 * Works with Playwright and Puppeteer pages alike (only goto/evaluate are used), and never
 * awaits navigation to an extension URL: Firefox may not resolve it over BiDi.
 */
export interface PopupStatus {
  title: string;
  isArticle: string | null;
}

interface MinimalPage {
  goto(url: string): Promise<unknown>;
  evaluate<T>(fn: () => T): Promise<T>;
}

export async function readPopupStatus(page: MinimalPage, popupUrl: string, timeoutMs = 20_000): Promise<PopupStatus> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    void page.goto(popupUrl).catch(() => undefined);
    const status = await pollStatus(page, Math.min(3_000, deadline - Date.now()));
    if (status) return status;
  }
  throw new Error(`The popup never showed a stored visit at ${popupUrl}`);
}

async function pollStatus(page: MinimalPage, ms: number): Promise<PopupStatus | null> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const status = await page
      .evaluate(() => {
        const el = document.querySelector('[data-testid="page-status"]');
        if (!el) return undefined;
        return { title: document.querySelector('[data-testid="page-title"]')?.textContent ?? '', isArticle: el.getAttribute('data-article') };
      })
      .catch(() => undefined);
    if (status && status.isArticle !== null) return status;
    if (status) return null; // rendered, but nothing stored yet: reload
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}
