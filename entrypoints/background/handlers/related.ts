/**
 * Related coverage in the background: results per article (cached, then refreshed), the
 * reader's feed subscriptions, and the alarm that keeps feeds fresh. Wired in index.ts:
 *
 *   allHandlers<ToBackground>()(..., relatedHandlers(db), ...);
 *   scheduleFeedRefresh();
 *   browser.alarms.onAlarm.addListener(feedAlarmListener(db));
 */
import { browser } from 'wxt/browser';
import type { RelatedMessages } from '@/lib/contracts/messages';
import type { HandlersOf } from '@/lib/messaging';
import type { NewsmarkDb } from '@/lib/db';
import { recognize } from '@/lib/entities';
import { articleCompanies } from '@/lib/related';
import { gatherRelated, type RelatedResult } from '@/lib/related/gather';
import { searchCompanyCoverage } from '@/lib/dossier/company-search';
import type { ArticleQuery, CompanyCoverageResult } from '@/lib/contracts/related';
import { DEFAULT_RELATED_SETTINGS, relatedSettingsItem, type RelatedSettings } from '@/lib/related/settings';
import { STARTER_FEEDS } from '@/lib/related/starter-feeds';
import { discoverFeeds } from '@/lib/related/feeds/discover';
import type { FetchLike } from '@/lib/related/sources/http';
import { localFeedsSource } from '@/lib/related/sources/local-feeds';
import { REMOTE_ORIGINS, bingNewsSource, gdeltSource, googleNewsSource } from '@/lib/related/sources/remote';
import type { RelatedSource, SourceStatus } from '@/lib/related/sources/types';
import {
  FEED_INTERVAL_MS, addFeed, exportOpml, getCachedRelated, importOpml, isFresh, listFeeds, putCachedRelated,
  refreshDueFeeds, removeFeed, storedItemsLoader,
} from '@/lib/related/store';

export const FEED_ALARM = 'newsmark-related-feeds';

export interface RelatedDeps {
  fetch: FetchLike;
  loadSettings: () => Promise<RelatedSettings>;
  /** Whether the extension may reach this origin pattern (optional host permission granted). */
  mayReach: (origin: string) => Promise<boolean>;
}

/** GDELT's rate gate must outlive one request: one source object per worker. */
const gdelt = gdeltSource();

export const defaultRelatedDeps: RelatedDeps = {
  fetch: (url, init) => fetch(url, init),
  loadSettings: async () => ({ ...DEFAULT_RELATED_SETTINGS, ...(await relatedSettingsItem.getValue()) }),
  mayReach: (origin) => browser.permissions.contains({ origins: [origin] }),
};

/** The sources for one search: the reader's feeds always, each remote one when opted in and permitted. */
async function enabledSources(deps: RelatedDeps, db: NewsmarkDb): Promise<{ sources: RelatedSource[]; refused: SourceStatus[] }> {
  const remote = await remoteSources(deps);
  return { sources: [localFeedsSource(storedItemsLoader(db)), ...remote.sources], refused: remote.refused };
}

/** The remote searches the reader turned on: those the browser lets Newsmark reach, and those it may not yet. */
async function remoteSources(deps: RelatedDeps): Promise<{ sources: RelatedSource[]; refused: SourceStatus[] }> {
  const settings = await deps.loadSettings();
  const remote: RelatedSource[] = [];
  if (settings.remote['google-news']) remote.push(googleNewsSource(settings.googleNews));
  if (settings.remote['bing-news']) remote.push(bingNewsSource());
  if (settings.remote.gdelt) remote.push(gdelt);
  const sources: RelatedSource[] = [];
  const refused: SourceStatus[] = [];
  for (const source of remote) {
    const origin = REMOTE_ORIGINS[source.id as keyof typeof REMOTE_ORIGINS];
    if (await deps.mayReach(origin)) sources.push(source);
    else refused.push({ id: source.id, ok: false, kind: 'service', error: `Newsmark may not reach ${origin.replace('/*', '')} yet: allow it in the options` });
  }
  return { sources, refused };
}

/** A company's coverage from the opted-in searches only: with none on, nothing leaves the browser. */
export async function companyCoverage(names: string[], deps: RelatedDeps = defaultRelatedDeps): Promise<CompanyCoverageResult> {
  const { sources, refused } = await remoteSources(deps);
  const found = sources.length ? await searchCompanyCoverage(sources, names, { fetch: deps.fetch }) : { items: [], sources: [] };
  return { ...found, sources: [...found.sources, ...refused] };
}

/** Searches every enabled source for `article`, caches and returns the result. */
export async function refreshRelated(db: NewsmarkDb, article: ArticleQuery, deps: RelatedDeps = defaultRelatedDeps): Promise<RelatedResult> {
  const { sources, refused } = await enabledSources(deps, db);
  const query = { ...article, companies: article.companies ?? articleCompanies(article, recognize) };
  const result = await gatherRelated(sources, query, { fetch: deps.fetch });
  const withRefused = { ...result, sources: [...result.sources, ...refused] };
  await putCachedRelated(db, withRefused);
  return withRefused;
}

/** The cached result for the popup to show at once, and whether it should ask for a refresh. */
export async function cachedRelated(db: NewsmarkDb, articleUrl: string): Promise<{ result: RelatedResult | null; stale: boolean }> {
  const result = (await getCachedRelated(db, articleUrl)) ?? null;
  return { result, stale: !result || !isFresh(result) };
}

/** Message handlers of related coverage (see lib/contracts/messages/related.ts). */
export function relatedHandlers(db: NewsmarkDb, deps: RelatedDeps = defaultRelatedDeps): HandlersOf<RelatedMessages> {
  return {
    getCachedRelated: ({ url }) => cachedRelated(db, url),
    refreshRelated: ({ article }) => refreshRelated(db, article, deps),
    listFeeds: () => listFeeds(db),
    addFeed: ({ url }) => addFeed(db, deps.fetch, url),
    discoverFeeds: ({ url }) => discoverFeeds(deps.fetch, url),
    removeFeed: ({ url }) => removeFeed(db, url),
    importOpml: async ({ text }) => ({ added: await importOpml(db, text) }),
    exportOpml: async () => ({ text: await exportOpml(db) }),
    listStarterFeeds: () => [...STARTER_FEEDS],
    refreshFeeds: () => refreshDueFeeds(db, deps.fetch),
    searchCompanyCoverage: ({ names }) => companyCoverage(names, deps),
  };
}

/** Creates the periodic alarm (idempotent: an existing alarm keeps its schedule). */
export async function scheduleFeedRefresh(alarms = browser.alarms): Promise<void> {
  if (await alarms.get(FEED_ALARM)) return;
  await alarms.create(FEED_ALARM, { delayInMinutes: 1, periodInMinutes: FEED_INTERVAL_MS / 60_000 });
}

/** The alarm listener: refreshes the feeds that are due when FEED_ALARM fires. */
export function feedAlarmListener(db: NewsmarkDb, deps: RelatedDeps = defaultRelatedDeps): (alarm: { name: string }) => Promise<void> {
  return async (alarm) => {
    if (alarm.name === FEED_ALARM) await refreshDueFeeds(db, deps.fetch);
  };
}
