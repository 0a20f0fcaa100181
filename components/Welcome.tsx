/**
 * The first-run page: where Newsmark may read pages (the listed news sites, every site, or only
 * when the reader asks), and related coverage out of the box (the starter feeds). Nothing is
 * asked of the browser until the reader clicks; each choice says what it did.
 */
import { useEffect, useState } from 'preact/hooks';
import type { NewsSite } from '@/lib/sites/news-sites';
import type { StarterFeed } from '@/lib/contracts/related';
import { coversEverySite } from '@/lib/sites/registration';
import { t, tCount } from './i18n';

export type SiteChoice = 'news' | 'every' | 'none';

export interface WelcomeServices {
  newsSites: readonly NewsSite[];
  starterFeeds: readonly StarterFeed[];
  /** The patterns marked now. */
  marked(): Promise<string[]>;
  /** Asks the browser for `choice`'s sites (at once: it must run in the click) and records the grant; null when the browser refused. */
  choose(choice: SiteChoice): Promise<string[] | null>;
  /** Subscribes to the starter feeds (asking for their sites first); answers how many were added and the ones that failed. */
  addStarterFeeds(): Promise<{ added: number; failed: { title: string; error: string }[] } | null>;
  openOptions(): void;
}

type Said = { kind: 'done' | 'error'; text: string } | null;

/** What the marked patterns amount to, in words. */
function describeMarked(marked: readonly string[]): string {
  if (coversEverySite(marked)) return t('welcomeMarkedEvery');
  if (marked.length === 0) return t('welcomeMarkedNone');
  return tCount('welcomeMarkedSites', marked.length);
}

export function Welcome({ services }: { services: WelcomeServices }) {
  const [marked, setMarked] = useState<string[] | null>(null);
  const [said, setSaid] = useState<Said>(null);
  const [feeds, setFeeds] = useState<Said>(null);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState(false);
  useEffect(() => void services.marked().then(setMarked, () => setMarked([])), [services]);

  const choose = (choice: SiteChoice) => {
    setBusy(true);
    services.choose(choice).then(
      (now) => {
        // What the choice did is the status line above: it says what is marked now.
        if (now === null) setSaid({ kind: 'error', text: t('welcomeRefused') });
        else {
          setMarked(now);
          setChosen(true);
          setSaid(null);
        }
      },
      (error: unknown) => setSaid({ kind: 'error', text: t('welcomeFailed', String(error instanceof Error ? error.message : error)) }),
    ).finally(() => setBusy(false));
  };

  const addFeeds = () => {
    setBusy(true);
    services.addStarterFeeds().then(
      (result) => {
        if (!result) return setFeeds({ kind: 'error', text: t('welcomeRefused') });
        const failed = result.failed.map((f) => f.title).join(', ');
        setFeeds({ kind: result.added > 0 ? 'done' : 'error', text: tCount('welcomeFeedsAdded', result.added) + (failed ? ` ${t('welcomeFeedsFailed', failed)}` : '') });
      },
      (error: unknown) => setFeeds({ kind: 'error', text: t('welcomeFailed', String(error instanceof Error ? error.message : error)) }),
    ).finally(() => setBusy(false));
  };

  const examples = services.newsSites.slice(0, 6).map((site) => site.name).join(', ');
  return (
    <main class="options welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>
      <section aria-labelledby="welcome-sites">
        <h2 id="welcome-sites">{t('welcomeSitesTitle')}</h2>
        <p role="status" class="now" data-testid="welcome-now">{marked === null ? '' : describeMarked(marked) + (chosen ? ` ${t('welcomeDone')}` : '')}</p>
        <ul class="choices">
          <li>
            <button type="button" class="primary" disabled={busy} onClick={() => choose('news')} data-testid="choose-news">{t('welcomeChooseNews')}</button>
            <p class="muted">{tCount('welcomeChooseNewsHelp', services.newsSites.length, examples)}</p>
            <details>
              <summary>{t('welcomeNewsList')}</summary>
              <p class="site-names">{services.newsSites.map((site) => site.name).join(' · ')}</p>
            </details>
          </li>
          <li>
            <button type="button" disabled={busy} onClick={() => choose('every')} data-testid="choose-every">{t('welcomeChooseEvery')}</button>
            <p class="muted">{t('welcomeChooseEveryHelp')}</p>
          </li>
          <li>
            <button type="button" disabled={busy} onClick={() => choose('none')} data-testid="choose-none">{t('welcomeChooseNone')}</button>
            <p class="muted">{t('welcomeChooseNoneHelp')}</p>
          </li>
        </ul>
        {said && <p role="alert" class="error" data-testid="welcome-said">{said.text}</p>}
      </section>
      <section aria-labelledby="welcome-feeds">
        <h2 id="welcome-feeds">{t('welcomeFeedsTitle')}</h2>
        <p class="muted">{tCount('welcomeFeedsHelp', services.starterFeeds.length)}</p>
        <button type="button" disabled={busy} onClick={addFeeds} data-testid="add-starter-feeds">{t('welcomeFeedsAdd')}</button>
        {feeds && <p role={feeds.kind === 'error' ? 'alert' : 'status'} class={feeds.kind === 'error' ? 'error' : 'done'} data-testid="welcome-feeds-said">{feeds.text}</p>}
      </section>
      <p class="muted">
        {t('welcomeLater')}{' '}
        <button type="button" class="link" onClick={() => services.openOptions()} data-testid="welcome-options">{t('openOptions')}</button>
      </p>
    </main>
  );
}
