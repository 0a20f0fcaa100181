/**
 * The hover card's place on the page: a closed shadow root rendered with Preact. It asks
 * the background for what the card needs (exchange rates, library counts) and caches it
 * for the page's lifetime.
 */
import { render } from 'preact';
import { EntityCard, ENTITY_CARD_CSS } from '@/components/EntityCard';
import { t } from '@/components/i18n';
import { uiDirection } from '@/components/ui-direction';
import { sendMessage } from '@/lib/messaging';
import { cardModel, type CardFacts } from '@/lib/marking/card-model';
import type { Rect } from '@/lib/marking/card-placement';
import type { ExchangeRates } from '@/lib/marking/format';
import type { PageMarker, PageMarkerServices } from '@/lib/marking/page-marker';
import { sentenceAround } from '@/lib/marking/sentence';
import { createShadowHost, type ShadowHost } from '@/lib/marking/shadow-host';
import type { Settings } from '@/lib/settings/settings';

/** How long the first draw waits for the background's answer (a cached answer comes at once). */
const FIRST_DRAW_WAIT_MS = 150;

export function createCardView(doc: Document, getSettings: () => Settings): PageMarkerServices['card'] & { destroy(): void } {
  let host: ShadowHost | null = null;
  let rates: Promise<ExchangeRates | null> | null = null;
  const savedCounts = new Map<string, Promise<number>>();
  let shownToken = 0;

  const ensureHost = () => (host ??= createShadowHost(doc, ENTITY_CARD_CSS, 'card', uiDirection()));
  const hide = () => {
    shownToken++;
    if (host?.visible) {
      render(null, host.mount);
      host.hide();
    }
  };

  const show = (marker: PageMarker, index: number, anchor: Rect) => {
    const token = ++shownToken;
    const entity = marker.entityIndex.entities[index];
    const text = marker.article?.map.text ?? '';
    if (!entity) return;
    const mentions = marker.entityIndex.mentionsOf(index);
    const facts: CardFacts = {
      entity,
      mentionCount: mentions.length,
      mentionNumber: mentions.indexOf(index) + 1,
      readerCurrency: getSettings().readerCurrency,
      locale: navigator.language,
      ...(entity.type === 'percent' || entity.type === 'number' ? { sentence: sentenceAround(text, entity.start, entity.end) } : {}),
    };
    const draw = (extra: Partial<CardFacts>) => {
      if (token !== shownToken) return;
      const h = ensureHost();
      render(
        <EntityCard
          model={cardModel({ ...facts, ...extra }, t)}
          onNext={() => marker.focusMark(marker.entityIndex.nextMention(index))}
          onCoverage={() => void sendMessage('openCoverage', { query: entity.name ?? entity.text }).catch(() => undefined)}
          onDossier={() => entity.id && void sendMessage('openDossier', { companyId: entity.id }).catch(() => undefined)}
          onClose={hide}
        />,
        h.mount,
      );
      h.showNear(anchor);
    };
    const extra = extraFacts(entity, facts.readerCurrency);
    if (!extra) return draw({});
    // Drawn once the background answers, or after a short wait with what is known: a card that
    // opened and then grew (flipped above its mark, it grew upwards) jumped under the pointer.
    let drawn = false;
    const timer = setTimeout(() => {
      drawn = true;
      draw({});
    }, FIRST_DRAW_WAIT_MS);
    void extra.then((more) => {
      clearTimeout(timer);
      if (drawn && Object.values(more).every((value) => value == null)) return;
      drawn = true;
      draw(more);
    });
  };

  /** What the card shows that only the background knows, or null when it needs nothing more. */
  const extraFacts = (entity: CardFacts['entity'], readerCurrency: string): Promise<Partial<CardFacts>> | null => {
    if (entity.type === 'company' && entity.id) {
      const id = entity.id;
      if (!savedCounts.has(id)) savedCounts.set(id, sendMessage('countSavedArticlesNaming', { companyId: id }).catch(() => 0));
      return savedCounts.get(id)!.then((savedArticleCount) => ({ savedArticleCount }));
    }
    if (entity.type === 'money' && entity.currency && entity.currency !== readerCurrency) {
      rates ??= sendMessage('getExchangeRates', {}).catch(() => null);
      return rates.then((r) => ({ rates: r }));
    }
    return null;
  };

  return {
    show,
    hide,
    isOwnUi: (node) => !!host && node instanceof Node && host.contains(node),
    destroy: () => {
      hide();
      host?.destroy();
      host = null;
    },
  };
}
