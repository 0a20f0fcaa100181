/**
 * Real Chromium for page benchmarks: corpus pages served from 127.0.0.1 as published
 * (page scripts blocked by CSP, every other request aborted), with a bundle of our code
 * injected to time it next to a baseline in the same page.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'esbuild';
import { join } from 'node:path';
import { startPageServer, type PageServer } from '../../tests/e2e/support/server';
import { CHROMIUM_PATH } from '../../tests/e2e/support/chromium';

export interface BenchBrowser {
  server: PageServer;
  /** Opens a served page with `bundle` injected before load. */
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Bundles a TypeScript entry (and what it imports) into one script for injection; `root` is the
 * source tree it comes from (another commit's, for a baseline), its packages read from ours.
 */
export async function bundleForPage(entry: string, root = process.cwd()): Promise<string> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    target: 'chrome120',
    alias: { '@': root },
    nodePaths: [join(process.cwd(), 'node_modules')],
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/**
 * `answers` are Node functions a page may ask by POSTing its text to their path on the page's
 * own origin, and whose JSON reply it reads: as the extension's background answers a message,
 * over the browser's own plumbing, with the reply parsed natively. (Playwright's exposed
 * functions serialise through script evaluated in the page, which the page's clock would count.)
 */
export async function launchBenchBrowser(
  pages: Record<string, Buffer | string>,
  bundle: string,
  answers: Record<string, (body: string) => unknown> = {},
): Promise<BenchBrowser> {
  const server = await startPageServer(pages);
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic', '--enable-precise-memory-info',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => {
    const request = route.request();
    const ours = request.url().startsWith(server.origin);
    const answer = ours ? answers[new URL(request.url()).pathname] : undefined;
    if (answer) return route.fulfill({ json: answer(request.postData() ?? '') });
    return ours && request.resourceType() === 'document' ? route.continue() : route.abort();
  });
  // tsx compiles with esbuild's keepNames, which wraps functions passed to page.evaluate in __name().
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;\n' + bundle });
  return {
    server,
    open: async (path) => {
      const page = await context.newPage();
      await page.goto(server.url(path), { waitUntil: 'load' });
      return page;
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
