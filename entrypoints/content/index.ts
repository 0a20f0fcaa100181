import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { analyzeArticleSteps, type ArticleAnalysis } from '@/lib/article';
import type { Entity } from '@/lib/entities';
import { PageHighlights } from '@/lib/highlights/page-highlights';
import { highlightApiOf } from '@/lib/marking/highlight-api';
import { PageMarker } from '@/lib/marking/page-marker';
import { idleScheduler } from '@/lib/marking/watch';
import type { ToContent } from '@/lib/contracts/messages';
import { allHandlers, handleMessages, sendMessage } from '@/lib/messaging';
import { isOffForHost, loadSettings, watchSettings } from '@/lib/settings';
import { createCardView } from './card';
import { contentHandlers } from './handlers';
import { createHighlightUi } from './highlights';
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
  const card = createCardView(document, () => settings);
  const highlights = createHighlights();
  const marker = new PageMarker(document, window, settings, {
    analyze: (doc, forced) => analyzeArticleSteps(doc, { url: location.href, readerAsked: forced }),
    recognize,
    card,
    onMarked: (count, analysis) => {
      report(count, analysis);
      // Every (re-)extraction, late content included, re-anchors the reader's highlights.
      highlights?.model.onArticle(analysis).catch((error: unknown) => console.debug('[newsmark] highlights', describeError(error)));
    },
  });
  const idle = idleScheduler(window);
  const runWhenIdle = () => idle(() => safely(() => marker.run()));
  const clearHighlights = () => {
    highlights?.ui.hide();
    highlights?.model.clear();
  };

  const stopMessages = handleMessages(
    allHandlers<ToContent>()(contentHandlers(marker, () => offHere()), highlights?.ui.handlers, {
      savePageArticle: async () => {
        if (!highlights) throw new Error('This browser cannot show highlights.');
        if (offHere()) throw new Error('Newsmark is turned off on this site.');
        // Saving says "this is an article": extract and mark it even if detection said otherwise.
        if (marker.state !== 'marked') await marker.run(true);
        return highlights.model.save();
      },
    }),
  );
  const stopWatching = watchSettings((next) => {
    settings = next;
    if (offHere()) clearHighlights();
    safely(() => marker.applySettings(next, offHere()));
  });
  // Single-page apps change the URL without a new document: start over on the new article.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    clearHighlights();
    marker.clear();
    if (!offHere()) runWhenIdle();
  });
  ctx.onInvalidated(() => {
    stopMessages();
    stopWatching();
    marker.destroy();
    card.destroy();
    clearHighlights();
    highlights?.ui.destroy();
  });
  if (!offHere()) runWhenIdle();
  else marker.state = 'off';
}

/** The reader's highlights, where the browser has the CSS Custom Highlight API (every supported version does). */
function createHighlights(): { model: PageHighlights; ui: ReturnType<typeof createHighlightUi> } | null {
  const api = highlightApiOf(window);
  if (!api) return null;
  const model = new PageHighlights(document, api, {
    send: (type, data) => sendMessage(type, data),
    recognize,
    location: () => ({ url: location.href, title: document.title }),
  });
  return { model, ui: createHighlightUi(document, window, model) };
}

/** The background recognises (see `recognizeText`): the page only extracts and paints. */
function recognize(text: string): Promise<Entity[]> {
  return sendMessage('recognizeText', { text });
}

function report(count: number, analysis: ArticleAnalysis): void {
  const title = analysis.metadata.title || document.title;
  void sendMessage('reportPage', { url: location.href, title, isArticle: analysis.isArticle, signals: analysis.signals })
    .then(() => sendMessage('setMarkCount', { count }))
    .catch((error: unknown) => console.debug('[newsmark] report failed', error));
}

/** Runs `work`, logging (never throwing) what fails in it, now or in the promise it returns. */
function safely(work: () => unknown): void {
  const log = (error: unknown) => console.debug('[newsmark]', describeError(error));
  try {
    const result = work();
    if (result instanceof Promise) result.catch(log);
  } catch (error) {
    log(error);
  }
}

/** Errors as text: a content script's Error objects do not cross into the page's console intact. */
function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}
