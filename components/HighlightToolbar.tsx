import { HIGHLIGHT_COLOURS, type HighlightColour } from '@/lib/contracts/records';
import { t } from './i18n';

export interface HighlightToolbarProps {
  onColour: (colour: HighlightColour) => void;
  onNote: () => void;
  /** Highlights the selection and opens its tag box. */
  onTag: () => void;
}

/**
 * The small toolbar over a selection of article text: one button per colour, and "add note".
 * Pressing a button must not clear the page's selection, so mousedown's default is prevented.
 */
export function HighlightToolbar({ onColour, onNote, onTag }: HighlightToolbarProps) {
  const keepSelection = (event: MouseEvent) => event.preventDefault();
  return (
    <div class="toolbar" role="toolbar" aria-label={t('highlightToolbar')} data-testid="highlight-toolbar">
      {HIGHLIGHT_COLOURS.map((colour) => (
        <button
          type="button"
          key={colour}
          class={`swatch ${colour}`}
          aria-label={t('highlightIn', colourName(colour))}
          title={t('highlightIn', colourName(colour))}
          onMouseDown={keepSelection}
          onClick={() => onColour(colour)}
        />
      ))}
      <button type="button" class="text" onMouseDown={keepSelection} onClick={onNote}>
        {t('highlightAddNote')}
      </button>
      <button type="button" class="text" onMouseDown={keepSelection} onClick={onTag} data-testid="toolbar-tag">
        {t('highlightAddTag')}
      </button>
    </div>
  );
}

/** The colour's name in the reader's language. */
export function colourName(colour: HighlightColour): string {
  return t(`colour_${colour}`);
}
