import type { Handlers } from '@/lib/messaging';
import { findPageVisit, recordPageVisit, type NewsmarkDb } from '@/lib/db';

/** What tabs report about their pages, and what the popup asks about them. */
export function pageHandlers(db: NewsmarkDb): Handlers {
  return {
    reportPage: (report, sender) => recordPageVisit(db, { ...report, url: sender.tab?.url ?? report.url }),
    getPageVisit: ({ url }) => findPageVisit(db, url),
  };
}
