/**
 * Highlighting on the page: the toolbar over a selection of article text, the editor that
 * opens on a click on a highlight, and the undo toast, each in a closed shadow root. The
 * library work (anchoring, saving, painting) is PageHighlights'; this file is the reader's side.
 */
import { render, type VNode } from 'preact';
import { HighlightEditor } from '@/components/HighlightEditor';
import { HighlightToolbar } from '@/components/HighlightToolbar';
import { HIGHLIGHT_UI_CSS } from '@/components/highlight-styles';
import { t } from '@/components/i18n';
import { UndoToast } from '@/components/UndoToast';
import type { HighlightColour, HighlightRecord } from '@/lib/db/library-records';
import type { PageHighlights } from '@/lib/highlights/page-highlights';
import type { TextSpan } from '@/lib/highlights/selection';
import { placeCard } from '@/lib/marking/card-placement';
import { createShadowHost, type ShadowHost } from '@/lib/marking/shadow-host';
import type { Handlers } from '@/lib/messaging';

/** How long "Undo" stays offered after a delete. */
const UNDO_MS = 8000;
const DEFAULT_COLOUR: HighlightColour = 'yellow';

export interface HighlightUi {
  handlers: Handlers;
  /** Closes toolbar, editor and toast (the page is being cleared). */
  hide(): void;
  destroy(): void;
}

export function createHighlightUi(doc: Document, win: Window, highlights: PageHighlights): HighlightUi {
  const panel = createShadowHost(doc, HIGHLIGHT_UI_CSS, 'highlight-panel');
  const toastHost = createShadowHost(doc, HIGHLIGHT_UI_CSS, 'highlight-toast');
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  let editing: string | null = null;
  const listeners = new AbortController();
  const isOwnUi = (node: EventTarget | null) => node instanceof Node && (panel.contains(node) || toastHost.contains(node));

  const showAt = (host: ShadowHost, ui: VNode, anchor: DOMRect) => {
    render(ui, host.mount);
    host.show(-10000, -10000);
    const place = placeCard(anchor, host.size(), { width: win.innerWidth, height: win.innerHeight });
    host.show(place.left, place.top);
  };
  const hidePanel = () => {
    editing = null;
    if (!panel.visible) return;
    render(null, panel.mount);
    panel.hide();
  };
  const hideToast = () => {
    clearTimeout(toastTimer);
    render(null, toastHost.mount);
    toastHost.hide();
  };
  const toast = (message: string, onUndo?: () => void, takeFocus = false) => {
    clearTimeout(toastTimer);
    render(onUndo ? <UndoToast message={message} onUndo={onUndo} takeFocus={takeFocus} /> : <div class="toast" role="status">{message}</div>, toastHost.mount);
    toastHost.show(-10000, -10000);
    const { width, height } = toastHost.size();
    toastHost.show((win.innerWidth - width) / 2, win.innerHeight - height - 24);
    toastTimer = setTimeout(hideToast, UNDO_MS);
  };
  const failed = (error: unknown) => {
    console.debug('[newsmark] highlight failed', error);
    toast(t('highlightFailed', error instanceof Error ? error.message : String(error)));
  };

  const create = async (span: TextSpan, colour: HighlightColour): Promise<HighlightRecord> => {
    const record = await highlights.create(span, colour);
    win.getSelection()?.removeAllRanges();
    return record;
  };

  const openEditor = (id: string, fromKeyboard: boolean) => {
    const record = highlights.record(id);
    const range = highlights.layer.rangeOf(id);
    if (!record || !range) return;
    editing = id;
    const draw = (current: HighlightRecord) =>
      showAt(
        panel,
        <HighlightEditor
          key={current.id}
          value={{ colour: current.colour, note: current.note, tags: current.tags, quote: current.quote }}
          onColour={(colour) => void highlights.update(id, { colour }).then((r) => editing === id && draw(r), failed)}
          onSave={(changes) => void highlights.update(id, changes).then(hidePanel, failed)}
          onDelete={() => void remove(id, true)}
          onClose={hidePanel}
        />,
        range.getBoundingClientRect(),
      );
    draw(record);
    if (!fromKeyboard) win.getSelection()?.removeAllRanges();
  };

  const remove = async (id: string, takeFocus: boolean) => {
    hidePanel();
    try {
      await highlights.remove(id);
      toast(t('highlightDeleted'), () => {
        hideToast();
        highlights.restore(id).catch(failed);
      }, takeFocus);
    } catch (error) {
      failed(error);
    }
  };

  const offerToolbar = () => {
    if (editing || !highlights.canHighlight) return;
    const selection = win.getSelection();
    const span = highlights.spanOf(selection);
    if (!span || !selection) {
      hidePanel();
      return;
    }
    const anchor = selection.getRangeAt(0).getBoundingClientRect();
    showAt(
      panel,
      <HighlightToolbar
        onColour={(colour) => {
          hidePanel();
          create(span, colour).catch(failed);
        }}
        onNote={() => {
          hidePanel();
          create(span, DEFAULT_COLOUR).then((record) => openEditor(record.id, true), failed);
        }}
      />,
      anchor,
    );
  };

  const onPointerUp = (event: Event) => {
    if (isOwnUi(event.target)) return;
    // The selection is final only after the browser has handled the event.
    setTimeout(offerToolbar, 0);
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.key === 'Escape') hidePanel();
    else if (event.shiftKey && !isOwnUi(event.target)) setTimeout(offerToolbar, 0);
  };
  const onClick = (event: MouseEvent) => {
    if (isOwnUi(event.target) || event.button !== 0) return;
    const target = event.target instanceof Element ? event.target : null;
    // A click on a link inside a highlight follows the link; a drag that selected text is not a click on the highlight.
    if (target?.closest('a[href]') || !(win.getSelection()?.isCollapsed ?? true)) return;
    const id = highlights.hitTest(event.clientX, event.clientY);
    if (id) openEditor(id, false);
    else if (editing) hidePanel();
  };
  const onSelectionChange = () => {
    if (!editing && panel.visible && (win.getSelection()?.isCollapsed ?? true)) hidePanel();
  };
  const options = { signal: listeners.signal, capture: true, passive: true };
  doc.addEventListener('mouseup', onPointerUp, options);
  doc.addEventListener('keyup', onKeyUp, options);
  doc.addEventListener('click', onClick, options);
  doc.addEventListener('selectionchange', onSelectionChange, { signal: listeners.signal });

  const handlers: Handlers = {
    // The keyboard command is a deliberate request: any article text found on the page will do.
    highlightSelection: async ({ colour }) => {
      const span = highlights.spanOf(win.getSelection());
      if (!span) return null;
      hidePanel();
      return create(span, colour ?? DEFAULT_COLOUR);
    },
    getPageHighlights: () => highlights.report(),
  };

  return {
    handlers,
    hide: () => {
      hidePanel();
      hideToast();
    },
    destroy: () => {
      listeners.abort();
      clearTimeout(toastTimer);
      panel.destroy();
      toastHost.destroy();
    },
  };
}
