/**
 * Whether a page's address falls under host permission patterns (`https://*.ft.com/*`,
 * `http://*`-any-host, `<all_urls>`), as the browser matches them for web pages. Kept free of
 * imports: the first stage, which every granted page pays for, uses it.
 */
export function patternCovers(pattern: string, url: string): boolean {
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return false;
  }
  const scheme = page.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') return false;
  if (pattern === '<all_urls>') return true;
  const parts = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!parts) return false;
  if (parts[1] !== '*' && parts[1] !== scheme) return false;
  const host = parts[2]!.replace(/:\d+$/, '');
  if (host === '*') return true;
  if (host.startsWith('*.')) {
    const domain = host.slice(2);
    return page.hostname === domain || page.hostname.endsWith(`.${domain}`);
  }
  return page.hostname === host;
}

/** Whether any of `patterns` covers `url`. */
export function anyCovers(patterns: readonly string[], url: string): boolean {
  return patterns.some((pattern) => patternCovers(pattern, url));
}

/**
 * Whether a page must take its marks away after grants were removed: its site was among the
 * removed ones and no grant left covers it. A page marked at the reader's word on a site never
 * granted (activeTab) keeps its marks when some other site is removed.
 */
export function lostAccess(url: string, removed: readonly string[], stillGranted: readonly string[]): boolean {
  return anyCovers(removed, url) && !anyCovers(stillGranted, url);
}
