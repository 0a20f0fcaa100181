/**
 * The popup's related-coverage section: stories from other outlets, grouped, with how many
 * outlets (and countries, where a source tells) cover a story several cover, and each failing source named
 * with its reason. Plain data in; the popup fetches it (cached first, then refreshed).
 */
import type { RelatedResult } from '@/lib/related/gather';
import type { SourceId, SourceStatus } from '@/lib/related/sources/types';
import type { RankedItem, StoryGroup } from '@/lib/contracts/related';
import { formatTimeAgo } from '@/lib/i18n/format';
import { readerLocale, t, tCount } from './i18n';
import { siteLabel } from './site-label';

export interface RelatedCoverageProps {
  /** null while nothing is cached yet. */
  result: RelatedResult | null;
  /** A refresh is under way (the cached result, if any, stays on screen meanwhile). */
  refreshing: boolean;
  /** Shown when the refresh itself failed (the background could not answer). */
  error?: string;
  /** For times shown relative to now; tests pass a fixed clock. */
  now?: number;
}

/** Each source's name in _locales (the dossier's searches name them too). */
export const SOURCE_KEYS: Record<SourceId, string> = {
  feeds: 'relatedSourceFeeds',
  'google-news': 'relatedSourceGoogleNews',
  'bing-news': 'relatedSourceBingNews',
  gdelt: 'relatedSourceGdelt',
};

export function RelatedCoverage({ result, refreshing, error, now = Date.now() }: RelatedCoverageProps) {
  const groups = result?.groups ?? [];
  const failures = (result?.sources ?? []).filter((s): s is Extract<SourceStatus, { ok: false }> => !s.ok);
  return (
    <section class="related" aria-labelledby="related-title" aria-busy={refreshing}>
      <h2 id="related-title">{t('relatedTitle')}</h2>
      {refreshing && <p class="muted" data-testid="related-refreshing">{t('relatedRefreshing')}</p>}
      {error && <p role="alert">{t('relatedError', error)}</p>}
      {result && groups.length === 0 && (
        <p data-testid="related-empty">{t('relatedEmpty')}</p>
      )}
      {storyBlocks(groups).map((block, i) => (
        <Story key={i} block={block} now={now} />
      ))}
      {failures.length > 0 && (
        <ul class="related-errors" data-testid="related-errors">
          {failures.map((failure) => (
            <li key={failure.id} data-source={failure.id}>
              {t('relatedSourceFailed', t(SOURCE_KEYS[failure.id]), failure.error)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Stories shown under one line: a story several outlets cover, or a run of single-outlet stories. */
export interface StoryBlock {
  /** "3 outlets in 2 countries"; null for single-outlet stories, whose outlet each line names already. */
  coverage: string | null;
  items: RankedItem[];
}

/**
 * The groups as the reader sees them: a story several outlets cover keeps its count above its
 * items; stories from one outlet each run together in one list (a "1 outlet" line above every
 * story repeated what each item's own outlet name says).
 */
export function storyBlocks(groups: readonly StoryGroup[]): StoryBlock[] {
  const blocks: StoryBlock[] = [];
  for (const group of groups) {
    if (group.outlets.length > 1) {
      const outlets = tCount('relatedOutlets', group.outlets.length);
      const coverage = group.countries.length ? t('relatedOutletsInCountries', outlets, tCount('relatedCountries', group.countries.length)) : outlets;
      blocks.push({ coverage, items: group.items });
      continue;
    }
    const last = blocks[blocks.length - 1];
    if (last && last.coverage === null) last.items = [...last.items, ...group.items];
    else blocks.push({ coverage: null, items: group.items });
  }
  return blocks;
}

function Story({ block, now }: { block: StoryBlock; now: number }) {
  return (
    <div class="related-story" data-testid="related-story">
      {block.coverage && <p class="muted" data-testid="related-coverage">{block.coverage}</p>}
      <ul>
        {block.items.map((ranked) => (
          <Item key={ranked.item.url} ranked={ranked} now={now} />
        ))}
      </ul>
    </div>
  );
}

function Item({ ranked: { item, alsoFrom }, now }: { ranked: RankedItem; now: number }) {
  return (
    <li data-testid="related-item">
      <a href={item.url} target="_blank" rel="noopener noreferrer">
        {item.title}
      </a>
      <span class="muted">
        {' '}
        {siteLabel(item.source, item.url)}
        {item.publishedAt && <time dateTime={item.publishedAt}> · {formatTimeAgo(Date.parse(item.publishedAt), now, readerLocale())}</time>}
        {alsoFrom.length > 0 && <span title={alsoFrom.map((outlet) => siteLabel(outlet)).join(', ')}> · {tCount('relatedAlsoFrom', alsoFrom.length)}</span>}
      </span>
    </li>
  );
}
