import type { PageReport, PageVisit } from '../contracts/records';
import type { NewsmarkDb } from './schema';

/** Stores the latest report for a URL, replacing the previous one. */
export async function recordPageVisit(db: NewsmarkDb, report: PageReport, now = Date.now()): Promise<PageVisit> {
  const visit: PageVisit = {
    url: report.url,
    title: report.title,
    isArticle: report.isArticle,
    signals: [...report.signals],
    seenAt: now,
  };
  await db.pageVisits.put(visit);
  return visit;
}

export async function findPageVisit(db: NewsmarkDb, url: string): Promise<PageVisit | null> {
  return (await db.pageVisits.get(url)) ?? null;
}
