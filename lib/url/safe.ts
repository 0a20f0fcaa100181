/**
 * Links the UI may follow. Imported files and pages can carry any text in a URL field
 * (`javascript:`, `data:`): only http(s) addresses become links; anything else is shown as text.
 */
import { hostOf } from './host';

/** The URL when it is an absolute http(s) address, else null. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The host name of an http(s) URL without "www.", or "" when it has none. */
export function siteOf(url: string): string {
  const safe = safeHttpUrl(url);
  return safe ? (hostOf(safe) ?? '') : '';
}
