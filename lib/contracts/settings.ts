/**
 * The reader's settings as stored: marking (lib/settings) and related coverage (lib/related).
 * Sync's settings are in ./sync.ts. Every item is defined, with its version, in ./storage.ts.
 */
import type { EntityType } from './entities';
import type { SourceId } from './related';

export type MarkStyle = 'tint' | 'underline';

export interface Settings {
  /** Which kinds of entity are marked on pages. */
  markTypes: Record<EntityType, boolean>;
  /** Tinted background, or an underline only (quieter on busy pages). */
  markStyle: MarkStyle;
  /** Hostnames where Newsmark does nothing (a suffix match: "example.com" covers "www.example.com"). */
  disabledSites: string[];
  /** Pauses marking everywhere without losing the per-site list. */
  paused: boolean;
  /** ISO 4217 code money is converted to in hover cards. */
  readerCurrency: string;
}

export const DEFAULT_SETTINGS: Settings = {
  markTypes: { company: true, money: true, percent: true, number: true },
  markStyle: 'tint',
  disabledSites: [],
  paused: false,
  readerCurrency: 'EUR',
};

export type RemoteSourceId = Exclude<SourceId, 'feeds'>;

/** Which remote searches the reader turned on. All off by default: each sends the article's keywords to a third party. */
export interface RelatedSettings {
  remote: Record<RemoteSourceId, boolean>;
  /** Google News edition, e.g. { hl: 'en-US', gl: 'US', ceid: 'US:en' }. */
  googleNews: { hl: string; gl: string; ceid: string };
}

export const DEFAULT_RELATED_SETTINGS: RelatedSettings = {
  remote: { 'google-news': false, 'bing-news': false, gdelt: false },
  googleNews: { hl: 'en-US', gl: 'US', ceid: 'US:en' },
};
