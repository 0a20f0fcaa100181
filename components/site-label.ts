import { withoutWww } from '@/lib/url/host';
import { siteOf } from '@/lib/url/safe';

/**
 * How a site is named to the reader: the name it gives itself (og:site_name, a JSON-LD
 * publisher; saved as an article's `publisher`), else its host without "www.", else the
 * address as it is. A name that is itself a host loses its "www." too.
 */
export function siteLabel(name: string | null | undefined, url = ''): string {
  const given = withoutWww(name?.trim() ?? '');
  return given || siteOf(url) || url;
}
