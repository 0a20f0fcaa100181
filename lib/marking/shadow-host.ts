/**
 * A place for Newsmark's UI on a page: one element at the end of <html> holding a closed
 * shadow root, so the page's CSS and scripts cannot restyle or read what the reader's
 * library knows (the card shows saved-article counts). Removing it leaves nothing behind.
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

export function createShadowHost(doc: Document, css: string): ShadowHost {
  const host = doc.createElement(HOST_TAG);
  host.style.cssText = 'all: initial; position: fixed; z-index: 2147483647; left: 0; top: 0; display: none;';
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  doc.documentElement.append(host);
  let visible = false;
  return {
    mount,
    host,
    show(left, top) {
      host.style.left = `${Math.round(left)}px`;
      host.style.top = `${Math.round(top)}px`;
      host.style.display = 'block';
      visible = true;
    },
    hide() {
      host.style.display = 'none';
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
