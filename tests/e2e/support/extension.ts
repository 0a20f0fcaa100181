import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** `.output` by default; NEWSMARK_CHROME_BUILD / NEWSMARK_FIREFOX_BUILD name a private copy (other work may rebuild `.output` meanwhile). */
export const CHROME_BUILD = resolve(process.env.NEWSMARK_CHROME_BUILD ?? '.output/chrome-mv3');
export const FIREFOX_BUILD = resolve(process.env.NEWSMARK_FIREFOX_BUILD ?? '.output/firefox-mv3');

/** Fails early with a clear message instead of a browser that silently loads nothing. */
export function requireBuild(dir: string): string {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No extension build in ${dir}: run \`npm run build\` first.`);
  }
  return dir;
}
