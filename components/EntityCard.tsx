import type { CardModel } from '@/lib/marking/card-model';
import { t } from './i18n';

export interface EntityCardProps {
  model: CardModel;
  onNext: () => void;
  onCoverage: () => void;
  onDossier: () => void;
  onClose: () => void;
}

/** The hover card, rendered inside Newsmark's shadow root on the page. */
export function EntityCard({ model, onNext, onCoverage, onDossier, onClose }: EntityCardProps) {
  return (
    <div class="card" role="dialog" aria-label={`${model.kind}: ${model.title}`}>
      <div class="head">
        <span class="kind">{model.kind}</span>
        <button type="button" class="close" aria-label={t('cardClose')} onClick={onClose}>
          ×
        </button>
      </div>
      <div class="title" data-testid="card-title">{model.title}</div>
      <dl>
        {model.rows.map((row) => (
          <div class="row" key={row.label}>
            <dt>{row.label}</dt>
            <dd>
              {row.href ? (
                <a href={row.href} target="_blank" rel="noopener noreferrer">
                  {row.value}
                </a>
              ) : (
                row.value
              )}
            </dd>
          </div>
        ))}
      </dl>
      {model.quote && <blockquote>{model.quote}</blockquote>}
      {(model.canJumpToNext || model.canShowCoverage || model.canOpenDossier) && (
        <div class="actions">
          {model.canJumpToNext && (
            <button type="button" onClick={onNext}>
              {t('cardNextMention')}
            </button>
          )}
          {model.canShowCoverage && (
            <button type="button" onClick={onCoverage}>
              {t('cardCoverage')}
            </button>
          )}
          {model.canOpenDossier && (
            <button type="button" onClick={onDossier} data-testid="card-dossier">
              {t('cardDossier')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** Styles for the card's shadow root: the page's CSS cannot reach in, and ours cannot leak out. */
export const ENTITY_CARD_CSS = `
:host { all: initial; }
.card {
  font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #1b1d21; background: #fff; border: 1px solid #d5d9e0; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18); padding: 10px 12px; width: 280px; box-sizing: border-box;
}
@media (prefers-color-scheme: dark) {
  .card { color: #e8eaee; background: #202329; border-color: #3a3f48; }
  dt, .kind { color: #a3aab8 !important; }
  button { color: #e8eaee !important; background: #2c3038 !important; border-color: #4a505b !important; }
}
.head { display: flex; justify-content: space-between; align-items: center; }
.kind { text-transform: uppercase; letter-spacing: 0.06em; font-size: 11px; color: #5b6270; }
.close { border: 0 !important; background: transparent !important; font-size: 16px; cursor: pointer; padding: 0 4px; }
.title { font-weight: 600; font-size: 15px; margin: 2px 0 6px; overflow-wrap: anywhere; }
dl { margin: 0; }
.row { display: flex; justify-content: space-between; gap: 12px; padding: 2px 0; }
dt { color: #5b6270; }
dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
dd a { color: #1d5fd1; }
blockquote { margin: 8px 0 0; padding-left: 8px; border-left: 3px solid #d5d9e0; color: inherit; font-style: italic; }
.actions { display: flex; gap: 6px; margin-top: 8px; }
button { font: inherit; font-size: 12px; border: 1px solid #c7ccd5; background: #f4f6f9; color: #1b1d21; border-radius: 5px; padding: 3px 8px; cursor: pointer; }
button:focus-visible { outline: 2px solid #1d5fd1; outline-offset: 1px; }
`;
