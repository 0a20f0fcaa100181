/** Sync settings (a CouchDB-protocol server, optional end-to-end encryption) and status. */
import { useEffect, useState } from 'preact/hooks';
import type { LiveSyncStatus, SyncAuthKind, SyncSettings, SyncStatus } from '@/lib/contracts/sync';
import { syncLine } from '@/lib/sync/status-view';
import { SyncStatusLine, useLiveSyncStatus } from './SyncStatusLine';
import { SaveStatus } from './SaveStatus';
import { useSaveState } from './useSaved';
import { t } from './i18n';

export interface SyncStore {
  load(): Promise<SyncSettings>;
  /** Stores the settings and syncs once with them. */
  save(settings: SyncSettings): Promise<SyncStatus>;
  status(): Promise<SyncStatus>;
  syncNow(): Promise<SyncStatus>;
  /** Every status the background stores (a run starting, its progress, its end); returns the unwatch function. */
  watch?(listener: (status: LiveSyncStatus) => void): () => void;
}

const AUTH: SyncAuthKind[] = ['none', 'basic', 'session'];

export function SyncOptions({ store }: { store: SyncStore }) {
  const [settings, setSettings] = useState<SyncSettings | null>(null);
  const [status, setStatus] = useState<LiveSyncStatus | null>(null);
  const [asked, setAsked] = useState(0);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const [saveState, track] = useSaveState();
  useEffect(() => {
    store.load().then(setSettings, (e: unknown) => setUnavailable(e instanceof Error ? e.message : String(e)));
    store.status().then(setStatus, () => undefined);
  }, [store]);
  // Live: a run started by an alarm, another page or this one shows as it goes (a 30-second hang is "Syncing…").
  const shown = useLiveSyncStatus(status, store.watch);
  if (unavailable) {
    return (
      <section aria-labelledby="sync-options-title">
        <h2 id="sync-options-title">{t('syncTitle')}</h2>
        <p role="alert">{t('syncUnavailable', unavailable)}</p>
      </section>
    );
  }
  /** Runs this page asked for, and the worker's own: the buttons wait for either. */
  const run = (work: Promise<SyncStatus>) => {
    setAsked((n) => n + 1);
    void track(work.then(setStatus).finally(() => setAsked((n) => n - 1)));
  };
  const busy = asked > 0 || (shown !== null && syncLine(shown, true, Date.now()).kind === 'syncing');
  if (!settings) return <section aria-busy="true"><h2>{t('syncTitle')}</h2></section>;
  const field = <K extends keyof SyncSettings>(key: K, value: SyncSettings[K]) => setSettings({ ...settings, [key]: value });
  const text = (key: 'serverUrl' | 'database' | 'user' | 'password' | 'passphrase', type = 'text', help?: string) => (
    <p class="field">
      <label for={`sync-${key}`}>{t(`sync_${key}`)}</label>
      <input id={`sync-${key}`} type={type} value={settings[key]} autoComplete={type === 'password' ? 'new-password' : 'off'} onInput={(e) => field(key, e.currentTarget.value)} aria-describedby={help ? `sync-${key}-help` : undefined} data-testid={`sync-${key}`} />
      {help && <span id={`sync-${key}-help`} class="muted">{help}</span>}
    </p>
  );
  return (
    <section aria-labelledby="sync-options-title" data-testid="sync-options">
      <h2 id="sync-options-title">{t('syncTitle')}</h2>
      {shown && <SyncStatusLine status={shown} />}
      <form onSubmit={(e) => { e.preventDefault(); run(store.save(settings)); }} aria-busy={busy}>
        <label class="check">
          <input type="checkbox" checked={settings.enabled} onChange={(e) => field('enabled', e.currentTarget.checked)} data-testid="sync-enabled" />
          {t('syncEnabled')}
        </label>
        {text('serverUrl', 'url', t('syncServerHelp'))}
        {text('database')}
        <p class="field">
          <label for="sync-auth">{t('syncAuth')}</label>
          <select id="sync-auth" value={settings.auth} onChange={(e) => field('auth', e.currentTarget.value as SyncAuthKind)}>
            {AUTH.map((kind) => <option key={kind} value={kind}>{t(`syncAuth_${kind}`)}</option>)}
          </select>
        </p>
        {settings.auth !== 'none' && text('user')}
        {settings.auth !== 'none' && text('password', 'password')}
        {text('passphrase', 'password', t('syncPassphraseHelp'))}
        <p class="field">
          <label for="sync-interval">{t('syncInterval')}</label>
          <input id="sync-interval" type="number" min={1} max={1440} value={settings.intervalMinutes} onInput={(e) => field('intervalMinutes', Number(e.currentTarget.value) || 15)} />
        </p>
        <div class="actions">
          <button type="submit" class="primary" data-testid="sync-save">{t('syncSave')}</button>
          <button type="button" disabled={!settings.enabled || busy} aria-busy={busy} data-testid="sync-now" onClick={() => run(store.syncNow())}>{busy ? t('syncRunning') : t('syncNow')}</button>
        </div>
      </form>
      <SaveStatus state={saveState} testId="sync-save-status" />
    </section>
  );
}
