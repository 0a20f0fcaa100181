import type { SaveState } from './useSaved';
import { t } from './i18n';

/** Says that a section was saved, or why not. */
export function SaveStatus({ state, testId }: { state: SaveState; testId: string }) {
  if (state.kind === 'error') return <p role="alert" class="error" data-testid={testId}>{t('saveFailed', state.message)}</p>;
  return <p role="status" class="muted" data-testid={testId}>{state.kind === 'saved' ? t('saved') : ''}</p>;
}
