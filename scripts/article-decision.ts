/**
 * `node --import tsx scripts/article-decision.ts [--list]`: the article decision and body text on
 * the dev corpora, beside Readability's isProbablyReaderable on the same parsed pages.
 *
 * Each article set is also run in two rewritten forms, because a decision tuned on pages that
 * declare everything must hold on pages that declare nothing:
 * - "bare": no JSON-LD, no meta tags but the charset, no microdata and no `datetime` attributes;
 * - "value-meta": meta tags written `<meta value="…" name="og:type">`, as some archivers save them.
 * Non-article pages are run as saved only: taking claims away from them only helps them.
 * `--list` prints the pages each figure misses.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseHTML } from 'linkedom';
import { isProbablyReaderable } from '@mozilla/readability';
import { analyzeArticle } from '../lib/article/index';
import { matchPage, scorePages, type PageMatch } from './corpus/article-score';
import { aebPages, gzippedPages, readabilityCases, readHtml, OWN_NON_ARTICLES_DIR, SHARED_NON_ARTICLES_DIR } from '../tests/support/article-corpus';

type Variant = 'saved' | 'bare' | 'value-meta';
const list = process.argv.includes('--list');

function parse(html: string, variant: Variant): Document {
  const doc = parseHTML(html).document as unknown as Document;
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
  readerable: boolean;
  match?: PageMatch;
}

function run(name: string, html: string, variant: Variant, url?: string, truth?: string): Outcome {
  const doc = parse(html, variant);
  const analysis = analyzeArticle(doc, { url });
  const readerable = isProbablyReaderable(parse(html, variant), { visibilityChecker: visible });
  // Body text is scored whatever the decision: the decision has its own figure.
  const text = analysis.isArticle ? analysis.map.text : analyzeArticle(parse(html, variant), { url, skipGate: true }).map.text;
  return { name, ours: analysis.isArticle, readerable, match: truth === undefined ? undefined : matchPage(truth, text) };
}

function report(set: string, outcomes: Outcome[], want: boolean): void {
  const ours = outcomes.filter((o) => o.ours === want).length;
  const theirs = outcomes.filter((o) => o.readerable === want).length;
  const matches = outcomes.flatMap((o) => (o.match ? [o.match] : []));
  // Body F1 only where a body is expected: a non-article's "truth" is whatever Readability returned.
  const f1 = want && matches.length ? ` body F1 ${scorePages(matches).f1.toFixed(4)}` : '';
  console.log(`${set.padEnd(28)} ${want ? 'accepted' : 'rejected'} ${ours}/${outcomes.length}  isProbablyReaderable ${theirs}/${outcomes.length}${f1}`);
  if (list) for (const o of outcomes.filter((x) => x.ours !== want)) console.log(`    missed: ${o.name}`);
}

const aeb = aebPages().map((p) => ({ ...p, html: readHtml(p.file) }));
const readability = readabilityCases().map((c) => ({ ...c, html: readHtml(c.file), truth: htmlText(readFileSync(`${dirname(c.file)}/expected.html`, 'utf8')) }));
for (const variant of ['saved', 'bare', 'value-meta'] as Variant[]) {
  report(`aeb (${variant})`, aeb.map((p) => run(p.id, p.html, variant, p.url, p.truth)), true);
  const cases = readability.map((c) => ({ c, outcome: run(c.name, c.html, variant, undefined, c.truth) }));
  report(`readability:yes (${variant})`, cases.filter(({ c }) => c.expected.readerable).map(({ outcome }) => outcome), true);
  report(`readability:no (${variant})`, cases.filter(({ c }) => !c.expected.readerable).map(({ outcome }) => outcome), false);
}
for (const [set, dir] of [['non-articles:shared', SHARED_NON_ARTICLES_DIR], ['non-articles:own', OWN_NON_ARTICLES_DIR]] as const) {
  report(set, gzippedPages(dir).map((file) => run(basename(file), readHtml(file), 'saved')), false);
}

/** The text of an expected.html (Readability's output), one block a paragraph. */
function htmlText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return document.body.textContent ?? '';
}
