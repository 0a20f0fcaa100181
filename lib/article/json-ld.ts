/**
 * Reading schema.org JSON-LD as pages really write it: several scripts, arrays, `@graph`,
 * nested `mainEntity`, HTML comments or CDATA around the JSON, trailing commas and raw
 * newlines inside strings. What still does not parse is skipped, never thrown.
 */

export type LdNode = Record<string, unknown>;

/** schema.org types of one news, blog or analysis article. */
export const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'AnalysisNewsArticle', 'AskPublicNewsArticle', 'BackgroundNewsArticle',
  'OpinionNewsArticle', 'ReportageNewsArticle', 'ReviewNewsArticle', 'SatiricalArticle', 'BlogPosting',
  'LiveBlogPosting', 'Report', 'AdvertiserContentArticle', 'DiscussionForumPosting',
]);
/** schema.org types of pages that list, sell, play or document rather than tell (publisher and author nodes are not among them). */
export const NON_ARTICLE_TYPES = new Set([
  'CollectionPage', 'ItemList', 'SearchResultsPage', 'ProfilePage', 'Product', 'VideoObject', 'MusicGroup',
  'MusicRecording', 'Event', 'Recipe', 'JobPosting', 'SoftwareApplication', 'WebApplication', 'Movie', 'Book',
  'TechArticle', 'APIReference', 'FAQPage', 'QAPage', 'Course', 'Store', 'Offer', 'Car', 'Vehicle',
]);

/** Parses every JSON-LD script of the document into a flat list of typed nodes. */
export function readJsonLd(doc: Document): LdNode[] {
  const nodes: LdNode[] = [];
  for (const script of doc.querySelectorAll('script[type]')) {
    if (!/^\s*application\/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    const parsed = parseLenient(script.textContent ?? '');
    if (parsed !== undefined) collect(parsed, nodes, 0);
  }
  return nodes;
}

/** JSON.parse, then again after the repairs real pages need. */
export function parseLenient(source: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    const repaired = source
      .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
      .replace(/(?:-->|\/\/\s*]]>|]]>)\s*$/, '')
      .replace(/[\u0000-\u001f]+/g, ' ')
      .replace(/,\s*([}\]])/g, '$1')
      .trim();
    try {
      return JSON.parse(repaired);
    } catch {
      return undefined;
    }
  }
}

/** Deep enough for `@graph` → `mainEntity` → `author`; bounded against pathological nesting. */
const MAX_DEPTH = 4;

function collect(value: unknown, out: LdNode[], depth: number): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out, depth + 1);
    return;
  }
  const node = value as LdNode;
  if (node['@type'] !== undefined) out.push(node);
  if (node['@graph'] !== undefined) collect(node['@graph'], out, depth + 1);
  if (node.mainEntity !== undefined && typeof node.mainEntity === 'object') collect(node.mainEntity, out, depth + 1);
}

/** The node's types without schema.org prefixes. */
export function typesOf(node: LdNode): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^(?:https?:\/\/)?schema\.org\//, ''));
}

export function isArticleNode(node: LdNode): boolean {
  return typesOf(node).some((t) => ARTICLE_TYPES.has(t));
}

/** The article node that says most about the page (the one with a headline and the longest body). */
export function mainArticle(nodes: LdNode[]): LdNode | undefined {
  let best: LdNode | undefined;
  let bestWeight = -1;
  for (const node of nodes) {
    if (!isArticleNode(node)) continue;
    const weight = (text(node.headline) ? 2 : 0) + (text(node.datePublished) ? 1 : 0) + (text(node.articleBody)?.length ?? 0) / 1000;
    if (weight > bestWeight) {
      best = node;
      bestWeight = weight;
    }
  }
  return best;
}

/** A string field, or the first string of an array field, trimmed; undefined when empty. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return text(value[0]);
  return undefined;
}

/** Names of a person/organisation field: a string, an object with `name`, or an array of either. */
export function names(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap(names);
  if (value && typeof value === 'object') return names((value as LdNode).name);
  return [];
}
