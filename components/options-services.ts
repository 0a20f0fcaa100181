/** The options page's stores over the real browser: WXT storage items and background messages. */
import { browser } from 'wxt/browser';
import { loadSettings, saveSettings } from '@/lib/settings';
import { sendMessage } from '@/lib/messaging';
import { DEFAULT_RELATED_SETTINGS, relatedSettingsItem } from '@/lib/related/settings';
import { REMOTE_ORIGINS } from '@/lib/related/sources/remote';
import { watchSyncStatus } from '@/lib/sync/status-item';
import type { OptionsServices } from './Options';
import { downloadBlob } from './download';
import { ALL_SITES, sitePatternsOf } from '@/lib/sites/registration';
import { newsSiteOrigins } from '@/lib/sites/news-sites';
import { grantSites } from './site-grants';

export function optionsServices(): OptionsServices {
  return {
    sites: {
      marked: () => sendMessage('getMarkedSites', {}),
      remove: (patterns) => sendMessage('removeMarkedSites', { patterns }),
      add: grantSites,
      newsSites: newsSiteOrigins(),
      everySite: [...ALL_SITES],
    },
    marking: { load: loadSettings, save: saveSettings },
    related: {
      load: async () => ({ ...DEFAULT_RELATED_SETTINGS, ...(await relatedSettingsItem.getValue()) }),
      save: (settings) => relatedSettingsItem.setValue(settings),
      requestAccess: (id) => browser.permissions.request({ origins: [REMOTE_ORIGINS[id]] }),
      listFeeds: () => sendMessage('listFeeds', {}),
      addFeed: async (url) => void (await sendMessage('addFeed', { url })),
      removeFeed: (url) => sendMessage('removeFeed', { url }),
      discoverFeeds: (url) => sendMessage('discoverFeeds', { url }),
      requestSiteAccess: (urls) => browser.permissions.request({ origins: sitePatternsOf(urls) }),
      importOpml: async (text) => (await sendMessage('importOpml', { text })).added,
      exportOpml: async () => (await sendMessage('exportOpml', {})).text,
      refreshFeeds: async () => void (await sendMessage('refreshFeeds', {})),
      download: downloadBlob,
    },
    sync: {
      load: () => sendMessage('getSyncSettings', {}),
      save: (settings) => sendMessage('saveSyncSettings', settings),
      status: () => sendMessage('getSyncStatus', {}),
      syncNow: () => sendMessage('syncNow', {}),
      watch: watchSyncStatus,
    },
  };
}

