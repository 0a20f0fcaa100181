/**
 * Which remote searches the reader turned on. All off by default: each sends the article's
 * keywords to a third party. Stored in storage.sync so the choice follows the reader.
 */
import { DEFAULT_RELATED_SETTINGS, type RelatedSettings, type RemoteSourceId } from '../contracts/settings';
import { relatedSettingsItem } from '../contracts/storage';

/** The shapes and the stored item are contracts (lib/contracts/settings.ts, storage.ts). */
export { DEFAULT_RELATED_SETTINGS, relatedSettingsItem, type RelatedSettings, type RemoteSourceId };

/** What each remote search receives, for the options page to say before the reader opts in. */
export const REMOTE_DISCLOSURE: Record<RemoteSourceId, { service: string; sends: string }> = {
  'google-news': { service: 'news.google.com', sends: 'up to 8 keywords from the headline and its companies, asking for its US English edition' },
  'bing-news': { service: 'www.bing.com', sends: 'up to 8 keywords from the headline and its companies' },
  gdelt: { service: 'api.gdeltproject.org', sends: 'up to 5 keywords from the headline and its companies' },
};
