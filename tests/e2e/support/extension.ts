import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const CHROME_BUILD = resolve('.output/chrome-mv3');
export const FIREFOX_BUILD = resolve('.output/firefox-mv3');

/** Fails early with a clear message instead of a browser that silently loads nothing. */
export function requireBuild(dir: string): string {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No extension build in ${dir}: run \`npm run build\` first.`);
  }
  return dir;
}
