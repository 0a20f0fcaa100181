import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { analyzeArticle, type ArticleAnalysis } from '@/lib/article';
import { recognize } from '@/lib/entities';
import { PageMarker } from '@/lib/marking/page-marker';
import { idleScheduler } from '@/lib/marking/watch';
import { handleMessages, sendMessage } from '@/lib/messaging';
import { isOffForHost, loadSettings, watchSettings } from '@/lib/settings';
import { createCardView } from './card';
import { contentHandlers } from './handlers';
import '@/lib/marking/marks.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Never throw into the page: what fails here is ours to swallow and log.
    start(ctx).catch((error: unknown) => console.debug('[newsmark] content script failed', describeError(error)));
  },
});

async function start(ctx: ContentScriptContext): Promise<void> {
  let settings = await loadSettings();
  const offHere = () => isOffForHost(settings, location.hostname);
  const card = createCardView(document, window, () => settings);
  const marker = new PageMarker(document, window, settings, {
    analyze: (doc) => analyzeArticle(doc, { url: location.href }),
    recognize: (text) => recognize(text),
    card,
    onMarked: (count, analysis) => report(count, analysis),
  });
  const idle = idleScheduler(window);
  const runWhenIdle = () => idle(() => safely(() => marker.run()));

  const stopMessages = handleMessages(contentHandlers(marker, () => offHere()));
  const stopWatching = watchSettings((next) => {
    settings = next;
    safely(() => marker.applySettings(next, offHere()));
  });
  // Single-page apps change the URL without a new document: start over on the new article.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    marker.clear();
    if (!offHere()) runWhenIdle();
  });
  ctx.onInvalidated(() => {
    stopMessages();
    stopWatching();
    marker.destroy();
    card.destroy();
  });
  if (!offHere()) runWhenIdle();
  else marker.state = 'off';
}

function report(count: number, analysis: ArticleAnalysis): void {
  const title = analysis.metadata.title || document.title;
  void sendMessage('reportPage', { url: location.href, title, isArticle: analysis.isArticle, signals: analysis.signals })
    .then(() => sendMessage('setMarkCount', { count }))
    .catch((error: unknown) => console.debug('[newsmark] report failed', error));
}

function safely(work: () => unknown): void {
  try {
    work();
  } catch (error) {
    console.debug('[newsmark]', describeError(error));
  }
}

/** Errors as text: a content script's Error objects do not cross into the page's console intact. */
function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}
