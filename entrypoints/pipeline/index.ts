import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browser } from 'wxt/browser';
import { analyzeArticleSteps, type ArticleAnalysis } from '@/lib/article';
import { shadowPageBody } from '@/lib/article/first-look';
import type { Entity } from '@/lib/contracts/entities';
import { PageHighlights } from '@/lib/highlights/page-highlights';
import { highlightApiOf } from '@/lib/marking/highlight-api';
import { PageMarker } from '@/lib/marking/page-marker';
import { idleScheduler, watchContent } from '@/lib/marking/watch';
import type { ToContent } from '@/lib/contracts/messages';
import { allHandlers, answerMessage, handleMessages, sendMessage, type RequestOf } from '@/lib/messaging';
import { stagesIn, type LoadReason, type Stages } from '@/lib/marking/stages';
import { lostAccess } from '@/lib/sites/match';
import { isOffForHost, loadSettings, watchSettings } from '@/lib/settings';
import { createCardView } from './card';
import { contentHandlers } from './handlers';
import { createHighlightUi } from './highlights';

/**
 * The marking pipeline: injected by the background into a frame whose first stage (see
 * lib/marking/stages.ts) asked for it; its styles arrive beside it (background/pipeline-injection.ts).
 * Deliberately not a WXT content script: WXT's context switches a script off when the page
 * dispatches its public "content-script-started" event, which any page can forge. This script
 * watches for what that event stood for itself: the extension going away (its runtime id gone).
 */
export default defineUnlistedScript(() => {
  const stages = stagesIn(globalThis);
  // Injected twice (two first-stage requests racing): the first copy serves.
  if (stages.pipeline) return;
  const pending: LoadReason[] = [];
  let begin: ((reason: LoadReason) => void) | null = null;
  let answer: (message: unknown) => Promise<unknown> | undefined = () => undefined;
  const ready = start(stages).then(
    (pipeline) => {
      begin = pipeline.begin;
      answer = pipeline.answer;
      for (const reason of pending.splice(0)) begin(reason);
    },
    // Never throw into the page: what fails here is ours to swallow and log.
    (error: unknown) => console.debug('[newsmark] content script failed', describeError(error)),
  );
  stages.pipeline = {
    start: (reason) => (begin ? begin(reason) : void pending.push(reason)),
    answer: (message) => ready.then(() => answer(message)),
  };
});

/** How often the pipeline checks that its marks are still registered, the URL and the extension. */
const WATCH_INTERVAL_MS = 500;
/** How long after load or a navigation content changes may still bring the article, and how many looks they bring at most. */
const SETTLE_MS = 15_000;
const SETTLE_LOOKS = 4;

async function start(stages: Stages): Promise<{ begin(reason: LoadReason): void; answer(message: unknown): Promise<unknown> | undefined }> {
  let settings = await loadSettings();
  const offHere = () => isOffForHost(settings, location.hostname);
  const card = createCardView(document, () => settings);
  const highlights = createHighlights();
  const marker = new PageMarker(document, window, settings, {
    analyze: (doc, forced) => analyzeArticleSteps(doc, { url: location.href, readerAsked: forced, body: shadowPageBody(doc) }),
    recognize,
    card,
    onMarked: (count, analysis) => {
      report(count, analysis);
      // Every (re-)extraction, late content included, re-anchors the reader's highlights.
      highlights?.model.onArticle(analysis).catch((error: unknown) => console.debug('[newsmark] highlights', describeError(error)));
    },
  });
  const idle = idleScheduler(window);
  let stopSettling = () => {};
  /**
   * Marks the page in idle time. After load or a single-page-app navigation the article may
   * still be arriving (the address changes before the story renders): until the page is marked,
   * content changes bring another look, for a while and a few times at most.
   */
  const runWhenIdle = (force = false) => {
    stopSettling();
    const body = document.body;
    if (!body) return;
    let looks = 0;
    const stopWatchingContent = watchContent(body, idle, () => {
      // A run still under way reads the page as it is when it gets there.
      if (marker.state === 'idle') return;
      if (marker.state !== 'not-article' || ++looks > SETTLE_LOOKS) stopSettling();
      else safely(() => marker.run(force));
    }, (node) => card.isOwnUi(node));
    const timer = setTimeout(() => stopSettling(), SETTLE_MS);
    stopSettling = () => {
      clearTimeout(timer);
      stopWatchingContent();
    };
    idle(() => safely(() => marker.run(force)));
  };
  const clearHighlights = () => {
    highlights?.ui.hide();
    highlights?.model.clear();
  };

  const handlers = allHandlers<ToContent>()(contentHandlers(marker, () => offHere()), highlights?.ui.handlers, {
    savePageArticle: async () => {
      if (!highlights) throw new Error('This browser cannot show highlights.');
      if (offHere()) throw new Error('Newsmark is turned off on this site.');
      // Saving says "this is an article": extract and mark it even if detection said otherwise.
      if (marker.state !== 'marked') await marker.run(true);
      return highlights.model.save();
    },
    // The reader took this site's access away: the page goes back to how it was, and a later
    // grant (or "Mark this page") starts both stages afresh.
    leavePage: ({ removed, remaining }: RequestOf<'leavePage'>) => {
      if (removed && !lostAccess(location.href, removed, remaining ?? [])) return;
      stop();
      stages.pipeline = undefined;
      stages.firstStage = false;
      void sendMessage('setMarkCount', { count: 0 }).catch(() => undefined);
    },
  });
  const stopMessages = handleMessages(handlers);
  const stopWatching = watchSettings((next) => {
    settings = next;
    if (offHere()) clearHighlights();
    safely(() => marker.applySettings(next, offHere()));
  });
  let url = location.href;
  const watch = setInterval(() => {
    // The extension was reloaded, updated or removed: this copy is orphaned; leave the page as it was.
    if (!browser.runtime?.id) return stop();
    // Single-page apps change the URL without a new document: start over on the new article.
    if (location.href !== url) {
      url = location.href;
      clearHighlights();
      marker.clear();
      if (!offHere()) runWhenIdle();
      return;
    }
    // A page's script may empty the shared highlight registry (CSS.highlights.clear()) without
    // touching the DOM, which no mutation observer sees: put back what it took.
    safely(() => {
      marker.repairMarks();
      highlights?.model.layer.repair();
    });
  }, WATCH_INTERVAL_MS);
  function stop(): void {
    clearInterval(watch);
    stopSettling();
    stopMessages();
    stopWatching();
    marker.destroy();
    card.destroy();
    clearHighlights();
    highlights?.ui.destroy();
  }
  return {
    begin: (reason) => {
      if (offHere()) {
        marker.state = 'off';
        return;
      }
      // A saved page is an article by the reader's word (as saving it said), whatever its looks.
      // What the reader asked for arrives as its own message (markPage, savePageArticle, ...).
      runWhenIdle(reason === 'saved-page');
    },
    answer: (message) => answerMessage(handlers, message),
  };
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
