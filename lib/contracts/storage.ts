/**
 * Every item Newsmark keeps in extension storage, with its version: a stored shape that
 * changes gets a new version and a migration here. `storage.sync` follows the reader across
 * browsers (8 KB an item); `storage.local` stays on this device. Each definition is marked pure so a context's bundle carries only the items it uses.
 */
import { storage } from 'wxt/utils/storage';
import type { StoredRates } from './rates';
import { DEFAULT_RELATED_SETTINGS, DEFAULT_SETTINGS, type RelatedSettings, type Settings } from './settings';
import { DEFAULT_SYNC_SETTINGS, INITIAL_SYNC_STATUS, type LiveSyncStatus, type SyncSettings } from './sync';

/** Marking: what is marked, how, and where not. Read through lib/settings' `loadSettings` for a complete value. */
export const settingsItem = /* @__PURE__ */ storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Related coverage: which remote searches are on. */
export const relatedSettingsItem = /* @__PURE__ */ storage.defineItem<RelatedSettings>('sync:relatedSettings', {
  fallback: DEFAULT_RELATED_SETTINGS,
  version: 1,
});

/** The last ECB rates fetched, so cards convert money offline too. */
export const ratesItem = /* @__PURE__ */ storage.defineItem<StoredRates | null>('local:ecbRates', {
  fallback: null,
  version: 1,
});

/**
 * Sync's server, account and passphrase: `storage.local`, because they must not travel to the
 * browser vendor through `storage.sync`. Read through lib/sync/service's `loadSyncSettings`.
 */
export const syncSettingsItem = /* @__PURE__ */ storage.defineItem<SyncSettings>('local:syncSettings', {
  fallback: DEFAULT_SYNC_SETTINGS,
  version: 1,
});

/** Sync's last outcome and the run under way, written by the background, watched by the popup and the options. */
export const syncStatusItem = /* @__PURE__ */ storage.defineItem<LiveSyncStatus>('local:syncStatus', {
  fallback: INITIAL_SYNC_STATUS,
  version: 1,
});

/**
 * The sites the reader chose for marking, as host permission patterns (`https://*.ft.com/*`;
 * both schemes of every site for "every site"). `storage.local`: grants are per browser. A
 * pattern marks only while its grant stands; a grant made for something else (a feed's site)
 * marks nothing. See lib/sites/registration.ts.
 */
export const markedSitesItem = /* @__PURE__ */ storage.defineItem<string[]>('local:markedSites', {
  fallback: [],
  version: 1,
});

/**
 * The patterns a page last asked the browser to grant for marking, and when: the popup may
 * close while the browser asks (Firefox's prompt takes its focus), so the background finishes
 * the choice when `permissions.onAdded` reports the grant soon after. A request left unanswered
 * goes stale, so a later grant for something else (a feed's site) is never taken for it.
 */
export const pendingSitesItem = /* @__PURE__ */ storage.defineItem<{ patterns: string[]; at: number } | null>('session:pendingMarkedSites', {
  fallback: null,
  version: 1,
});

/** Whether the reader has chosen where Newsmark marks (first-run page, popup): the first-run page opens until they have. */
export const siteChoiceMadeItem = /* @__PURE__ */ storage.defineItem<boolean>('local:siteChoiceMade', {
  fallback: false,
  version: 1,
});
