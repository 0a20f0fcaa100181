/**
 * Which remote searches the reader turned on. All off by default: each sends the article's
 * keywords to a third party. Stored in storage.sync so the choice follows the reader.
 */
import { storage } from 'wxt/utils/storage';
import type { SourceId } from './sources/types';

export type RemoteSourceId = Exclude<SourceId, 'feeds'>;

export interface RelatedSettings {
  remote: Record<RemoteSourceId, boolean>;
  /** Google News edition, e.g. { hl: 'en-US', gl: 'US', ceid: 'US:en' }. */
  googleNews: { hl: string; gl: string; ceid: string };
}

export const DEFAULT_RELATED_SETTINGS: RelatedSettings = {
  remote: { 'google-news': false, 'bing-news': false, gdelt: false },
  googleNews: { hl: 'en-US', gl: 'US', ceid: 'US:en' },
};

export const relatedSettingsItem = storage.defineItem<RelatedSettings>('sync:relatedSettings', {
  fallback: DEFAULT_RELATED_SETTINGS,
  version: 1,
});

/** What each remote search receives, for the options page to say before the reader opts in. */
export const REMOTE_DISCLOSURE: Record<RemoteSourceId, { service: string; sends: string }> = {
  'google-news': { service: 'news.google.com', sends: 'up to 8 keywords from the headline and its companies, and your chosen edition' },
  'bing-news': { service: 'www.bing.com', sends: 'up to 8 keywords from the headline and its companies' },
  gdelt: { service: 'api.gdeltproject.org', sends: 'up to 5 keywords from the headline and its companies' },
};
