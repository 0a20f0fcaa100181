import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from './i18n';

export interface UndoToastProps {
  message: string;
  onUndo: () => void;
  /** Move the keyboard focus to "Undo" (when the control the reader used has just gone). */
  takeFocus: boolean;
}

/** "Highlight deleted · Undo", shown for a few seconds by its owner. */
export function UndoToast({ message, onUndo, takeFocus }: UndoToastProps) {
  const undo = useRef<HTMLButtonElement>(null);
  // Synchronously, as part of the render: a key the reader presses right after the delete
  // must reach "Undo", not the page (an effect after the next frame lost that race).
  // No scrolling: the owner may still be measuring the toast out of sight.
  useLayoutEffect(() => {
    if (takeFocus) undo.current?.focus({ preventScroll: true });
  }, [takeFocus]);
  return (
    <div class="toast" role="status" data-testid="undo-toast">
      <span>{message}</span>
      <button type="button" ref={undo} onClick={onUndo}>
        {t('undo')}
      </button>
    </div>
  );
}
