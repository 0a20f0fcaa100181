/**
 * Canonical URLs without the tracking parameters that campaigns, newsletters and share
 * buttons append: two links to the same story should compare equal.
 */

/** Query parameters that only say where a click came from (campaigns, newsletters, share buttons, ad clicks). */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gclsrc', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'mc_cid', 'mc_eid',
  '_ga', '_gl', 'mkt_tok', 'cmpid', 'cmp', 'ncid', 'ocid', 'smid', 'smtyp', 'mbid', 'guccounter', 'xtor', 'ito',
  'at_medium', 'at_campaign', 'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4', 's_cid', 'spm', 'wt_mc',
  'wt.mc_id', 'sr_share', 'trk', 'ref_src', 'ref_url', '__twitter_impression', 'share', 'sharetype', 'fb_ref',
  'fb_source', 'icid', 'intcid', 'itm_source', 'itm_medium', 'itm_campaign', 'ns_mchannel', 'ns_source', 'ns_campaign',
  'ns_linkname', 'ns_fee', 'utm',
]);
const TRACKING_PREFIXES = ['utm_', 'guce_', 'pk_', 'mtm_', 'hsa_', 'vero_', 'oly_'];

/** Whether a query parameter only tracks the click (article keys, article-key.ts, use the same list). */
export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * `href` resolved against `base`, as an absolute http(s) URL without tracking parameters or
 * fragment; null when it is not a usable http(s) URL.
 */
export function cleanUrl(href: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // forEach, not an iterator: Firefox content scripts see URLSearchParams through an Xray
  // wrapper whose keys() iterator is "not iterable".
  const names: string[] = [];
  url.searchParams.forEach((_value, name) => names.push(name));
  for (const name of names) if (isTrackingParam(name)) url.searchParams.delete(name);
  url.hash = '';
  return url.href.replace(/\?$/, '');
}
