/**
 * Related-coverage sources: the reader's own feeds (private: fetched and searched on this
 * device) and the remote searches, each off until the reader turns it on, with what it sends
 * and to whom. Turning one on asks the browser for access to that service only.
 */
import { useEffect, useState } from 'preact/hooks';
import { REMOTE_DISCLOSURE, type RelatedSettings, type RemoteSourceId } from '@/lib/related/settings';
import { SaveStatus } from './SaveStatus';
import { useSaveState } from './useSaved';
import { t } from './i18n';
import { FeedOptions, type FeedStore } from './FeedOptions';

export interface RelatedStore extends FeedStore {
  load(): Promise<RelatedSettings>;
  save(settings: RelatedSettings): Promise<void>;
  /** Asks for access to the service's origin; must run in the click that turned it on. */
  requestAccess(id: RemoteSourceId): Promise<boolean>;
}

const REMOTE: RemoteSourceId[] = ['google-news', 'bing-news', 'gdelt'];
const NAME_KEYS: Record<RemoteSourceId, string> = { 'google-news': 'relatedSourceGoogleNews', 'bing-news': 'relatedSourceBingNews', gdelt: 'relatedSourceGdelt' };

export function RelatedOptions({ store }: { store: RelatedStore }) {
  const [settings, setSettings] = useState<RelatedSettings | null>(null);
  const [status, track] = useSaveState();
  useEffect(() => void store.load().then(setSettings), [store]);
  const toggle = (id: RemoteSourceId, on: boolean) => {
    if (!settings) return;
    // The permission prompt needs the click's user activation: ask before anything else awaits.
    const allowed = on ? store.requestAccess(id) : Promise.resolve(true);
    void track(
      allowed.then((ok) => {
        if (!ok) throw new Error(t('accessRefused', REMOTE_DISCLOSURE[id].service));
        const next = { ...settings, remote: { ...settings.remote, [id]: on } };
        setSettings(next);
        return store.save(next);
      }),
    );
  };
  return (
    <section aria-labelledby="related-options-title" data-testid="related-options">
      <h2 id="related-options-title">{t('relatedOptionsTitle')}</h2>
      <p class="privacy" id="related-privacy" data-testid="privacy-note">{t('relatedPrivacyNote')}</p>
      <FeedOptions store={store} />
      {settings && (
        <fieldset aria-describedby="related-privacy">
          <legend>{t('remoteSourcesLegend')}</legend>
          {REMOTE.map((id) => (
            <div key={id} class="source">
              <label class="check">
                <input type="checkbox" checked={settings.remote[id]} onChange={(e) => toggle(id, e.currentTarget.checked)} aria-describedby={`sends-${id}`} data-testid={`remote-${id}`} />
                {t(NAME_KEYS[id])}
              </label>
              <span id={`sends-${id}`} class="muted">{t('remoteSends', REMOTE_DISCLOSURE[id].service, REMOTE_DISCLOSURE[id].sends)}</span>
            </div>
          ))}
        </fieldset>
      )}
      <SaveStatus state={status} testId="related-status" />
    </section>
  );
}
