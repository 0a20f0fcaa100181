/**
 * Mentions per week as bars, drawn with SVG by Preact (a chart library would cost more bytes
 * than this page's one chart needs). Each bar says its week and count on hover and to screen
 * readers; the busiest week is written under the chart.
 */
import type { WeekCount } from '@/lib/dossier/weeks';
import { formatDate } from '@/lib/i18n/format';
import { readerLocale, t, tCount } from './i18n';

const HEIGHT = 80;
const BAR_GAP = 2;

export function DossierChart({ weeks }: { weeks: WeekCount[] }) {
  if (weeks.length === 0) return null;
  const locale = readerLocale();
  const most = Math.max(1, ...weeks.map((w) => w.mentions));
  const busiest = weeks.reduce((a, b) => (b.mentions > a.mentions ? b : a));
  // "Busiest" only where one week stands out; with every week alike it says nothing.
  const standsOut = weeks.length > 1 && weeks.filter((w) => w.mentions === busiest.mentions).length === 1;
  const barWidth = Math.max(4, Math.min(32, Math.floor(640 / weeks.length) - BAR_GAP));
  const width = weeks.length * (barWidth + BAR_GAP);
  const weekLabel = (w: WeekCount) => t('dossierWeekOf', formatDate(w.start, locale), tCount('dossierMentionCount', w.mentions));
  return (
    <figure class="dossier-chart">
      <svg role="img" aria-label={t('dossierChartLabel', String(weeks.length))} width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} data-testid="dossier-chart">
        {weeks.map((w, i) => {
          const h = w.mentions === 0 ? 1 : Math.max(3, Math.round((w.mentions / most) * (HEIGHT - 4)));
          return (
            <rect key={w.start} x={i * (barWidth + BAR_GAP)} y={HEIGHT - h} width={barWidth} height={h} rx={1} class={w.mentions === 0 ? 'empty' : 'week'}>
              <title>{weekLabel(w)}</title>
            </rect>
          );
        })}
        <line class="baseline" x1={0} y1={HEIGHT - 0.5} x2={width} y2={HEIGHT - 0.5} />
      </svg>
      <figcaption class="muted">
        {weeks.length === 1 ? weekLabel(weeks[0]!) : t('dossierChartSpan', formatDate(weeks[0]!.start, locale), formatDate(weeks.at(-1)!.start, locale))}
        {standsOut && ` · ${t('dossierBusiestWeek', weekLabel(busiest))}`}
      </figcaption>
    </figure>
  );
}
