/**
 * A place for Newsmark's UI on a page: one element at the end of <html> (added when the UI
 * first opens) holding a closed
 * shadow root, so the page's CSS and scripts cannot restyle or read what the reader's
 * library knows (the card shows saved-article counts). Removing it leaves nothing behind.
 *
 * Pages with a strict CSP (`style-src 'none'`) block inline style attributes, so nothing
 * here uses one: the host is styled and positioned from inside its shadow root through a
 * stylesheet's CSSOM (see adoptStyles for how that sheet gets past the CSP).
 */
export interface ShadowHost {
  /** Where the UI renders. */
  mount: HTMLElement;
  host: HTMLElement;
  /** Positions the host (fixed, in viewport coordinates) and shows it. */
  show(left: number, top: number): void;
  hide(): void;
  readonly visible: boolean;
  /** Size of the rendered UI, for placement. */
  size(): { width: number; height: number };
  contains(node: Node | null): boolean;
  destroy(): void;
}

const HOST_TAG = 'newsmark-ui';
/** `!important` so that the page's own rules for our element cannot move or hide it. */
const HOST_RULE = ':host { all: initial !important; position: fixed !important; z-index: 2147483647 !important; display: none !important; left: 0; top: 0; }';

/** `kind` names the UI ("card", "toolbar"…) in an attribute, so tests and the page can tell hosts apart. */
export function createShadowHost(doc: Document, css: string, kind = 'panel'): ShadowHost {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-kind', kind);
  const shadow = host.attachShadow({ mode: 'closed' });
  const mount = doc.createElement('div');
  shadow.append(mount);
  const sheet = adoptStyles(doc, shadow, `${HOST_RULE}\n${css}`);
  // Read when needed: a <style> element has no sheet until the host is in the document.
  const hostStyle = () => (sheet()?.cssRules[0] as CSSStyleRule | undefined)?.style;
  let visible = false;
  const setDisplay = (value: 'block' | 'none') => hostStyle()?.setProperty('display', value, 'important');
  return {
    mount,
    host,
    show(left, top) {
      // Joined to the page only when first shown: pages where no UI opens get no element from us.
      if (!host.isConnected) doc.documentElement.append(host);
      hostStyle()?.setProperty('left', `${Math.round(left)}px`);
      hostStyle()?.setProperty('top', `${Math.round(top)}px`);
      setDisplay('block');
      visible = true;
    },
    hide() {
      setDisplay('none');
      visible = false;
    },
    get visible() {
      return visible;
    },
    size() {
      const rect = mount.getBoundingClientRect();
      return { width: rect.width, height: rect.height };
    },
    contains: (node) => node === host || (node !== null && shadow.contains(node)),
    destroy: () => host.remove(),
  };
}

/**
 * Styles the shadow root; returns how to reach the sheet (null until it applies). A constructed
 * stylesheet is not inline style, so a page's CSP does not apply to it (Chromium). Firefox
 * refuses sheets constructed in the content script's world; there a <style> element whose
 * text the content script sets is judged by the extension's CSP, not the page's
 * (bugzilla.mozilla.org/show_bug.cgi?id=1706787).
 */
function adoptStyles(doc: Document, shadow: ShadowRoot, css: string): () => CSSStyleSheet | null {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    if (shadow.adoptedStyleSheets.length === 1) return () => sheet;
  } catch {
    // Fall through to a <style> element.
  }
  const style = doc.createElement('style');
  style.textContent = '';
  style.textContent = css;
  shadow.prepend(style);
  return () => style.sheet;
}
