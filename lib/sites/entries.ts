/** The reader's granted sites as the options page lists them: named where the news-sites list names them. */
import { NEWS_SITES, type NewsSite } from './news-sites';
import { ALL_SITES, coversEverySite } from './registration';

export interface GrantedSite {
  /** The outlet's name, null for every site, or the pattern itself for a site the list does not name. */
  name: string | null;
  patterns: string[];
}

/**
 * One entry per outlet (all its patterns together, removed together), one per other pattern,
 * and a single "every site" entry when both schemes of every site are granted.
 * `matches` is what the first stage runs on (firstStageMatches of the grants).
 */
export function grantedSites(matches: readonly string[], list: readonly NewsSite[] = NEWS_SITES): GrantedSite[] {
  if (coversEverySite(matches)) return [{ name: null, patterns: [...ALL_SITES] }];
  const left = new Set(matches);
  const entries: GrantedSite[] = [];
  for (const site of list) {
    const granted = site.origins.filter((origin) => left.has(origin));
    if (granted.length === 0) continue;
    granted.forEach((origin) => left.delete(origin));
    entries.push({ name: site.name, patterns: granted });
  }
  for (const pattern of left) entries.push({ name: pattern, patterns: [pattern] });
  return entries;
}
