import type { PageMessages } from '@/lib/contracts/messages';
import type { HandlersOf } from '@/lib/messaging';
import { findPageVisit, recordPageVisit, type NewsmarkDb } from '@/lib/db';
import { reportedUrls } from '../reported-urls';

/**
 * What tabs report about their pages, and what the popup asks about them. `afterVisit` is
 * told each page recorded (the background then prepares the page's popup snapshot).
 */
export function pageHandlers(db: NewsmarkDb, afterVisit: (url: string) => void = () => undefined): HandlersOf<PageMessages> {
  return {
    reportPage: async (report, sender) => {
      const visit = await recordPageVisit(db, { ...report, url: sender.tab?.url ?? report.url });
      if (sender.tab?.id !== undefined) await reportedUrls.remember(sender.tab.id, visit.url).catch(() => undefined);
      afterVisit(visit.url);
      return visit;
    },
    getPageVisit: ({ url }) => findPageVisit(db, url),
  };
}
