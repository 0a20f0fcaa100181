/**
 * Sync conflicts in front of the reader, on a highlight of the library's or the popup's list,
 * on an article's note and on a company's note (its dossier): a note edited on two devices at
 * once ("Edited on two devices: compare" shows both texts side by side and keeps either or both), and a highlight deleted on one device while edited on
 * another (back with the edit, kept or deleted). Texts are text nodes only.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ConflictMark, NoteChoice, NoteConflictCopy, RecordRef } from '@/lib/contracts/sync';
import { decodeHlc } from '@/lib/db/hlc';
import { formatDateTime } from '@/lib/i18n/format';
import { readerLocale, t } from './i18n';

/** What the conflict marks need of the background. */
export interface ConflictActions {
  /** The conflicts among these records. */
  marks(refs: RecordRef[]): Promise<ConflictMark[]>;
  /** The note's conflict copies. */
  copies(ref: RecordRef): Promise<NoteConflictCopy[]>;
  /** Keeps the shown text, the copy's or both; answers the copies still kept. */
  resolve(ref: RecordRef, copy: NoteConflictCopy, keep: NoteChoice): Promise<NoteConflictCopy[]>;
  /** Keeps (or deletes) a highlight deleted on one device and edited on another. */
  settleRevived(id: string, keep: boolean): Promise<void>;
}

/**
 * The conflict marks of a list's records (highlights unless `kind` says), by id: asked for again
 * when the records change (a sync brought an edit, the reader chose). Empty without conflict actions.
 */
export function useConflictMarks(
  records: ReadonlyArray<{ id: string; updatedAt: string }>,
  actions: ConflictActions | undefined,
  kind: RecordRef['kind'] = 'highlight',
): Map<string, ConflictMark> {
  const [marks, setMarks] = useState<Map<string, ConflictMark>>(new Map());
  const key = records.map((r) => `${r.id}@${r.updatedAt}`).join(' ');
  useEffect(() => {
    if (!actions || records.length === 0) return undefined;
    let current = true;
    actions.marks(records.map((r) => ({ kind, id: r.id }))).then(
      // No marks before and none now: the same state, so the list is not rendered again for nothing.
      (found) => current && setMarks((before) => (before.size === 0 && found.length === 0 ? before : new Map(found.map((m) => [m.id, m])))),
      () => undefined, // No marks is what the list showed before; the list itself still works.
    );
    return () => void (current = false);
  }, [key, actions]);
  return marks;
}

interface HighlightConflictProps {
  id: string;
  /** The note shown now. */
  note: string;
  mark: ConflictMark;
  actions: ConflictActions;
  run: (work: Promise<unknown>) => void;
}

/** A highlight's conflict marks and the reader's choices. */
export function HighlightConflict({ id, note, mark, actions, run }: HighlightConflictProps) {
  const [settled, setSettled] = useState<{ note: boolean; revived: boolean }>({ note: false, revived: false });
  return (
    <>
      {mark.revived && !settled.revived && (
        <div class="conflict" data-testid="revived-mark">
          <p class="conflict-says">{t(mark.revived === 'here' ? 'revivedHere' : 'revivedElsewhere')}</p>
          <div class="actions">
            <button type="button" data-testid="keep-revived" onClick={() => run(actions.settleRevived(id, true).then(() => setSettled((s) => ({ ...s, revived: true }))))}>
              {t('revivedKeep')}
            </button>
            <button type="button" class="destructive" data-testid="delete-revived" onClick={() => run(actions.settleRevived(id, false).then(() => setSettled((s) => ({ ...s, revived: true }))))}>
              {t('delete')}
            </button>
          </div>
        </div>
      )}
      {mark.note && !settled.note && (
        <NoteCompare refOf={{ kind: 'highlight', id }} note={note} actions={actions} run={run} onSettled={() => setSettled((s) => ({ ...s, note: true }))} />
      )}
    </>
  );
}

interface ArticleNoteConflictProps {
  article: { id: string; updatedAt: string; note: string };
  actions: ConflictActions;
  run: (work: Promise<unknown>) => void;
}

/** An article note's conflict mark and the reader's choice (the library's entry, the popup). */
export function ArticleNoteConflict({ article, actions, run }: ArticleNoteConflictProps) {
  return <RecordNoteConflict kind="article" record={article} actions={actions} run={run} />;
}

interface RecordNoteConflictProps {
  kind: RecordRef['kind'];
  record: { id: string; updatedAt: string; note: string };
  actions: ConflictActions;
  run: (work: Promise<unknown>) => void;
}

/** One record's note conflict mark and the reader's choice (an article's note, a company's note on its dossier). */
export function RecordNoteConflict({ kind, record, actions, run }: RecordNoteConflictProps) {
  const marks = useConflictMarks([record], actions, kind);
  const [settled, setSettled] = useState<string | null>(null);
  // Settled for this version of the record; a later conflict on it is marked again.
  if (!marks.get(record.id)?.note || settled === record.updatedAt) return null;
  return <NoteCompare refOf={{ kind, id: record.id }} note={record.note} actions={actions} run={run} onSettled={() => setSettled(record.updatedAt)} />;
}

interface NoteCompareProps {
  refOf: RecordRef;
  note: string;
  actions: ConflictActions;
  run: (work: Promise<unknown>) => void;
  onSettled: () => void;
}

/** "Edited on two devices: compare", and once opened both texts side by side with the three choices. */
function NoteCompare({ refOf, note, actions, run, onSettled }: NoteCompareProps) {
  const [copies, setCopies] = useState<NoteConflictCopy[] | null>(null);
  const open = copies !== null;
  const regionId = `conflict-${refOf.kind}-${refOf.id}`;
  const copy = copies?.[0];
  const choose = (keep: NoteChoice) => {
    if (!copy) return;
    run(actions.resolve(refOf, copy, keep).then((left) => (left.length ? setCopies(left) : onSettled())));
  };
  return (
    <div class="conflict">
      <button
        type="button"
        class="conflict-says"
        aria-expanded={open}
        aria-controls={regionId}
        data-testid="note-conflict"
        onClick={() => (open ? setCopies(null) : run(actions.copies(refOf).then((found) => (found.length ? setCopies(found) : onSettled()))))}
      >
        {t('conflictCompare')}
      </button>
      {copy && (
        <div id={regionId} role="group" aria-label={t('conflictVersions')} class="conflict-compare" data-testid="conflict-compare">
          <section>
            <h3>{t('conflictShown')}</h3>
            <p class="note" data-testid="conflict-shown">{note}</p>
            <button type="button" data-testid="keep-shown" onClick={() => choose('shown')}>{t('conflictKeepShown')}</button>
          </section>
          <section>
            <h3>{t('conflictOther', formatDateTime(decodeHlc(copy.clock).wall, readerLocale()))}</h3>
            <p class="note" data-testid="conflict-copy">{copy.text}</p>
            <button type="button" data-testid="keep-copy" onClick={() => choose('copy')}>{t('conflictKeepOther')}</button>
          </section>
          <button type="button" class="conflict-both" data-testid="keep-both" onClick={() => choose('both')}>{t('conflictKeepBoth')}</button>
        </div>
      )}
    </div>
  );
}
