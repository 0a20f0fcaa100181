import { useEffect, useState } from 'preact/hooks';
import type { PageVisit } from '@/lib/db';
import { t } from './i18n';

type State = { kind: 'loading' } | { kind: 'ready'; visit: PageVisit | null } | { kind: 'error'; message: string };

export interface PopupProps {
  /** Fetches what the background knows about the current tab's page. */
  load: () => Promise<PageVisit | null>;
}

export function Popup({ load }: PopupProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    load().then(
      (visit) => setState({ kind: 'ready', visit }),
      (error: unknown) => setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [load]);

  return (
    <main class="popup" aria-busy={state.kind === 'loading'}>
      <h1>{t('extName')}</h1>
      {state.kind === 'loading' && <p>{t('popupLoading')}</p>}
      {state.kind === 'error' && <p role="alert">{t('popupError', state.message)}</p>}
      {state.kind === 'ready' && <PageStatus visit={state.visit} />}
    </main>
  );
}

function PageStatus({ visit }: { visit: PageVisit | null }) {
  if (!visit) return <p data-testid="page-status">{t('popupNoPage')}</p>;
  return (
    <section aria-labelledby="page-title">
      <h2 id="page-title" data-testid="page-title">{visit.title}</h2>
      <p data-testid="page-status" data-article={String(visit.isArticle)}>
        {visit.isArticle ? t('popupIsArticle') : t('popupNotArticle')}
      </p>
      {visit.signals.length > 0 && <p class="muted">{t('popupSignals', visit.signals.join(', '))}</p>}
    </section>
  );
}
