/**
 * What a reader types into "Sites where Newsmark is off", read as the site it names: a full
 * address (`https://www.example-news.com/2019/story`), a host with a path
 * (`www.example-news.com/2019/`), a wildcard (`*.foo.com`) or a bare domain all name the host,
 * without "www." and without a leading "*." (the site list matches subdomains anyway). Anything
 * else is refused with the reason, in words the options page shows next to the field.
 */
import { withoutWww } from '../url/host';

export type SiteParse = { ok: true; site: string } | { ok: false; reason: SiteRefusal };

/** Why an entry is not a site: a key of `_locales` (`offSiteBad_<reason>`). */
export type SiteRefusal = 'spaces' | 'scheme' | 'characters' | 'noDot' | 'label' | 'tooLong';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** A top-level domain: letters, or an internationalised one in its xn-- form. */
const TLD = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** The site one entry names, or why it names none. */
export function parseSite(input: string): SiteParse {
  let text = input.trim();
  if (/\s/.test(text)) return { ok: false, reason: 'spaces' };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme && !/^https?$/i.test(scheme[1]!)) return { ok: false, reason: 'scheme' };
  if (!scheme) {
    if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) return { ok: false, reason: 'scheme' };
    text = `http://${text.replace(/^\*\./, '').replace(/^\/\//, '')}`;
  }
  let host: string;
  try {
    const url = new URL(text);
    if (url.username || url.password) return { ok: false, reason: 'characters' };
    host = url.hostname;
  } catch {
    return { ok: false, reason: 'characters' };
  }
  host = withoutWww(host.toLowerCase().replace(/\.$/, '').replace(/^\*\./, ''));
  // A machine of the reader's own (a local server, a router) is a site too.
  if (host === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return { ok: true, site: host };
  if (host.length > 253) return { ok: false, reason: 'tooLong' };
  if (!/^[a-z0-9.-]+$/.test(host)) return { ok: false, reason: 'characters' };
  const labels = host.split('.');
  if (labels.length < 2) return { ok: false, reason: 'noDot' };
  if (!labels.every((l) => LABEL.test(l)) || !TLD.test(labels[labels.length - 1]!)) return { ok: false, reason: 'label' };
  return { ok: true, site: host };
}

export interface SiteListParse {
  /** The sites named, each once, in the order typed. */
  sites: string[];
  /** The entries that name no site, as typed, with why. */
  refused: { entry: string; reason: SiteRefusal }[];
}

/** The site list a reader typed: one entry a line (commas also separate entries). */
export function parseSiteList(text: string): SiteListParse {
  const sites: string[] = [];
  const refused: SiteListParse['refused'] = [];
  for (const entry of text.split(/[\n,]+/).map((e) => e.trim()).filter(Boolean)) {
    const parsed = parseSite(entry);
    if (!parsed.ok) refused.push({ entry, reason: parsed.reason });
    else if (!sites.includes(parsed.site)) sites.push(parsed.site);
  }
  return { sites, refused };
}
