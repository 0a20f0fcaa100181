/**
 * A list of highlights with their notes: edit a note (Ctrl/Cmd+Enter saves, Escape cancels),
 * delete (with undo), and go to the highlight in its page. Used by the popup and the library.
 * Quotes and notes are text nodes only: whatever they hold is shown, never run.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HighlightRecord } from '@/lib/contracts/records';
import type { ConflictMark } from '@/lib/contracts/sync';
import { formatCount } from '@/lib/i18n/format';
import { readerLocale, t } from './i18n';
import { focusFirst, focusWhenShown, neighbourControl } from './focus-after-removal';
import { HighlightConflict, useConflictMarks, type ConflictActions } from './NoteConflict';
import { emphasise, type SearchWords } from '@/lib/library/excerpt';
import { Emphasised } from './Emphasised';

export interface HighlightActions {
  saveNote(id: string, note: string): Promise<void>;
  remove(id: string): Promise<void>;
  undoRemove(id: string): Promise<void>;
  /** Goes to the highlight in its page; answers false when it could not be found there. */
  jump(highlight: HighlightRecord): Promise<boolean>;
  /** Sync conflicts on the listed highlights, marked and settled in place (absent: none shown). */
  conflicts?: ConflictActions;
}

export interface HighlightListProps {
  highlights: readonly HighlightRecord[];
  actions: HighlightActions;
  /** The article's title, for the screen-reader labels of each item. */
  label: string;
  /**
   * Told of each deletion, when the owner shows its undo (the library, where the list goes
   * with its article's last highlight); without it the list shows "Highlight deleted · Undo".
   */
  onDeleted?: (highlight: HighlightRecord) => void;
  /** Where the focus goes when the last highlight is deleted (the next and previous ones come first). */
  fallbackFocus?: () => HTMLElement | null | undefined;
  /** A search's words, emphasised where the quotes and notes hold them. */
  words?: SearchWords | null;
}

/** The selector of a highlight's Delete button, for focus after a removal or an undo. */
export const deleteButtonOf = (id: string) => `[data-testid="highlight"][data-id="${CSS.escape(id)}"] [data-testid="delete-highlight"]`;

export function HighlightList({ highlights, actions, label, onDeleted, fallbackFocus, words }: HighlightListProps) {
  const [removed, setRemoved] = useState<HighlightRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (work: Promise<unknown>) => work.then(() => setError(null), (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  const locale = readerLocale();
  const marks = useConflictMarks(highlights, actions.conflicts);
  return (
    <div class="highlights">
      {error && <p role="alert" class="error">{error}</p>}
      {removed && (
        <p role="status" class="undo">
          {t('highlightDeleted')}{' '}
          <button
            type="button"
            onClick={(e) => {
              // Back to the restored highlight once it is listed again; meanwhile not on <body>.
              const list = e.currentTarget.closest('.highlights')?.querySelector<HTMLElement>('.highlight-list');
              run(actions.undoRemove(removed.id).then(() => {
                setRemoved(null);
                focusFirst(list, fallbackFocus?.());
                focusWhenShown(deleteButtonOf(removed.id));
              }));
            }}
          >
            {t('undo')}
          </button>
        </p>
      )}
      {highlights.length > 0 && <ul class="highlight-list" aria-label={t('highlightsOf', label)} tabIndex={-1}>
        {highlights.map((h, i) => (
          <HighlightItem
            key={h.id}
            highlight={h}
            mark={marks.get(h.id)}
            position={t('highlightPosition', formatCount(i + 1, locale), formatCount(highlights.length, locale))}
            actions={actions}
            run={run}
            onRemoved={() => (onDeleted ? onDeleted(h) : setRemoved(h))}
            fallbackFocus={fallbackFocus}
            words={words}
          />
        ))}
      </ul>}
    </div>
  );
}

interface ItemProps {
  highlight: HighlightRecord;
  mark: ConflictMark | undefined;
  position: string;
  actions: HighlightActions;
  run: (work: Promise<unknown>) => void;
  onRemoved: () => void;
  fallbackFocus?: () => HTMLElement | null | undefined;
  words?: SearchWords | null | undefined;
}

/** `text`, its search words emphasised when there is a search. */
const shown = (text: string, words: SearchWords | null | undefined) => (words ? <Emphasised segments={emphasise(text, words)} /> : text);

function HighlightItem({ highlight: h, mark, position, actions, run, onRemoved, fallbackFocus, words }: ItemProps) {
  const [editing, setEditing] = useState(false);
  const [missing, setMissing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setEditing(false);
    // Keyboard users continue from where they were.
    queueMicrotask(() => editButton.current?.focus());
  };
  return (
    <li class={`highlight colour-${h.colour}`} data-testid="highlight" data-id={h.id} aria-label={position}>
      <span class="swatch" aria-hidden="true" />
      <span class="visually-hidden">{t(`colour_${h.colour}`)}</span>
      <blockquote data-testid="highlight-quote">{shown(h.quote, words)}</blockquote>
      {editing ? (
        <NoteEditor
          initial={h.note}
          onSave={(note) => run(actions.saveNote(h.id, note).then(close))}
          onCancel={close}
        />
      ) : (
        h.note && <p class="note" data-testid="highlight-note">{shown(h.note, words)}</p>
      )}
      {h.tags.length > 0 && <p class="muted tags">{h.tags.map((tag) => `#${tag}`).join(' ')}</p>}
      {missing && <p class="muted" role="status">{t('highlightNotOnPage')}</p>}
      {mark && actions.conflicts && !editing && <HighlightConflict id={h.id} note={h.note} mark={mark} actions={actions.conflicts} run={run} />}
      {!editing && (
        <div class="actions">
          <button type="button" ref={editButton} onClick={() => setEditing(true)} data-testid="edit-note">
            {h.note ? t('editNote') : t('addNote')}
          </button>
          <button type="button" onClick={() => run(actions.jump(h).then((found) => setMissing(!found)))} data-testid="jump">
            {t('jumpTo')}
          </button>
          <button
            type="button"
            onClick={(e) => {
              // The focus goes to the next highlight's Delete (else the previous one's, else the fallback), not to <body>.
              const item = e.currentTarget.closest('li');
              const next = neighbourControl(item, '[data-testid="delete-highlight"]');
              const list = item?.parentElement;
              run(actions.remove(h.id).then(() => {
                onRemoved();
                focusFirst(next, fallbackFocus?.(), list);
              }));
            }}
            class="destructive"
            data-testid="delete-highlight"
          >
            {t('delete')}
          </button>
        </div>
      )}
    </li>
  );
}

interface NoteEditorProps {
  initial: string;
  onSave: (note: string) => void;
  onCancel: () => void;
  /** The text area's label ("Note" when not given). */
  label?: string;
  testId?: string;
}

/** A labelled text area; Ctrl/Cmd+Enter saves and Escape cancels. */
export function NoteEditor({ initial, onSave, onCancel, label, testId = 'note-input' }: NoteEditorProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  // Read from the element: a save right after an edit must not see the previous render's text.
  const current = () => area.current?.value ?? initial;
  useEffect(() => area.current?.focus(), []);
  const id = useRef(`note-${Math.random().toString(36).slice(2)}`).current;
  return (
    <form
      class="note-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(current());
      }}
    >
      <label for={id}>{label ?? t('note')}</label>
      <textarea
        id={id}
        ref={area}
        rows={3}
        defaultValue={initial}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSave(current());
          }
        }}
      />
      <div class="actions">
        <button type="submit" data-testid="save-note">{t('save')}</button>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
