/**
 * The reader's settings: one versioned item in `storage.sync`, so they follow the reader
 * across browsers signed in to the same account (and stay local where there is none).
 * `storage.sync` allows 8 KB an item: the site list is capped to stay inside it.
 */
import { DEFAULT_SETTINGS, type MarkStyle, type Settings } from '../contracts/settings';
import { withoutWww } from '../url/host';
import { parseSite } from './sites';

export { DEFAULT_SETTINGS, type MarkStyle, type Settings };

/** Keeps the stored item well under storage.sync's 8 KB per-item quota (a hostname is at most 253 characters). */
export const MAX_DISABLED_SITES = 200;
export const MAX_DISABLED_SITES_BYTES = 6 * 1024;

/** Fills in what an older or partial stored value lacks, and drops what it should not have. */
export function normalizeSettings(stored: Partial<Settings> | null | undefined): Settings {
  const value = stored ?? {};
  return {
    markTypes: { ...DEFAULT_SETTINGS.markTypes, ...(value.markTypes ?? {}) },
    markStyle: value.markStyle === 'underline' ? 'underline' : 'tint',
    disabledSites: normalizeSites(value.disabledSites ?? []),
    paused: value.paused === true,
    readerCurrency: /^[A-Z]{3}$/.test(value.readerCurrency ?? '') ? value.readerCurrency! : DEFAULT_SETTINGS.readerCurrency,
  };
}

function normalizeSites(sites: string[]): string[] {
  // Whatever the stored list holds (an older version stored words split at spaces), only sites stay.
  const clean = sites.flatMap((s) => {
    const parsed = typeof s === 'string' ? parseSite(s) : null;
    return parsed?.ok ? [parsed.site] : [];
  });
  const kept: string[] = [];
  let bytes = 0;
  for (const site of new Set(clean)) {
    // The newest additions are at the end; past the cap they are refused, not the reader's older ones dropped.
    bytes += site.length + 3;
    if (kept.length >= MAX_DISABLED_SITES || bytes > MAX_DISABLED_SITES_BYTES) break;
    kept.push(site);
  }
  return kept;
}

/** Is Newsmark switched off on this hostname, by the pause or by the site list? */
export function isOffForHost(settings: Settings, hostname: string): boolean {
  if (settings.paused) return true;
  const host = hostname.toLowerCase();
  return settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** The site list with `hostname` switched off (added) or on (removed). */
export function withSite(settings: Settings, hostname: string, off: boolean): Settings {
  const parsed = parseSite(hostname);
  const site = parsed.ok ? parsed.site : withoutWww(hostname.toLowerCase());
  const rest = settings.disabledSites.filter((s) => s !== site);
  return normalizeSettings({ ...settings, disabledSites: off ? [...rest, site] : rest });
}
