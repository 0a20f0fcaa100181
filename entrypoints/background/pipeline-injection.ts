/**
 * The marking pipeline, injected into one frame of one tab when its first stage asks
 * (see lib/marking/stages.ts). `scripting.executeScript` with the built file, rather than a
 * dynamic import from the first stage: the pipeline then needs no web-accessible resource a
 * page could fetch (or time, to learn that Newsmark is installed), and it runs in the same
 * isolated world as the first stage in both browsers. Its styles go in as a user stylesheet,
 * which, unlike the page's own sheets, also styles marks inside open shadow roots.
 */
import { browser } from 'wxt/browser';
import marksCss from '@/lib/marking/marks.css?inline';

/** Where WXT writes the pipeline (an unlisted script named after entrypoints/pipeline). */
export const PIPELINE_FILE = '/pipeline.js';

export async function injectPipeline(tabId: number, frameId: number): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  await browser.scripting.insertCSS({ target, css: marksCss, origin: 'USER' });
  await browser.scripting.executeScript({ target, files: [PIPELINE_FILE] });
}
