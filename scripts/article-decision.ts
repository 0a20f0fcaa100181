/**
 * `node --import tsx scripts/article-decision.ts [--list] [--only aeb,readability,fundus,goose,non-articles] [--variant saved,bare,value-meta]`:
 * the article decision and body text on the dev corpora, beside Readability's
 * isProbablyReaderable and, for the body, Readability.parse() on the same parsed pages.
 * The fundus and goose sets are read from the dev corpora (scripts/corpus/fetch-dev-corpora.ts) when fetched;
 * goose has no whole body, only its start: its pages are scored on whether the body holds it.
 *
 * Each article set is also run in two rewritten forms, because a decision tuned on pages that
 * declare everything must hold on pages that declare nothing:
 * - "bare": no JSON-LD, no meta tags but the charset, no microdata and no `datetime` attributes;
 * - "value-meta": meta tags written `<meta value="…" name="og:type">`, as some archivers save them.
 * Non-article pages are run as saved only: taking claims away from them only helps them.
 * `--list` prints the pages each figure misses; `--per-page FILE` writes every page's decision and
 * body F1 as JSON lines, so that two versions of the pipeline can be compared page by page.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { analyzeArticle } from '../lib/article/index';
import { matchPage, scorePages, type PageMatch } from './corpus/article-score';
import { devHtml, fundusPages, goosePages } from './corpus/dev-sets';
import { parseDocument } from './analyze/parse';
import { aebPages, gzippedPages, readabilityCases, readHtml, OWN_NON_ARTICLES_DIR, SHARED_NON_ARTICLES_DIR } from '../tests/support/article-corpus';

type Variant = 'saved' | 'bare' | 'value-meta';
const list = process.argv.includes('--list');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1]!.split(',')) : null;
const wanted = (set: string) => !only || only.has(set);
const variantAt = process.argv.indexOf('--variant');
const perPageAt = process.argv.indexOf('--per-page');
const perPage = perPageAt >= 0 ? process.argv[perPageAt + 1]! : null;
if (perPage) writeFileSync(perPage, '');
const variants = (variantAt >= 0 ? process.argv[variantAt + 1]!.split(',') : ['saved', 'bare', 'value-meta']) as Variant[];

function parse(html: string, variant: Variant): Document {
  const doc = parseDocument(html);
  if (variant === 'bare') {
    for (const el of doc.querySelectorAll('script[type*="ld+json" i], meta[content]')) el.remove();
    for (const el of doc.querySelectorAll('[itemtype], [itemprop], [itemscope], [datetime]')) {
      for (const name of ['itemtype', 'itemprop', 'itemscope', 'datetime']) el.removeAttribute(name);
    }
  } else if (variant === 'value-meta') {
    for (const el of doc.querySelectorAll('meta[content]')) {
      const key = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
      if (!key) continue;
      el.setAttribute('value', el.getAttribute('content')!);
      el.removeAttribute('content');
      el.removeAttribute('property');
      el.setAttribute('name', key);
    }
  }
  return doc;
}

/** Readability's own visibility check reads `style.display`, which linkedom may not provide: attributes only. */
const visible = (node: Node) => !(node as Element).hasAttribute('hidden') && !/display\s*:\s*none/i.test((node as Element).getAttribute('style') ?? '');

interface Outcome {
  name: string;
  ours: boolean;
  /** Why the pipeline decided as it did (detection signals, or the gate's). */
  signals: string[];
  readerable: boolean;
  /** Our body text, taken whatever the decision. */
  text: string;
  match?: PageMatch;
  /** Readability.parse()'s body against the same truth, where asked for. */
  readabilityMatch?: PageMatch;
}

function run(name: string, html: string, variant: Variant, url?: string, truth?: string, againstReadability = false): Outcome {
  const doc = parse(html, variant);
  const analysis = analyzeArticle(doc, { url });
  const readerable = isProbablyReaderable(parse(html, variant), { visibilityChecker: visible });
  // Body text is scored whatever the decision: the decision has its own figure.
  const text = analysis.isArticle ? analysis.map.text : analyzeArticle(parse(html, variant), { url, skipGate: true }).map.text;
  const outcome: Outcome = { name, ours: analysis.isArticle, signals: analysis.signals, readerable, text, match: truth === undefined ? undefined : matchPage(truth, text) };
  if (againstReadability && truth !== undefined) outcome.readabilityMatch = matchPage(truth, readabilityText(html, variant));
  return outcome;
}

/** Readability's body text as its README calls it, one block a paragraph. */
function readabilityText(html: string, variant: Variant): string {
  try {
    const article = new Readability(parse(html, variant)).parse();
    if (!article?.content) return '';
    return htmlText(article.content);
  } catch {
    return '';
  }
}

/** One page's body F1. */
const f1Of = (m: PageMatch) => (2 * m.tp) / (2 * m.tp + m.fp + m.fn || 1);

