import { cpSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** `.output` by default; NEWSMARK_CHROME_BUILD / NEWSMARK_FIREFOX_BUILD name a private copy (other work may rebuild `.output` meanwhile). */
export const CHROME_BUILD = resolve(process.env.NEWSMARK_CHROME_BUILD ?? '.output/chrome-mv3');
export const FIREFOX_BUILD = resolve(process.env.NEWSMARK_FIREFOX_BUILD ?? '.output/firefox-mv3');

/** The test server's site (every port of 127.0.0.1), as a reader would grant it. */
export const TEST_SITE = 'http://127.0.0.1/*';

/** Fails early with a clear message instead of a browser that silently loads nothing. */
export function requireBuild(dir: string): string {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No extension build in ${dir}: run \`npm run build\` first.`);
  }
  return dir;
}

/** Where withTestSite keeps its copy of `build`, and the stamp naming the build it was made from. */
function testSiteCopyOf(build: string): { copy: string; stamp: string } {
  const copy = `${build}-test-site`;
  return { copy, stamp: `${copy}.stamp` };
}

/** Removes the copy withTestSite made of `build` (a temporary build's, once its browser is closed). */
export function removeTestSiteCopy(build: string): void {
  const { copy, stamp } = testSiteCopyOf(build);
  rmSync(copy, { recursive: true, force: true });
  rmSync(stamp, { force: true });
}

/**
 * A copy of `build` that declares the test server's site among its host permissions: the
 * browser grants it at install, and the extension takes a build's declared sites as the reader's
 * choice (entrypoints/background/site-access.ts). It stands for a reader who chose that site on
 * the first-run page, whose permission prompt the tests cannot answer in Chromium. Tests of the
 * choice itself load the build as shipped (`asShipped`). Rebuilt when the build changes; made
 * beside it and renamed into place, so a reader of the old copy never sees half a new one.
 */
export function withTestSite(build: string): string {
  requireBuild(build);
  const { copy, stamp } = testSiteCopyOf(build);
  const source = String(statSync(resolve(build, 'manifest.json')).mtimeMs);
  if (existsSync(resolve(copy, 'manifest.json')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === source) return copy;
  const temporary = `${copy}.${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  cpSync(build, temporary, { recursive: true });
  const manifestPath = resolve(temporary, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), TEST_SITE])];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  rmSync(copy, { recursive: true, force: true });
  renameSync(temporary, copy);
  writeFileSync(stamp, source);
  return copy;
}

/** The one extension call the wait makes, on whichever global the browser names it. */
export interface ScriptingGlobal {
  chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
  browser: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
}

/** Waits (up to 30 s) until `registered` counts a registered content script. */
export async function waitForFirstStage(registered: () => Promise<number>): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const count = await registered().catch(() => 0);
    if (count > 0) return;
    if (Date.now() > deadline) throw new Error('The background never registered the first stage for the granted test site.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
