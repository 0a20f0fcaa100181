/**
 * The reader's feeds in the options: the list with remove (and undo); a box taking a site's address (or a
 * feed's) that finds the site's feeds and lists them by title to add with one click; major
 * outlets one click each; OPML import and export. Each action asks the browser for access to
 * the one site it reads, in the click that asked for it. Errors stand next to the box, in words
 * a reader can act on, and go once fixed (a new address, a success).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FeedSubscription, FoundFeed } from '@/lib/contracts/related';
import { DiscoveryError, siteAddress } from '@/lib/related/feeds/discover';
import { STARTER_FEEDS } from '@/lib/related/starter-feeds';
import { toOpml } from '@/lib/related/feeds/opml';
import { focusFirst, focusWhenShown, neighbourControl } from './focus-after-removal';
import { useBroughtIntoView } from './brought-into-view';
import { t, tCount } from './i18n';

export interface FeedStore {
  listFeeds(): Promise<FeedSubscription[]>;
  addFeed(url: string): Promise<void>;
  removeFeed(url: string): Promise<void>;
  /** The feeds of the site at `url`, each with its title. */
  discoverFeeds(url: string): Promise<FoundFeed[]>;
  /** Asks for access to the sites of `urls`; must be called first in the click that needs it. */
  requestSiteAccess(urls: string[]): Promise<boolean>;
  importOpml(text: string): Promise<number>;
  exportOpml(): Promise<string>;
  /** Fetches the feeds that are due (after an import, so they show their titles and items). */
  refreshFeeds(): Promise<void>;
  download(name: string, blob: Blob): void;
}