function report(set: string, outcomes: Outcome[], want: boolean): void {
  const ours = outcomes.filter((o) => o.ours === want).length;
  const theirs = outcomes.filter((o) => o.readerable === want).length;
  const matches = outcomes.flatMap((o) => (o.match ? [o.match] : []));
  // Body F1 only where a body is expected: a non-article's "truth" is whatever Readability returned.
  const score = scorePages(matches);
  const f1 = want && matches.length ? ` body F1 ${score.f1.toFixed(4)} (P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)})` : '';
  const theirMatches = outcomes.flatMap((o) => (o.readabilityMatch ? [o.readabilityMatch] : []));
  const theirScore = scorePages(theirMatches);
  const theirF1 = theirMatches.length ? `  Readability.parse F1 ${theirScore.f1.toFixed(4)} (P ${theirScore.precision.toFixed(3)} R ${theirScore.recall.toFixed(3)})` : '';
  if (perPage) {
    appendFileSync(perPage, outcomes.map((o) => `${JSON.stringify({ set, page: o.name, right: o.ours === want, f1: o.match ? Number(f1Of(o.match).toFixed(4)) : null })}\n`).join(''));
  }
  console.log(`${set.padEnd(28)} ${want ? 'accepted' : 'rejected'} ${ours}/${outcomes.length}  isProbablyReaderable ${theirs}/${outcomes.length}${f1}${theirF1}`);
  if (list) for (const o of outcomes.filter((x) => x.ours !== want)) console.log(`    missed: ${o.name} [${o.signals.join(' ')}]`);
  if (list && want) {
    const worst = outcomes.filter((o) => o.match).sort((a, b) => f1Of(a.match!) - f1Of(b.match!)).slice(0, 25);
    for (const o of worst) console.log(`    F1 ${f1Of(o.match!).toFixed(2)} P ${(o.match!.tp / (o.match!.tp + o.match!.fp || 1)).toFixed(2)} R ${(o.match!.tp / (o.match!.tp + o.match!.fn || 1)).toFixed(2)}${o.readabilityMatch ? ` (Readability ${f1Of(o.readabilityMatch).toFixed(2)})` : ''}: ${o.name}`);
  }
}

const aeb = wanted('aeb') ? aebPages().map((p) => ({ ...p, html: readHtml(p.file) })) : [];
const readability = wanted('readability') ? readabilityCases().map((c) => ({ ...c, html: readHtml(c.file), truth: htmlText(readFileSync(`${dirname(c.file)}/expected.html`, 'utf8')) })) : [];
const fundus = wanted('fundus') ? fundusPages().map((p) => ({ ...p, html: devHtml(p) })) : [];
const goose = wanted('goose') ? goosePages().map((p) => ({ ...p, html: devHtml(p) })) : [];
for (const variant of variants) {
  // Readability.parse is scored on the pages as saved: it reads no claims for the body.
  const compare = variant === 'saved';
  if (aeb.length) report(`aeb (${variant})`, aeb.map((p) => run(p.id, p.html, variant, p.url, p.truth, compare)), true);
  if (fundus.length) report(`fundus (${variant})`, fundus.map((p) => run(p.id, p.html, variant, p.url, p.truth, compare)), true);
  if (goose.length) {
    reportLeads(`goose (${variant})`, goose.map((p) => {
      const outcome = run(p.id, p.html, variant, p.url);
      return { ...outcome, ...leadFound(p.lead, outcome.text, readabilityText(p.html, variant)) };
    }));
  }
  if (!readability.length) continue;
  // Readability's expected.html is its own output: its F1 there is 1 by construction, so it is not scored.
  const cases = readability.map((c) => ({ c, outcome: run(c.name, c.html, variant, undefined, c.truth) }));
  report(`readability:yes (${variant})`, cases.filter(({ c }) => c.expected.readerable).map(({ outcome }) => outcome), true);
  report(`readability:no (${variant})`, cases.filter(({ c }) => !c.expected.readerable).map(({ outcome }) => outcome), false);
}
if (wanted('non-articles')) {
  for (const [set, dir] of [['non-articles:shared', SHARED_NON_ARTICLES_DIR], ['non-articles:own', OWN_NON_ARTICLES_DIR]] as const) {
    report(set, gzippedPages(dir).map((file) => run(basename(file), readHtml(file), 'saved')), false);
  }
}

/** Whether our body and Readability's hold the lead's words in order. */
function leadFound(lead: string, ours: string, readability: string): { oursHolds: boolean; readabilityHolds: boolean } {
  const words = (text: string) => text.toLowerCase().split(/[\s\p{P}]+/u).filter(Boolean).join(' ');
  // goose's expected starts are cut anywhere, mid-word included: the last word is left out.
  const wanted = words(lead).split(' ').slice(0, -1).slice(0, 30).join(' ');
  return { oursHolds: words(ours).includes(wanted), readabilityHolds: words(readability).includes(wanted) };
}

function reportLeads(set: string, outcomes: Array<Outcome & { oursHolds: boolean; readabilityHolds: boolean }>): void {
  report(set, outcomes, true);
  const ours = outcomes.filter((o) => o.oursHolds).length;
  const theirs = outcomes.filter((o) => o.readabilityHolds).length;
  console.log(`${''.padEnd(28)} body holds the lead ${ours}/${outcomes.length}  Readability.parse ${theirs}/${outcomes.length}`);
  if (list) for (const o of outcomes.filter((x) => !x.oursHolds)) console.log(`    lead missing: ${o.name}${o.readabilityHolds ? ' (Readability has it)' : ''}`);
}

/** The text of an expected.html (Readability's output), one block a paragraph. */
function htmlText(html: string): string {
  return blockText(parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body as unknown as Element);
}

/** Text of an element with a line between blocks, so that words of adjacent paragraphs do not run together. */
function blockText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) parts.push((node as Text).data);
    else if (node.nodeType === 1) {
      const block = /^(?:p|div|li|h[1-6]|blockquote|pre|tr|td|th|section|article|figure|figcaption|ul|ol|dd|dt|br)$/i.test((node as Element).localName);
      if (block) parts.push('\n');
      for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
      if (block) parts.push('\n');
    }
  };
  walk(root);
  return parts.join('');
}
