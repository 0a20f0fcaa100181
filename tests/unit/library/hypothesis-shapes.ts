/**
 * Hypothesis's annotations in the shapes it gives them, from the rows of its API (see
 * hypothesis-client/SOURCE.md): the client's JSON export, and the server's JSON-LD, written as
 * hypothesis/h's AnnotationJSONLDPresenter writes it (its RangeSelectors of XPaths rewritten as
 * XPathSelectors refined by element offsets, `modified` from `updated`, the text a Markdown body
 * even when empty, each tag a tagging body).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Selector = Record<string, unknown> & { type?: string };
export interface HypothesisRow {
  id: string;
  created: string;
  updated: string;
  user: string;
  uri: string;
  text: string;
  tags: string[];
  document?: { title?: string | string[] };
  references?: string[];
  target: { source?: string; selector?: Selector[] }[];
}

export function apiBaseline(): { total: number; rows: HypothesisRow[] } {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'hypothesis-client', 'wikipedia-regression-testing.json'), 'utf8')) as { total: number; rows: HypothesisRow[] };
}

/** `AnnotationsExporter.buildJSONExportContent`: the rows as the API gave them, with who exported them and when. */
export function clientExport(rows: HypothesisRow[], userid = 'acct:mark@localhost') {
  return { export_date: '2026-01-02T03:04:05.000Z', export_userid: userid, client_version: '1.1500.0', annotations: rows };
}

/** `utc_iso8601`: microseconds and "+00:00", as the API writes its dates. */
function utcIso8601(date: string): string {
  const [, head, micro = ''] = /^(.{19})(?:\.(\d+))?/.exec(date) ?? [];
  return `${head}.${micro.padEnd(6, '0').slice(0, 6)}+00:00`;
}

export function jsonLd(row: HypothesisRow) {
  const selectors = (row.target[0]?.selector ?? []).flatMap((s) => {
    if (!s.type) return [];
    if (s.type !== 'RangeSelector') return [s];
    const converted = convertRangeSelector(s);
    return converted ? [converted] : [];
  });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: `https://hypothes.is/a/${row.id}`,
    created: utcIso8601(row.created),
    modified: utcIso8601(row.updated),
    creator: row.user,
    body: [
      { type: 'TextualBody', value: row.text || '', format: 'text/markdown' },
      ...row.tags.map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' })),
    ],
    target: [{ source: row.uri, ...(selectors.length ? { selector: selectors } : {}) }],
  };
}

function convertRangeSelector(s: Selector): Selector | null {
  if (!('startContainer' in s && 'startOffset' in s && 'endContainer' in s && 'endOffset' in s)) return null;
  const point = (container: unknown, offset: unknown) => ({ type: 'XPathSelector', value: container, refinedBy: { type: 'TextPositionSelector', start: offset, end: offset } });
  if (s.startContainer === s.endContainer) {
    return { type: 'XPathSelector', value: s.startContainer, refinedBy: { type: 'TextPositionSelector', start: s.startOffset, end: s.endOffset } };
  }
  return { type: 'RangeSelector', startSelector: point(s.startContainer, s.startOffset), endSelector: point(s.endContainer, s.endOffset) };
}
