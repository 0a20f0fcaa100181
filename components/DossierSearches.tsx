/**
 * A company's coverage from the reader's opted-in news searches, under the feed coverage on its
 * dossier: stories the feeds did not already list, and a line for each search that failed.
 */
import type { CompanyCoverageResult, SourceStatus } from '@/lib/contracts/related';
import { formatDate } from '@/lib/i18n/format';
import { readerLocale, t } from './i18n';
import { SOURCE_KEYS } from './RelatedCoverage';

export function SearchCoverage({ result, shown }: { result: CompanyCoverageResult; shown: ReadonlySet<string> }) {
  const items = result.items.filter((item) => !shown.has(item.url));
  const failures = result.sources.filter((s): s is Extract<SourceStatus, { ok: false }> => !s.ok);
  return (
    <section aria-labelledby="dossier-searches-title">
      <h3 id="dossier-searches-title">{t('dossierSearchCoverage')}</h3>
      {items.length === 0 ? (
        <p class="muted">{t('dossierSearchNothing')}</p>
      ) : (
        <ul class="entries coverage" data-testid="dossier-search-coverage">
          {items.map((c) => (
            <li key={c.url}>
              <a href={c.url} target="_blank" rel="noopener noreferrer">{c.title}</a>{' '}
              <span class="muted">{c.source}{c.time > 0 ? ` · ${formatDate(c.time, readerLocale())}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
      {failures.length > 0 && (
        <ul class="related-errors" data-testid="dossier-search-errors">
          {failures.map((f) => <li key={f.id}>{t('relatedSourceFailed', t(SOURCE_KEYS[f.id]), f.error)}</li>)}
        </ul>
      )}
    </section>
  );
}