/** The last thing done, said under the section: "Added …", or why not. */
type Said = { kind: 'done'; text: string } | { kind: 'error'; text: string } | null;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function FeedOptions({ store }: { store: FeedStore }) {
  const [feeds, setFeeds] = useState<FeedSubscription[] | null>(null);
  const [said, say] = useState<Said>(null);
  const [removed, setRemoved] = useState<FeedSubscription | null>(null);
  const reload = () => store.listFeeds().then(setFeeds, () => setFeeds([]));
  useEffect(() => void reload(), [store]);
  // Said under the section, which the list above it may have pushed out of view.
  const saidLine = useBroughtIntoView<HTMLParagraphElement>(said);
  const subscribed = new Set(feeds?.map((f) => f.url));
  /** Adds a feed in the click that asked for it: access to its site first. */
  const add = (feed: { url: string; title: string }) =>
    store.requestSiteAccess([feed.url]).then(async (allowed) => {
      if (!allowed) throw new Error(t('feedAccessRefused', new URL(feed.url).host));
      await store.addFeed(feed.url);
      await reload();
      say({ kind: 'done', text: t('feedAdded', feed.title) });
    }).catch((e: unknown) => say({ kind: 'error', text: t('feedNotAdded', feed.title, messageOf(e)) }));
  /** Removes with undo; the focus goes to the next feed's Remove (else the one before, else the address box). */
  const remove = (feed: FeedSubscription, button: HTMLElement) => {
    const next = neighbourControl(button.closest('li'), 'button.destructive');
    void store.removeFeed(feed.url).then(reload).then(
      () => {
        say(null);
        setRemoved(feed);
        focusFirst(next, document.getElementById('feed-site'));
      },
      (e: unknown) => say({ kind: 'error', text: messageOf(e) }),
    );
  };
  /**
   * Brings the feed back with its title and site, through the OPML import (one feed, the same
   * record an import writes: it is fetched again with the next refresh, as the removal forgot
   * its items). Access to its site was not given up with it.
   */
  const undo = (feed: FeedSubscription) =>
    void store.importOpml(toOpml([{ url: feed.url, title: feed.title, ...(feed.siteUrl ? { siteUrl: feed.siteUrl } : {}) }]))
      .then(reload)
      .then(() => {
        setRemoved(null);
        focusWhenShown(`[data-feed="${CSS.escape(feed.url)}"] button.destructive`);
        return store.refreshFeeds().then(reload);
      })
      .catch((e: unknown) => say({ kind: 'error', text: messageOf(e) }));
  return (
    <div class="feeds">
      <h3>{t('feedsTitle')}</h3>
      {feeds && feeds.length === 0 && <p class="muted">{t('feedsNone')}</p>}
      {feeds && feeds.length > 0 && (
        <ul class="feed-list" data-testid="feed-list">
          {feeds.map((feed) => (
            <li key={feed.url} data-feed={feed.url}>
              <span class="feed-title">{feed.title || feed.url}</span> <span class="muted feed-url">{feed.url}</span>
              {feed.lastError && <span class="error"> {t('feedError', feed.lastError)}</span>}{' '}
              <button type="button" class="destructive" onClick={(e) => remove(feed, e.currentTarget)} aria-label={t('removeFeed', feed.title || feed.url)} data-testid="remove-feed">
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" class="undo-line" data-testid="feed-undo">
        {removed && (
          <>
            {t('feedRemoved', removed.title || removed.url)}{' '}
            <button type="button" onClick={() => undo(removed)} data-testid="undo-feed">{t('undo')}</button>
          </>
        )}
      </p>
      <FindFeeds store={store} subscribed={subscribed} add={(feed) => (setRemoved(null), add(feed))} />
      <p role="status" ref={saidLine} class={said?.kind === 'error' ? 'error feeds-status' : 'muted feeds-status'} data-testid="feeds-status">{said?.text ?? ''}</p>
      <StarterFeeds subscribed={subscribed} add={(feed) => (setRemoved(null), add(feed))} />
      <OpmlTransfer store={store} reload={reload} say={say} />
    </div>
  );
}

interface AddProps {
  subscribed: ReadonlySet<string>;
  add: (feed: { url: string; title: string }) => Promise<void>;
}

/** The address box: finds the feeds of the site typed, then lists them to add. */
function FindFeeds({ store, subscribed, add }: AddProps & { store: FeedStore }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<{ host: string; feeds: FoundFeed[] } | null>(null);
  const list = useRef<HTMLHeadingElement>(null);
  const errorLine = useBroughtIntoView<HTMLSpanElement>(error);
  const foundList = useBroughtIntoView<HTMLElement>(found);
  const find = () => {
    let site: URL;
    try {
      site = siteAddress(text);
    } catch (e) {
      setError(e instanceof DiscoveryError ? t('feedAddressInvalid', text.trim()) : messageOf(e));
      return;
    }
    setBusy(true);
    setFound(null);
    // The browser's question comes first, while the click still counts as the reader's.
    void store.requestSiteAccess([site.href])
      .then(async (allowed) => {
        if (!allowed) throw new Error(t('feedAccessRefused', site.host));
        const feeds = await store.discoverFeeds(site.href);
        setError(null);
        setFound({ host: site.host, feeds });
        // Focus moves to the list's heading without scrolling to it alone: the whole list is
        // brought into view (foundList), not only the heading with the feeds under the edge.
        queueMicrotask(() => list.current?.focus({ preventScroll: true }));
      })
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <form class="find-feeds" onSubmit={(e) => (e.preventDefault(), find())}>
        <label for="feed-site">{t('feedSiteLabel')}</label>
        <span class="field-row">
          <input
            id="feed-site"
            type="text"
            inputMode="url"
            autoComplete="url"
            spellcheck={false}
            value={text}
            placeholder="www.example.com"
            aria-describedby="feed-site-help feed-site-error"
            aria-invalid={error ? true : undefined}
            onInput={(e) => {
              setText(e.currentTarget.value);
              // A new address: the old complaint no longer applies.
              setError(null);
            }}
            data-testid="feed-site"
          />
          <button type="submit" class="primary" disabled={busy} data-testid="find-feeds">{busy ? t('feedsFinding') : t('findFeeds')}</button>
        </span>
        <span id="feed-site-help" class="muted">{t('feedSiteHelp')}</span>
        <span id="feed-site-error" ref={errorLine} role="alert" class="error" data-testid="feed-site-error">{error ?? ''}</span>
      </form>
      {found && (
        <section class="found-feeds" ref={foundList} aria-labelledby="found-feeds-title" data-testid="found-feeds">
          <h4 id="found-feeds-title" ref={list} tabIndex={-1}>{tCount('feedsFoundOn', found.feeds.length, found.host)}</h4>
          <FeedChoices feeds={found.feeds} subscribed={subscribed} add={add} testId="found-feed" />
        </section>
      )}
    </>
  );
}

/** Feeds listed by title, each with its own Add button (or "Added" once subscribed). */
function FeedChoices({ feeds, subscribed, add, testId }: AddProps & { feeds: readonly { url: string; title: string; checked?: boolean }[]; testId: string }) {
  return (
    <ul class="feed-choices">
      {feeds.map((feed) => (
        <li key={feed.url} data-testid={testId}>
          <span class="feed-title">{feed.title}</span> <span class="muted feed-url">{feed.url}</span>
          {feed.checked === false && <span class="muted"> {t('feedUnchecked')}</span>}{' '}
          {subscribed.has(feed.url) ? (
            <span class="muted" data-testid="feed-added">{t('feedAlreadyAdded')}</span>
          ) : (
            <button type="button" onClick={() => void add(feed)} aria-label={t('addFeedNamed', feed.title)} data-testid="add-found-feed">{t('addFeed')}</button>
          )}
        </li>
      ))}
    </ul>
  );
}

function StarterFeeds({ subscribed, add }: AddProps) {
  return (
    <details class="starter-feeds" data-testid="starter-feeds">
      <summary>{t('starterFeedsTitle')}</summary>
      <p class="muted">{t('starterFeedsHelp')}</p>
      <FeedChoices feeds={STARTER_FEEDS} subscribed={subscribed} add={add} testId="starter-feed" />
    </details>
  );
}

/** OPML in and out: the subscription list other feed readers import and export. */
function OpmlTransfer({ store, reload, say }: { store: FeedStore; reload: () => Promise<void>; say: (said: Said) => void }) {
  const [imported, setImported] = useState<string[] | null>(null);
  return (
    <div class="opml" data-testid="opml">
      <h4>{t('opmlTitle')}</h4>
      <span class="field">
        <label for="opml-file">{t('opmlImportLabel')}</label>
        <input
          id="opml-file"
          type="file"
          accept=".opml,.xml,text/x-opml,text/xml,application/xml"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (!file) return;
            void file.text()
              .then(async (text) => {
                const before = new Set((await store.listFeeds()).map((f) => f.url));
                const added = await store.importOpml(text);
                await reload();
                const fresh = (await store.listFeeds()).map((f) => f.url).filter((url) => !before.has(url));
                setImported(fresh.length ? fresh : null);
                say({ kind: 'done', text: tCount('opmlImported', added) });
              })
              .catch((err: unknown) => say({ kind: 'error', text: t('opmlNotImported', messageOf(err)) }));
          }}
          data-testid="opml-file"
        />
      </span>
      {imported && (
        <button
          type="button"
          onClick={() => void store.requestSiteAccess(imported).then((allowed) => {
            if (!allowed) return say({ kind: 'error', text: t('feedsAccessRefused') });
            setImported(null);
            return store.refreshFeeds().then(reload, () => reload());
          })}
          data-testid="opml-allow"
        >
          {tCount('opmlAllow', imported.length)}
        </button>
      )}
      <button type="button" onClick={() => void store.exportOpml().then((text) => store.download('newsmark-feeds.opml', new Blob([text], { type: 'text/x-opml' })), (e: unknown) => say({ kind: 'error', text: messageOf(e) }))} data-testid="opml-export">
        {t('opmlExport')}
      </button>
    </div>
  );
}
