/** The first-run page's services over the real browser. */
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';
import { siteChoiceMadeItem } from '@/lib/contracts/storage';
import { NEWS_SITES, newsSiteOrigins } from '@/lib/sites/news-sites';
import { ALL_SITES, sitePatternsOf } from '@/lib/sites/registration';
import { STARTER_FEEDS } from '@/lib/related/starter-feeds';
import type { WelcomeServices } from './Welcome';
import { grantSites } from './site-grants';

export function welcomeServices(): WelcomeServices {
  return {
    newsSites: NEWS_SITES,
    starterFeeds: STARTER_FEEDS,
    marked: () => sendMessage('getMarkedSites', {}),
    choose: (choice) => {
      if (choice === 'none') return siteChoiceMadeItem.setValue(true).then(() => sendMessage('getMarkedSites', {}));
      const patterns = choice === 'every' ? [...ALL_SITES] : newsSiteOrigins();
      return grantSites(patterns);
    },
    addStarterFeeds: () => {
      const asked = browser.permissions.request({ origins: sitePatternsOf(STARTER_FEEDS.map((feed) => feed.url)) });
      return asked.then(async (granted) => {
        if (!granted) return null;
        const failed: { title: string; error: string }[] = [];
        let added = 0;
        // One at a time: each fetches its feed, and a dozen at once would all time out together on a slow line.
        for (const feed of STARTER_FEEDS) {
          try {
            await sendMessage('addFeed', { url: feed.url });
            added++;
          } catch (error) {
            failed.push({ title: feed.title, error: error instanceof Error ? error.message : String(error) });
          }
        }
        return { added, failed };
      });
    },
    openOptions: () => void browser.runtime.openOptionsPage(),
  };
}
