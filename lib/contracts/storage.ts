/**
 * Every item Newsmark keeps in extension storage, with its version: a stored shape that
 * changes gets a new version and a migration here. `storage.sync` follows the reader across
 * browsers (8 KB an item); `storage.local` stays on this device. Sync's settings and status
 * (`local:syncSettings`, `local:syncStatus`) are still defined in lib/sync/status-item.ts.
 * Each definition is marked pure so a context's bundle carries only the items it uses.
 */
import { storage } from 'wxt/utils/storage';
import type { StoredRates } from './rates';
import { DEFAULT_RELATED_SETTINGS, DEFAULT_SETTINGS, type RelatedSettings, type Settings } from './settings';

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
