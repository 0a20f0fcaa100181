/** One line on sync: off, last synced when, changes waiting, what the last run had to repair, or the last error. */
import type { SyncStatus } from '@/lib/sync/types';
import { formatDateTime } from '@/lib/i18n/format';
import { readerLocale, t, tCount } from './i18n';

export function SyncStatusLine({ status }: { status: SyncStatus }) {
  const when = status.lastSyncAt ? formatDateTime(status.lastSyncAt, readerLocale()) : null;
  const parts = [
    status.state === 'disabled' ? t('syncOff') : status.state === 'syncing' ? t('syncRunning') : status.state === 'offline' ? t('syncOffline') : when ? t('syncLast', when) : t('syncNever'),
    ...(status.state !== 'disabled' && status.pending > 0 ? [tCount('syncPending', status.pending)] : []),
  ];
  return (
    <p class="sync-status" data-testid="sync-status" data-state={status.state}>
      {parts.join(' · ')}
      {status.notice && <span role="status" data-testid="sync-notice">{' · '}{status.notice}</span>}
      {status.state === 'error' && status.lastError && <span role="alert">{' · '}{t('syncError', status.lastError.message)}</span>}
    </p>
  );
}
