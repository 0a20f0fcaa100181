import type { EntitySummary, PageMarkMessages } from '@/lib/contracts/messages';
import type { HandlersOf } from '@/lib/messaging';
import type { PageMarker } from '@/lib/marking/page-marker';
import { showHighlight } from './show-highlight';

/** What the popup and background may ask of the page. */
export function contentHandlers(marker: PageMarker, offHere: () => boolean): HandlersOf<PageMarkMessages> {
  return {
    markPage: async () => {
      await marker.run(true);
      return { count: marker.markCount };
    },
    focusMark: ({ direction }) => ({ index: offHere() ? -1 : marker.focusStep(direction) }),
    showEntity: ({ index }) => marker.focusMark(index),
    showHighlight: ({ selectors }) => showHighlight(marker, selectors),
    getPageEntities: () => ({
      state: marker.state,
      isArticle: marker.article?.isArticle ?? false,
      title: marker.article?.metadata.title || document.title,
      entities: summarize(marker),
    }),
  };
}

/** One line per distinct company or figure, in order of first mention. */
function summarize(marker: PageMarker): EntitySummary[] {
  const index = marker.entityIndex;
  const seen = new Set<number>();
  const summaries: EntitySummary[] = [];
  index.entities.forEach((entity, i) => {
    const mentions = index.mentionsOf(i);
    if (seen.has(mentions[0]!)) return;
    seen.add(mentions[0]!);
    summaries.push({
      index: i,
      type: entity.type,
      text: entity.text,
      mentions: mentions.length,
      ...(entity.name ? { name: entity.name } : {}),
      ...(entity.id ? { id: entity.id } : {}),
      ...(entity.ticker ? { ticker: entity.ticker } : {}),
      ...(entity.value !== undefined ? { value: entity.value } : {}),
      ...(entity.currency ? { currency: entity.currency } : {}),
    });
  });
  return summaries;
}
