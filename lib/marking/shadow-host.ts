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
import { placeCard, type Rect } from './card-placement';

export interface ShadowHost {
  /** Where the UI renders. */
  mount: HTMLElement;
  host: HTMLElement;
  /** Shows the host with its top-left corner at this viewport point. */
  show(left: number, top: number): void;
  /** Shows the host next to `anchor` (viewport coordinates), never over it, inside the viewport. */
  showNear(anchor: Rect): void;
  hide(): void;
  readonly visible: boolean;
  /** Size of the rendered UI, for placement. */
  size(): { width: number; height: number };
  contains(node: Node | null): boolean;
  destroy(): void;
}

const HOST_TAG = 'newsmark-ui';
/**
 * Two rules, and the order matters. The first resets everything the page could set on our
 * element. The second places it, and is the one `show` edits: `all` also resets the logical
 * insets (`inset-inline-start`…), which share a value with `left`/`top`, and whichever of a
 * pair is declared later wins. Edited inside the reset's own rule, `left` kept losing to the
 * reset's `inset-inline-start: initial`, and every card sat at the page's end, off screen.
 * `!important` inside a shadow root's `:host` beats even the page's `!important`.
 */
const RESET_RULE = ':host { all: initial !important; }';
const PLACE_RULE =
  ':host { position: fixed !important; z-index: 2147483647 !important; display: none !important; left: 0px !important; top: 0px !important; margin: 0px !important; }';

/**
 * `kind` names the UI ("card", "toolbar"…) in an attribute, so tests and the page can tell
 * hosts apart. `dir` is the direction of the UI's language: `all: initial` does not reset
 * `direction`, so without it an English card on a right-to-left page was laid out right to left.
 */
export function createShadowHost(doc: Document, css: string, kind = 'panel', dir: 'ltr' | 'rtl' = 'ltr'): ShadowHost {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-kind', kind);
  const topLayer = supportsTopLayer(host);
  // The top layer (a manual popover) lays the UI over everything, page dialogs and
  // max-z-index headers included, and positions it against the viewport even when the page
  // transforms or filters <html>, which would otherwise become a fixed element's containing block.
  if (topLayer) host.setAttribute('popover', 'manual');
  const shadow = host.attachShadow({ mode: 'closed' });
  const mount = doc.createElement('div');
  mount.setAttribute('dir', dir);
  shadow.append(mount);
  const sheet = adoptStyles(doc, shadow, `${RESET_RULE}\n${PLACE_RULE}\n${css}`);
  // Read when needed: a <style> element has no sheet until the host is in the document.
  const placeStyle = () => (sheet()?.cssRules[1] as CSSStyleRule | undefined)?.style;
  let visible = false;

  const setPosition = (left: number, top: number) => {
    placeStyle()?.setProperty('left', `${Math.round(left)}px`, 'important');
    placeStyle()?.setProperty('top', `${Math.round(top)}px`, 'important');
  };
  const show = (left: number, top: number) => {
    // Joined to the page only when first shown: pages where no UI opens get no element from us.
    if (!host.isConnected) doc.documentElement.append(host);
    setPosition(left, top);
    placeStyle()?.setProperty('display', 'block', 'important');
    if (topLayer && !isOpenPopover(host)) {
      try {
        host.showPopover();
      } catch {
        // Another script closed or moved it meanwhile: it still shows as a fixed element.
      }
    }
    visible = true;
    // Where the page still offsets fixed elements (a transformed <html> without the top
    // layer), measure where the host landed and move it by the difference.
    const landed = host.getBoundingClientRect();
    const dx = Math.round(left) - landed.left;
    const dy = Math.round(top) - landed.top;
    if (Math.abs(dx) > 1 || Math.abs(dy) > 1) setPosition(left + dx, top + dy);
  };
  const size = () => {
    const rect = mount.getBoundingClientRect();
    return { width: rect.width, height: rect.height };
  };
  const win = doc.defaultView;

  return {
    mount,
    host,
    show,
    showNear(anchor) {
      // Laid out out of sight first, so the placement knows the UI's real size.
      show(-10000, -10000);
      const viewport = { width: win?.innerWidth ?? 0, height: win?.innerHeight ?? 0 };
      const rtl = win ? win.getComputedStyle(doc.documentElement).direction === 'rtl' : false;
      const place = placeCard(anchor, size(), viewport, { rtl });
      show(place.left, place.top);
    },
    hide() {
      placeStyle()?.setProperty('display', 'none', 'important');
      if (topLayer && isOpenPopover(host)) host.hidePopover();
      visible = false;
    },
    get visible() {
      return visible;
    },
    size,
    contains: (node) => node === host || (node !== null && shadow.contains(node)),
    destroy: () => host.remove(),
  };
}

function supportsTopLayer(element: HTMLElement): boolean {
  return typeof element.showPopover === 'function' && typeof element.hidePopover === 'function';
}

function isOpenPopover(element: HTMLElement): boolean {
  try {
    return element.matches(':popover-open');
  } catch {
    return false;
  }
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
