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
import { uiDirection } from '@/components/ui-direction';
import { UndoToast } from '@/components/UndoToast';
import type { HighlightColour, HighlightRecord } from '@/lib/contracts/records';
import type { PageHighlights } from '@/lib/highlights/page-highlights';
import type { TextSpan } from '@/lib/highlights/selection';
import { isInViewport, selectionAnchor, type Rect } from '@/lib/marking/card-placement';
import { createShadowHost } from '@/lib/marking/shadow-host';
import type { PageHighlightMessages } from '@/lib/contracts/messages';
import { sendMessage, type HandlersOf } from '@/lib/messaging';

/** How long "Undo" stays offered after a delete. */
const UNDO_MS = 8000;
const DEFAULT_COLOUR: HighlightColour = 'yellow';

export interface HighlightUi {
  handlers: HandlersOf<PageHighlightMessages>;
  /** Closes toolbar, editor and toast (the page is being cleared). */
  hide(): void;
  destroy(): void;
}

interface PanelAnchor {
  kind: 'toolbar' | 'editor';
  /** The line boxes of the words the panel belongs to, in viewport coordinates now. */
  lines(): Rect[];
  /** The reader dragged from the end to the start: their eyes are at the first line. */
  backward: boolean;
}

/** Does the selection's focus come before its anchor (a drag from right to left, or upwards)? */
function isBackward(selection: Selection): boolean {
  const { anchorNode, focusNode } = selection;
  if (!anchorNode || !focusNode) return false;
  if (anchorNode === focusNode) return selection.focusOffset < selection.anchorOffset;
  return (anchorNode.compareDocumentPosition(focusNode) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
}

export function createHighlightUi(doc: Document, win: Window, highlights: PageHighlights): HighlightUi {
  const panel = createShadowHost(doc, HIGHLIGHT_UI_CSS, 'highlight-panel', uiDirection());
  const toastHost = createShadowHost(doc, HIGHLIGHT_UI_CSS, 'highlight-toast', uiDirection());
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  let editing: string | null = null;
  const listeners = new AbortController();
  const isOwnUi = (node: EventTarget | null) => node instanceof Node && (panel.contains(node) || toastHost.contains(node));

  /** What the open panel stands next to, read again as the page scrolls; null when closed. */
  let panelAnchor: PanelAnchor | null = null;
  const viewport = () => ({ width: win.innerWidth, height: win.innerHeight });
  const placePanel = () => {
    if (!panelAnchor) return;
    const lines = panelAnchor.lines();
    // Laid out out of sight first, so the anchor can be chosen for the panel's real size.
    if (!panel.visible) panel.show(-10000, -10000);
    const anchor = selectionAnchor(lines, panelAnchor.backward, panel.size(), viewport());
    if (anchor && isInViewport(anchor, viewport())) panel.showNear(anchor);
    // Scrolled out of view: the toolbar goes (a new selection brings it back); the editor,
    // which may hold a note being typed, stays where it was.
    else if (panelAnchor.kind === 'toolbar') hidePanel();
  };
  const showAt = (ui: VNode, anchor: PanelAnchor) => {
    render(ui, panel.mount);
    panelAnchor = anchor;
    panel.hide();
    placePanel();
  };
  const hidePanel = () => {
    editing = null;
    panelAnchor = null;
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
    // Shown (out of sight) before the render, so "Undo" can take the focus as it renders.
    toastHost.show(-10000, -10000);
    render(onUndo ? <UndoToast message={message} onUndo={onUndo} takeFocus={takeFocus} /> : <div class="toast" role="status">{message}</div>, toastHost.mount);
    const { width, height } = toastHost.size();
    // Bottom centre of the viewport, where no text the reader is looking at sits.
    toastHost.show((win.innerWidth - width) / 2, win.innerHeight - height - 24);
    toastTimer = setTimeout(hideToast, UNDO_MS);
  };
  const failed = (error: unknown) => {
    console.debug('[newsmark] highlight failed', error);
    toast(t('highlightFailed', error instanceof Error ? error.message : String(error)));
  };

  const create = (span: TextSpan, colour: HighlightColour): Promise<HighlightRecord> => {
    // Cleared now, not once the highlight is stored: by then the reader may have selected
    // the next passage, and clearing it would take its toolbar away.
    win.getSelection()?.removeAllRanges();
    return highlights.create(span, colour);
  };

  /** The reader's tags, asked for once per editor opened (new ones may come from any page). */
  let knownTags: readonly string[] = [];
  const openEditor = (id: string, fromKeyboard: boolean, focusTags = false) => {
    const record = highlights.record(id);
    const range = highlights.layer.rangeOf(id);
    if (!record || !range) return;
    editing = id;
    void sendMessage('listTags', {}).then((tags) => {
      knownTags = tags;
      const current = highlights.record(id);
      if (editing === id && current) draw(current);
    }, () => undefined);
    const draw = (current: HighlightRecord) =>
      showAt(
        <HighlightEditor
          key={current.id}
          value={{ colour: current.colour, note: current.note, tags: current.tags, quote: current.quote }}
          knownTags={knownTags}
          focusTags={focusTags}
          onColour={(colour) => void highlights.update(id, { colour }).then((r) => editing === id && draw(r), failed)}
          onSave={(changes) => void highlights.update(id, changes).then(hidePanel, failed)}
          onDelete={() => void remove(id, true)}
          onClose={hidePanel}
        />,
        { kind: 'editor', lines: () => [...(highlights.layer.rangeOf(id) ?? range).getClientRects()], backward: false },
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
    const range = selection.getRangeAt(0).cloneRange();
    const backward = isBackward(selection);
    showAt(
      <HighlightToolbar
        onColour={(colour) => {
          hidePanel();
          create(span, colour).catch(failed);
        }}
        onNote={() => {
          hidePanel();
          create(span, DEFAULT_COLOUR).then((record) => openEditor(record.id, true), failed);
        }}
        onTag={() => {
          hidePanel();
          create(span, DEFAULT_COLOUR).then((record) => openEditor(record.id, true, true), failed);
        }}
      />,
      { kind: 'toolbar', lines: () => [...range.getClientRects()], backward },
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
  let placeFrame = 0;
  const onScrollOrResize = () => {
    if (panelAnchor && !placeFrame) {
      placeFrame = win.requestAnimationFrame(() => {
        placeFrame = 0;
        placePanel();
      });
    }
  };
  const options = { signal: listeners.signal, capture: true, passive: true };
  // Any scrolling box, not only the window: articles inside scrolling containers move too.
  doc.addEventListener('scroll', onScrollOrResize, options);
  win.addEventListener('resize', onScrollOrResize, { signal: listeners.signal, passive: true });
  doc.addEventListener('mouseup', onPointerUp, options);
  doc.addEventListener('keyup', onKeyUp, options);
  doc.addEventListener('click', onClick, options);
  doc.addEventListener('selectionchange', onSelectionChange, { signal: listeners.signal });

  const handlers: HandlersOf<PageHighlightMessages> = {
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
      win.cancelAnimationFrame(placeFrame);
      clearTimeout(toastTimer);
      panel.destroy();
      toastHost.destroy();
    },
  };
}
