/**
 * Where the first stage runs: on the sites the reader granted, and nowhere else. The manifest
 * declares no content script; the background registers the first stage with
 * `scripting.registerContentScripts` for the granted origins, and keeps it in step whenever the
 * grants change (permissions.onAdded/onRemoved), the extension is installed or updated, or the
 * browser starts. Deciding the patterns is pure (`firstStageMatches`, `registrationStep`); the
 * browser calls are at the edge (`syncFirstStage`).
 */

/** The id the first stage is registered under. */
export const FIRST_STAGE_ID = 'first-stage';
/** The built first stage (an unlisted script named after entrypoints/first-stage.ts). */
export const FIRST_STAGE_FILE = 'first-stage.js';

/** Both schemes of every site: what "every site" asks for. */
export const ALL_SITES = ['http://*/*', 'https://*/*'] as const;

/**
 * Hosts the extension holds for its own services, not for marking: the ECB's rates (declared),
 * the three opt-in news searches (optional). A grant of one of them is not a site to mark.
 */
export const SERVICE_ORIGINS: readonly string[] = [
  'https://www.ecb.europa.eu/*',
  'https://news.google.com/*',
  'https://www.bing.com/*',
  'https://api.gdeltproject.org/*',
];

const SITE_PATTERN = /^(https?|\*):\/\/(\*|(?:\*\.)?[^/*:]+)(?::\d+)?\/.*$/;

/**
 * The content-script match patterns for the granted origins (`permissions.getAll().origins`):
 * web origins only, minus the service hosts; `<all_urls>` and the any-scheme all-hosts pattern
 * become both schemes of every site, and once every site is granted nothing narrower is kept. Sorted, once each: the
 * same grants always give the same list, so an unchanged registration is not rewritten.
 */
export function firstStageMatches(grantedOrigins: readonly string[]): string[] {
  const wanted = new Set<string>();
  for (const origin of grantedOrigins) {
    if (origin === '<all_urls>' || origin === '*://*/*') {
      ALL_SITES.forEach((pattern) => wanted.add(pattern));
      continue;
    }
    if (SERVICE_ORIGINS.includes(origin) || !SITE_PATTERN.test(origin)) continue;
    wanted.add(origin);
  }
  const every = (scheme: 'http' | 'https') => wanted.has(`${scheme}://*/*`);
  return [...wanted]
    .filter((pattern) => {
      if (ALL_SITES.includes(pattern as (typeof ALL_SITES)[number])) return true;
      const scheme = pattern.slice(0, pattern.indexOf(':'));
      if (scheme === '*') return !(every('http') && every('https'));
      return !every(scheme as 'http' | 'https');
    })
    .sort();
}

/** Whether the grants cover every web site (the reader chose "every site"). */
export function coversEverySite(matches: readonly string[]): boolean {
  return ALL_SITES.every((pattern) => matches.includes(pattern));
}

export type RegistrationStep =
  | { kind: 'none' }
  | { kind: 'register'; matches: string[] }
  | { kind: 'update'; matches: string[] }
  | { kind: 'unregister' };

/** What to do, given what is registered now (null: nothing) and the patterns wanted. */
export function registrationStep(registered: readonly string[] | null, wanted: readonly string[]): RegistrationStep {
  if (wanted.length === 0) return registered ? { kind: 'unregister' } : { kind: 'none' };
  if (!registered) return { kind: 'register', matches: [...wanted] };
  const same = registered.length === wanted.length && [...registered].sort().every((pattern, i) => pattern === wanted[i]);
  return same ? { kind: 'none' } : { kind: 'update', matches: [...wanted] };
}

/** The few `scripting` and `permissions` calls the sync makes (the same in both browsers' promise APIs). */
export interface RegistrationApi {
  getAllOrigins(): Promise<string[]>;
  getRegistered(): Promise<{ id: string; matches?: string[] }[]>;
  register(script: FirstStageScript): Promise<void>;
  update(script: FirstStageScript): Promise<void>;
  unregister(): Promise<void>;
}

export interface FirstStageScript {
  id: string;
  js: string[];
  matches: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
  allFrames: boolean;
}

export function firstStageScript(matches: string[]): FirstStageScript {
  return { id: FIRST_STAGE_ID, js: [FIRST_STAGE_FILE], matches, runAt: 'document_idle', persistAcrossSessions: true, allFrames: false };
}

/** Brings the first stage's registration in line with the grants; answers the patterns it now runs on. */
export async function syncFirstStage(api: RegistrationApi): Promise<string[]> {
  const wanted = firstStageMatches(await api.getAllOrigins());
  const current = (await api.getRegistered()).find((script) => script.id === FIRST_STAGE_ID);
  const step = registrationStep(current ? current.matches ?? [] : null, wanted);
  if (step.kind === 'register') await api.register(firstStageScript(step.matches));
  else if (step.kind === 'update') await api.update(firstStageScript(step.matches));
  else if (step.kind === 'unregister') await api.unregister();
  return wanted;
}

/** The grant pattern for the site of `url` (every path of its host, its own scheme), or null for a page that is not on the web. */
export function sitePatternOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return `${protocol}//${hostname}/*`;
  } catch {
    return null;
  }
}

/** The grant patterns for the sites of `urls`, once each (addresses that are not on the web left out). */
export function sitePatternsOf(urls: readonly string[]): string[] {
  return [...new Set(urls.map(sitePatternOf).filter((pattern): pattern is string => pattern !== null))];
}
