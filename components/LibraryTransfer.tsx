/** Export (Markdown, JSON, W3C Web Annotation) and import, with what happened said in words. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatCount } from '@/lib/i18n/format';
import type { ImportSummary } from '@/lib/contracts/messages';
import type { RecordConflicts } from '@/lib/contracts/sync';
import { exportFile, readImportFile, type AllRecords, type ExportKind } from './library-io';
import { readerLocale, t, tCount } from './i18n';

/**
 * How long after an import its outcome line is kept in view as the list above it grows, unless
 * the reader scrolls, clicks or types first (a loaded machine lays the list out seconds later).
 */
const OUTCOME_FOLLOW_MS = 15_000;
const READER_MOVES = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;

type Outcome = { kind: 'ok'; text: string; remarks: string[] } | { kind: 'error'; text: string } | null;

/** A file that would replace some of the reader's records, waiting for the reader to say yes. */
type Pending = { name: string; text: string; replaces: number } | null;

/** What export and import need of the library's services (see `LibraryServices`). */
export interface TransferServices {
  /** Every record as stored, tombstones included: what the JSON and W3C exports write. */
  loadAll(): Promise<AllRecords>;
  importText(text: string): Promise<ImportSummary>;
  /** What importing `text` would do, writing nothing. */
  previewText(text: string): Promise<ImportSummary>;
  download(name: string, blob: Blob): void;
  /** The sync conflicts the reader has not settled, for the Markdown and JSON exports. */
  loadConflicts?(): Promise<RecordConflicts[]>;
}

/** `listed` changes whenever the list above changes (the outcome line is followed as it grows). */
export function LibraryTransfer({ services, listed }: { services: TransferServices; listed: unknown }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The question is shown whole, mid-screen, and takes the focus: Enter says yes, Tab reaches Cancel.
    confirmButton.current?.closest('[role="alertdialog"]')?.scrollIntoView({ block: 'center' });
    confirmButton.current?.focus({ preventScroll: true });
  }, [pending]);
  const outcomeLine = useRef<HTMLParagraphElement>(null);
  const outcomeAt = useRef(0);
  // Imported entries are listed above this section and push it down, the outcome with it: keep
  // the outcome on screen while the list grows just after it, so the reader sees that it worked.
  useEffect(() => {
    if (!outcome) return undefined;
    const until = outcomeAt.current + OUTCOME_FOLLOW_MS;
    const follow = () => {
      // Centred, not at the nearest edge: there it can end a fraction of a pixel past the fold.
      if (Date.now() < until) outcomeLine.current?.scrollIntoView({ block: 'center' });
    };
    follow();
    // Entries are laid out when near the viewport (content-visibility): the page grows after the
    // list is rendered too, so the line is followed as the page's size changes, for a while.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(follow);
    observer?.observe(document.body);
    const stop = () => {
      observer?.disconnect();
      for (const type of READER_MOVES) window.removeEventListener(type, stop, true);
    };
    for (const type of READER_MOVES) window.addEventListener(type, stop, { capture: true, passive: true });
    const timer = setTimeout(stop, Math.max(0, until - Date.now()));
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [outcome, listed]);
  const exportAs = async (kind: ExportKind) => {
    try {
      // Notes and tags are the reader's words, in (most likely) the language of their UI.
      const file = await exportFile(kind, services.loadAll, { bodyLanguage: readerLocale(), loadConflicts: services.loadConflicts });
      services.download(file.name, file.blob);
    } catch (error) {
      setOutcome({ kind: 'error', text: t('exportFailed', error instanceof Error ? error.message : String(error)) });
    }
  };
  const showOutcome = (next: Outcome) => {
    outcomeAt.current = Date.now();
    setOutcome(next);
  };
  const failed = (error: unknown) => showOutcome({ kind: 'error', text: t('importFailed', error instanceof Error ? error.message : String(error)) });
  const importNow = async (text: string) => {
    const summary = await services.importText(text);
    showOutcome({
      kind: 'ok',
      // Left-out annotations are counted only when there are some; the remarks below say why.
      text: [
        t('importDone', ...[summary.added, summary.updated, summary.unchanged].map((n) => formatCount(n, readerLocale()))),
        ...(summary.skipped > 0 ? [tCount('importSkipped', summary.skipped)] : []),
      ].join(' '),
      remarks: summary.remarks,
    });
  };
  // The file is tried first without writing: one that would replace records of the reader's
  // (newer versions of them) waits for a yes; any other is imported at once.
  const importFrom = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    setPending(null);
    try {
      const text = await readImportFile(file);
      const preview = await services.previewText(text);
      if (preview.updated > 0) setPending({ name: file.name, text, replaces: preview.updated });
      else await importNow(text);
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
      input.value = '';
    }
  };
  const answer = async (replace: boolean) => {
    const file = pending;
    setPending(null);
    if (!file) return;
    if (!replace) return showOutcome({ kind: 'error', text: t('importFailed', t('importCancelled')) });
    setBusy(true);
    try {
      await importNow(file.text);
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="transfer" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('transferTitle')}</h2>
      <div class="actions">
        <button type="button" onClick={() => void exportAs('markdown')} data-testid="export-markdown">{t('exportMarkdown')}</button>
        <button type="button" onClick={() => void exportAs('json')} data-testid="export-json">{t('exportJson')}</button>
        <button type="button" onClick={() => void exportAs('w3c')} data-testid="export-w3c">{t('exportW3c')}</button>
      </div>
      <p class="field">
        <label for="import-file">{t('importLabel')}</label>
        <input id="import-file" type="file" accept=".json,.jsonld,.zip,application/json,application/ld+json,application/zip" disabled={busy} onChange={(e) => void importFrom(e.currentTarget)} data-testid="import-file" />
      </p>
      <p class="muted">{t('importHelp')}</p>
      {pending && (
        <div role="alertdialog" aria-labelledby="import-confirm-text" class="confirm" data-testid="import-confirm">
          <p id="import-confirm-text">{tCount('importWouldReplace', pending.replaces, pending.name)}</p>
          <div class="actions">
            <button type="button" ref={confirmButton} onClick={() => void answer(true)} data-testid="import-confirm-replace">{t('importReplace')}</button>
            <button type="button" onClick={() => void answer(false)} data-testid="import-confirm-cancel">{t('cancel')}</button>
          </div>
        </div>
      )}
      {outcome?.kind === 'ok' && <p role="status" ref={outcomeLine} data-testid="import-outcome" data-ok="true">{outcome.text}</p>}
      {outcome?.kind === 'ok' && outcome.remarks.length > 0 && (
        <ul class="muted" data-testid="import-remarks">{outcome.remarks.map((r) => <li key={r}>{r}.</li>)}</ul>
      )}
      {outcome?.kind === 'error' && <p role="alert" class="error" ref={outcomeLine} data-testid="import-outcome" data-ok="false">{outcome.text}</p>}
    </section>
  );
}
