/** Mentions per calendar week (weeks start on Monday, in UTC) for the dossier's chart. */

export interface WeekCount {
  /** Monday 00:00 UTC of the week, ms since the epoch. */
  start: number;
  mentions: number;
  articles: number;
}

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** Two years of weeks: a longer span would draw bars too thin to read or point at. */
export const MAX_WEEKS = 104;

/** The Monday 00:00 UTC that starts the week of `time`. */
export function weekStart(time: number): number {
  const day = Math.floor(time / DAY) * DAY;
  // 1 January 1970 was a Thursday: (weekday + 3) % 7 days back is Monday.
  const weekday = new Date(day).getUTCDay();
  return day - ((weekday + 6) % 7) * DAY;
}

/**
 * Weeks from the oldest dated item to the newest, empty ones included, at most MAX_WEEKS
 * (the newest; older items fall outside the chart). An item is one article, or `articles` of them.
 */
export function mentionsPerWeek(items: readonly { time: number; mentions: number; articles?: number }[]): WeekCount[] {
  if (items.length === 0) return [];
  const last = weekStart(Math.max(...items.map((i) => i.time)));
  const first = Math.max(weekStart(Math.min(...items.map((i) => i.time))), last - (MAX_WEEKS - 1) * WEEK);
  const weeks: WeekCount[] = [];
  for (let start = first; start <= last; start += WEEK) weeks.push({ start, mentions: 0, articles: 0 });
  for (const item of items) {
    const index = Math.round((weekStart(item.time) - first) / WEEK);
    const week = weeks[index];
    if (!week) continue;
    week.mentions += item.mentions;
    week.articles += item.articles ?? 1;
  }
  return weeks;
}
