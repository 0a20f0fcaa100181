import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLOURS, type HighlightColour } from '@/lib/contracts/records';
import { colourName } from './HighlightToolbar';
import { t } from './i18n';
import { TagField } from './TagField';

export interface HighlightEditorValue {
  colour: HighlightColour;
  note: string;
  tags: string[];
  /** The highlighted text, shown as a reminder. */
  quote: string;
}

export interface HighlightEditorProps {
  value: HighlightEditorValue;
  /** Colour changes apply at once; note and tags on "Save" (or Ctrl/Cmd+Enter in the note). */
  onColour: (colour: HighlightColour) => void;
  onSave: (changes: { note: string; tags: string[] }) => void;
  onDelete: () => void;
  onClose: () => void;
  /** The tags the reader already uses, suggested as they type. */
  knownTags?: readonly string[];
  /** Opened to tag (the toolbar's Tag): the focus starts in the tag box, not the note. */
  focusTags?: boolean;
}

/** Longest quote shown in the editor; the rest is elided (the page shows it in full). */
const QUOTE_PREVIEW = 160;

/** Edits one highlight: colour, note (plain text, never markup), tags, or delete it. */
export function HighlightEditor({ value, onColour, onSave, onDelete, onClose, knownTags = [], focusTags = false }: HighlightEditorProps) {
  const [note, setNote] = useState(value.note);
  const [tags, setTags] = useState(value.tags.join(', '));
  const noteField = useRef<HTMLTextAreaElement>(null);
  const tagField = useRef<HTMLInputElement>(null);
  useEffect(() => (focusTags ? tagField.current : noteField.current)?.focus(), []);
  const save = () => onSave({ note, tags: parseTags(tags) });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
    else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save();
  };
  const quote = value.quote.length > QUOTE_PREVIEW ? `${value.quote.slice(0, QUOTE_PREVIEW)}…` : value.quote;
  return (
    <div class="editor" role="dialog" aria-label={t('highlightEditor')} data-testid="highlight-editor" onKeyDown={onKeyDown}>
      <blockquote>{quote}</blockquote>
      <div class="colours" role="group" aria-label={t('highlightColour')}>
        {HIGHLIGHT_COLOURS.map((colour) => (
          <button
            type="button"
            key={colour}
            class={`swatch ${colour}`}
            aria-label={colourName(colour)}
            title={colourName(colour)}
            aria-pressed={colour === value.colour}
            onClick={() => onColour(colour)}
          />
        ))}
      </div>
      <label>
        {t('highlightNote')}
        <textarea ref={noteField} rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div class="tags">
        <label for="newsmark-highlight-tags">{t('highlightTags')}</label>
        <TagField id="newsmark-highlight-tags" value={tags} onInput={setTags} known={knownTags} placeholder={t('highlightTagsHint')} inputRef={tagField} />
      </div>
      <div class="actions">
        <button type="button" class="primary" onClick={save}>
          {t('save')}
        </button>
        <button type="button" onClick={onDelete}>
          {t('highlightDelete')}
        </button>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}

/** "markets, Huawei ,ai" -> ["markets", "Huawei", "ai"]; the library de-duplicates. */
export function parseTags(text: string): string[] {
  return text.split(',').map((tag) => tag.trim()).filter(Boolean);
}
