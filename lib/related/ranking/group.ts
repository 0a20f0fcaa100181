/**
 * Groups ranked results by story for display: a result joins the first group whose lead
 * headline shares enough of its words, otherwise it starts a group. Groups keep the order
 * of their best result.
 */
import { tokenize } from '../text';
import type { RankedItem, StoryGroup } from '../../contracts/related';
import { jaccard } from './diversify';

/** Headlines sharing this share of their words are taken as the same story. */
export const SAME_STORY_JACCARD = 0.25;

/** Groups `ranked` (best first) into stories with their outlets and countries. */
export function groupByStory(ranked: readonly RankedItem[]): StoryGroup[] {
  const groups: { lead: string[]; items: RankedItem[] }[] = [];
  for (const result of ranked) {
    const terms = [...new Set(tokenize(result.item.title))];
    const group = groups.find((g) => jaccard(g.lead, terms) >= SAME_STORY_JACCARD);
    if (group) group.items.push(result);
    else groups.push({ lead: terms, items: [result] });
  }
  return groups.map(({ items }) => ({
    items,
    outlets: distinct(items.flatMap((r) => [r.item.source, ...r.alsoFrom])),
    countries: distinct(items.flatMap((r) => (r.item.country ? [r.item.country] : []))),
  }));
}

function distinct(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
