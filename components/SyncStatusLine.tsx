/**
 * One line on sync, the same in the options page and the popup (both give it the status the
 * background stores, live): off; offline (the browser says so); syncing, with what moved so far;
 * the server unreachable or answering with an error, in its words, and when it is tried again;
 * last synced when, with what that run received and sent; changes waiting; and, once, what the
 * last run had to repair.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SyncLine } from '@/lib/sync/status-view';
import type { LiveSyncStatus } from '@/lib/contracts/sync';
import { syncLine } from '@/lib/sync/status-view';
import { formatCount, formatDateTime } from '@/lib/i18n/format';
import { readerLocale, t, tCount } from './i18n';

export function SyncStatusLine({ status }: { status: LiveSyncStatus }) {
  const online = useBrowserOnline();
  const line = syncLine(status, online, Date.now());
  const alert = line.detail !== null;
  return (
    <p class="sync-status" data-testid="sync-status" data-state={line.kind} aria-live="polite" aria-busy={line.kind === 'syncing'}>
      {headline(line).join(' · ')}
      {status.notice && line.kind === 'synced' && <span role="status" data-testid="sync-notice">{' · '}{status.notice}</span>}
      {alert && <span role="alert" data-testid="sync-error">{' · '}{line.detail}</span>}
    </p>
  );
}

function headline(line: SyncLine): string[] {
  const locale = readerLocale();
  const when = line.lastSyncAt ? formatDateTime(line.lastSyncAt, locale) : null;
  const moved = (counts: SyncLine['counts']) => (counts && counts.pulled + counts.pushed > 0 ? [t('syncMoved', formatCount(counts.pulled, locale), formatCount(counts.pushed, locale))] : []);
  const pending = line.pending > 0 ? [tCount('syncPending', line.pending)] : [];
  const retry = line.retryAt ? [t('syncRetryAt', formatDateTime(line.retryAt, locale))] : [];
  const since = when ? [t('syncLast', when)] : [];
  switch (line.kind) {
    case 'off': return [t('syncOff')];
    case 'syncing': return [t('syncRunning'), ...moved(line.counts)];
    case 'offline': return [t('syncOffline'), ...since, ...pending];
    case 'unreachable': return [t('syncUnreachable'), ...retry, ...since, ...pending];
    case 'server-error': return [t('syncServerError'), ...retry, ...since, ...pending];
    case 'error': return [t('syncFailed'), ...since, ...pending];
    case 'synced': return [t('syncLast', when!), ...moved(line.counts), ...pending];
    case 'never': return [t('syncNever'), ...pending];
  }
}

/**
 * The status a page loaded, then every status the background stores (a run starting, its
 * progress, its outcome) as it is stored. While a run is under way the count of changes waiting
 * stays the one counted when the page loaded; a finished run brings its own.
 */
export function useLiveSyncStatus(
  loaded: LiveSyncStatus | null,
  watch: ((listener: (status: LiveSyncStatus) => void) => () => void) | undefined,
): LiveSyncStatus | null {
  const [live, setLive] = useState<LiveSyncStatus | null>(null);
  useEffect(() => watch?.(setLive), [watch]);
  if (!live) return loaded;
  return live.state === 'syncing' && loaded ? { ...live, pending: loaded.pending } : live;
}

/** What the browser says about the network, followed as it changes. */
function useBrowserOnline(): boolean {
  const [online, setOnline] = useState(() => globalThis.navigator?.onLine !== false);
  useEffect(() => {
    const update = () => setOnline(globalThis.navigator?.onLine !== false);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}
