import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Fixed add-on id: Firefox needs one for MV3 storage and sync; tests pin its UUID. */
export const GECKO_ID = 'newsmark@newsmark.dev';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Auto-imports hide where names come from; every module imports what it uses.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The popup is built apart from the other pages, into one script: it opens at every click
    // and each shared chunk it loaded cost it a round trip (four chunks: ~14 ms median of its
    // ~100 ms to a complete render in the popup bench).
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        if (!Array.isArray(group)) continue;
        const popup = group.findIndex((entry) => entry.type === 'popup');
        if (popup >= 0 && group.length > 1) groups.push(group.splice(popup, 1));
      }
    },
  },
  zip: {
    // The sources zip reviewers rebuild from: code and config only, no corpus or build output.
    excludeSources: ['tests/**', 'bench/**', '.output/**', '.wxt/**', 'coverage/**', 'demo-output/**', '**/*.test.ts'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the first stage is registered for the sites the reader chose, and the pipeline
    // injected only where the first stage asks (entrypoints/background/site-access.ts).
    // activeTab: "Mark this page" on any other site, without a lasting grant.
    permissions: ['storage', 'activeTab', 'alarms', 'contextMenus', 'unlimitedStorage', 'scripting'],
    // The ECB's daily reference rates, for money in the reader's currency on hover cards. No web
    // site: installing asks for none.
    host_permissions: ['https://www.ecb.europa.eu/*'],
    // Asked for at run time, each in the reader's click: the sites to mark (the listed news
    // sites, every site, or one site from the popup), a feed's site, and the three opt-in news
    // search services.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'mark-next': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_commandMarkNext__' },
      'mark-previous': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandMarkPrevious__' },
      'mark-page': { suggested_key: { default: 'Alt+Shift+M' }, description: '__MSG_commandMarkPage__' },
      // Chrome takes at most four suggested keys; saving is also in the context menu, so it has none.
      'highlight-selection': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_commandHighlightSelection__' },
      'save-article': { description: '__MSG_commandSaveArticle__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 is the ESR Debian ships; data_collection_permissions needs 140 on the desktop.
              strict_min_version: '140.0',
              // Newsmark keeps the reader's data on the device; nothing is collected.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
