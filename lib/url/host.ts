/** Host names as the reader sees them: "www." is the same site. */

/** `host` without a leading "www." (in any case). */
export function withoutWww(host: string): string {
  return host.replace(/^www\./i, '');
}

/** The host name of `url` without "www.", or null when `url` is not an absolute URL. */
export function hostOf(url: string): string | null {
  try {
    return withoutWww(new URL(url).hostname);
  } catch {
    return null;
  }
}
