/**
 * What runs on every page (declared in the manifest by wxt.config.ts): a look at the page, and
 * the marking pipeline asked for only where the look passes, where the page has saved
 * highlights, or where the reader asks (see lib/marking/stages.ts). Kept tiny — no polyfill,
 * no WXT context, no settings — because every page a reader opens pays for it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { firstLook, pageAddress, shadowPageOf } from '@/lib/article/first-look';
import { LOAD_PIPELINE, stagesIn, type LoadReason } from '@/lib/marking/stages';
import { lostAccess } from '@/lib/sites/match';

/** The few extension calls this stage makes: `browser` in Firefox, `chrome` (promise-based in MV3) in Chromium. */
interface Runtime {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => true | undefined): void;
    removeListener(listener: (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => true | undefined): void;
  };
}

/** How soon after the page changes the look is taken again (a page that gains its article late). */
const RELOOK_DELAY_MS = 1000;
/** Times a failed request for the pipeline is tried again. */
const LOAD_RETRIES = 3;
/**
 * Looks after content changes, per address: enough for a story that arrives late, while a page
 * that never stops changing (a feed, a web app) is not looked at every second for as long as it is open.
 */
const LOOKS_AFTER_CHANGES = 10;
/** How often the URL is compared (single-page apps) and the extension's presence checked. */
const URL_POLL_MS = 1000;

export default defineUnlistedScript(() => {
  // The content script's own globals: the page's `chrome` or `browser`, if it defines one, is not these.
  const scope = globalThis as unknown as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  const runtime = scope.browser?.runtime ?? scope.chrome?.runtime;
  const stages = stagesIn(globalThis);
  if (!runtime || stages.firstStage) return;
  stages.firstStage = true;
  try {
    watch(runtime, stages);
  } catch (error) {
    // Never throw into the page.
    console.debug('[newsmark] first stage failed', String(error));
  }
});

function watch(runtime: Runtime, stages: ReturnType<typeof stagesIn>): void {
  let loading: Promise<boolean> | null = null;
  let lookedAt = '';
  let relook: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let looksAfterChanges = 0;

  const load = (reason: LoadReason): Promise<boolean> => {
    loading ??= runtime
      .sendMessage({ newsmark: 1, type: LOAD_PIPELINE, data: {} })
      .then((reply) => (reply as { ok?: boolean; value?: boolean } | undefined)?.value === true && !!stages.pipeline)
      .catch(() => false)
      .then((loaded) => {
        if (loaded) stop();
        else {
          // The background may have been starting up, or the page navigating: look again soon, a few times.
          loading = null;
          if (++failures <= LOAD_RETRIES) relook ??= setTimeout(look, RELOOK_DELAY_MS * failures);
        }
        return loaded;
      });
    return loading.then((loaded) => {
      if (loaded) stages.pipeline!.start(reason);
      return loaded;
    });
  };

  const look = (): void => {
    relook = null;
    if (loading || stages.pipeline) return;
    const addressChanged = lookedAt !== location.href;
    lookedAt = location.href;
    if (addressChanged) looksAfterChanges = 0;
    if (looksLikeArticle(document)) {
      void load('looks-like-article');
      return;
    }
    // Once per address: the visit is recorded (the popup shows it), and a page the look stops may
    // still hold the reader's highlights.
    if (!addressChanged) return;
    const report = { url: location.href, title: pageTitle(document), isArticle: false, signals: ['first-look:stopped'] };
    runtime.sendMessage({ newsmark: 1, type: 'reportPage', data: report }).catch(() => undefined);
    void hasSavedArticle(runtime).then((saved) => saved && load('saved-page'));
  };

  const observer = new MutationObserver(() => {
    if (relook || (location.href === lookedAt && looksAfterChanges >= LOOKS_AFTER_CHANGES)) return;
    looksAfterChanges++;
    relook = setTimeout(look, RELOOK_DELAY_MS);
  });
  const poll = setInterval(() => {
    if (!runtime.id) stop();
    else if (location.href !== lookedAt) look();
  }, URL_POLL_MS);

  // Asked before the pipeline is here: answer what needs no pipeline, load it for the rest.
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): true | undefined => {
    const type = (message as { newsmark?: number; type?: string } | null)?.newsmark === 1 ? (message as { type: string }).type : null;
    if (!type || stages.pipeline || type === LOAD_PIPELINE) return undefined;
    if (type === LEAVE_PAGE) {
      const { removed, remaining } = ((message as { data?: { removed?: string[]; remaining?: string[] } }).data ?? {});
      if (removed && !lostAccess(location.href, removed, remaining ?? [])) return undefined;
      stop();
      stages.firstStage = false;
      sendResponse({ ok: true, value: undefined });
      return true;
    }
    const quiet = QUIET_ANSWERS[type];
    if (quiet) {
      sendResponse({ ok: true, value: quiet() });
      return true;
    }
    void load('reader-asked').then(
      (loaded) => (loaded ? stages.pipeline!.answer(message) : { ok: false, error: 'Newsmark cannot mark this page.' }),
    ).then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
    return true;
  };
  runtime.onMessage.addListener(onMessage);

  function stop(): void {
    observer.disconnect();
    clearInterval(poll);
    if (relook) clearTimeout(relook);
    runtime.onMessage.removeListener(onMessage);
  }

  if (document.body) observer.observe(document.body, { childList: true, subtree: true });
  look();
}

/** The background's word that the reader took this site away (see SiteAccessMessages). */
const LEAVE_PAGE = 'leavePage';

/** What the popup asks of every page, answered without loading the pipeline: nothing marked, nothing highlighted. */
const QUIET_ANSWERS: Record<string, () => unknown> = {
  getPageEntities: () => ({ state: 'not-article', isArticle: false, title: document.title, entities: [] }),
  getPageHighlights: () => ({ articleId: null, anchored: 0, orphans: [] }),
};

/** The first look at the page, or into the open shadow root of a page that lives in one. */
function looksLikeArticle(doc: Document): boolean {
  return firstLook(doc, pageAddress(doc, location.href)).pass || shadowPageOf(doc) !== null;
}

/** Whether the reader saved this page (by its address or its canonical address). */
async function hasSavedArticle(runtime: Runtime): Promise<boolean> {
  for (const url of new Set([location.href, pageAddress(document, location.href)])) {
    try {
      const reply = (await runtime.sendMessage({ newsmark: 1, type: 'getArticleByUrl', data: { url } })) as { ok?: boolean; value?: unknown } | undefined;
      if (reply?.ok && reply.value) return true;
    } catch {
      return false;
    }
  }
  return false;
}

/** The page's own title, as the pipeline's metadata would read it on a page with no article: og:title, its one h1, or <title>. */
function pageTitle(doc: Document): string {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  const headings = doc.querySelectorAll('h1');
  const h1 = headings.length === 1 ? headings[0]!.textContent?.trim() : '';
  return og || h1 || doc.title;
}
