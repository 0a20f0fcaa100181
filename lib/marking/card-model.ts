/**
 * What the hover card says about one entity, as plain data: the card component only lays
 * it out. Strings come through the translator passed in, so this stays a pure function.
 */
import type { Entity } from '../contracts/entities';
import { formatCalendarDay, formatCount } from '../i18n/format';
import { countMessage, type Translate } from '../i18n/plural';
import { convertMoney, formatCompact, formatMoney, formatNumber, formatPercent, type ExchangeRates } from './format';

export interface CardFacts {
  entity: Entity;
  /** How many times this article names the same thing, and which of those this one is (1-based). */
  mentionCount: number;
  mentionNumber: number;
  /** The sentence around the entity, for percentages and other figures. */
  sentence?: string;
  /** Saved articles naming this company; undefined while unknown. */
  savedArticleCount?: number;
  rates?: ExchangeRates | null;
  readerCurrency: string;
  locale?: string;
}

export interface CardRow {
  label: string;
  value: string;
  /** A web address the value links to (a company's website, from the gazetteer, never from the page). */
  href?: string;
}

export interface CardModel {
  kind: string;
  title: string;
  rows: CardRow[];
  /** A quote shown under the rows (the sentence around a figure). */
  quote?: string;
  /** Show "next mention" when the article names it more than once. */
  canJumpToNext: boolean;
  /** Show "coverage of this company". */
  canShowCoverage: boolean;
  /** Show "everything in your library": the company's dossier (only once a saved article names it). */
  canOpenDossier: boolean;
}

export function cardModel(facts: CardFacts, t: Translate): CardModel {
  const { entity, locale } = facts;
  const mentions = {
    label: t('cardMentions'),
    value: t('cardMentionOf', formatCount(facts.mentionNumber, locale), formatCount(facts.mentionCount, locale)),
  };
  const base = { canJumpToNext: facts.mentionCount > 1, canShowCoverage: false, canOpenDossier: false };
  const dossier = entity.type === 'company' && !!entity.id && (facts.savedArticleCount ?? 0) > 0;
  switch (entity.type) {
    case 'company':
      return {
        ...base,
        // The dossier holds everything the library search for the name would find, and more.
        canShowCoverage: !dossier,
        canOpenDossier: dossier,
        kind: t('cardKindCompany'),
        title: entity.name ?? entity.text,
        rows: [
          ...(entity.ticker ? [{ label: t('cardTicker'), value: entity.ticker }] : []),
          ...companyFactRows(entity, t),
          mentions,
          {
            label: t('cardInLibrary'),
            value: facts.savedArticleCount === undefined ? '…' : countMessage(t, 'cardSavedArticles', facts.savedArticleCount, locale),
          },
        ],
      };
    case 'money':
      return { ...base, kind: t('cardKindMoney'), title: entity.text, rows: [...moneyRows(facts, t), mentions] };
    case 'percent':
      return {
        ...base,
        kind: t('cardKindPercent'),
        title: entity.text,
        rows: entity.value === undefined ? [mentions] : [{ label: t('cardValue'), value: formatPercent(entity.value, locale) }, mentions],
        ...(facts.sentence ? { quote: facts.sentence } : {}),
      };
    case 'number':
      return {
        ...base,
        kind: t('cardKindNumber'),
        title: entity.text,
        rows: entity.value === undefined ? [mentions] : [{ label: t('cardValue'), value: formatNumber(entity.value, locale) }, mentions],
        ...(facts.sentence ? { quote: facts.sentence } : {}),
      };
  }
}

/** What the gazetteer knows of a listed company: the same labels as the company's dossier. */
function companyFactRows(entity: Entity, t: Translate): CardRow[] {
  const rows: CardRow[] = [];
  if (entity.country) rows.push({ label: t('dossierCountry'), value: entity.country });
  if (entity.industry) rows.push({ label: t('dossierIndustry'), value: entity.industry });
  // A host name as the gazetteer stores it ("agilent.com"); anything else is not linked.
  if (entity.website && /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(entity.website)) {
    rows.push({ label: t('dossierWebsite'), value: entity.website, href: `https://${entity.website}` });
  }
  return rows;
}

function moneyRows(facts: CardFacts, t: Translate): CardRow[] {
  const { entity, locale, readerCurrency, rates } = facts;
  if (entity.value === undefined) return [];
  const currency = entity.currency ?? '';
  const rows: CardRow[] = [
    {
      label: t('cardValue'),
      value: currency ? formatMoney(entity.value, currency, locale) : formatNumber(entity.value, locale),
    },
  ];
  if (!currency || currency === readerCurrency) return rows;
  if (!rates) {
    rows.push({ label: t('cardInCurrency', readerCurrency), value: t('cardRatesUnavailable') });
    return rows;
  }
  const converted = convertMoney(entity.value, currency, readerCurrency, rates);
  rows.push({
    label: t('cardInCurrency', readerCurrency),
    value: converted === null ? t('cardNoRate', currency) : `≈ ${formatMoney(converted, readerCurrency, locale, converted >= 1e6)}`,
  });
  rows.push({ label: t('cardRatesDate'), value: t('cardEcbRates', formatCalendarDay(rates.date, locale)) });
  return rows;
}
