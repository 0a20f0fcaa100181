/**
 * The demo's sample article, and the same article in the layouts that have moved page UI
 * off screen: a transformed <html> (a fixed element's containing block), right-to-left text,
 * a fixed header with the highest z-index, and a story that starts far down a long page.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SAMPLE_ARTICLE = readFileSync(resolve('scripts/demo/sample-article.html'), 'utf8');

function withHead(html: string, extra: string): string {
  return html.replace('</head>', `${extra}</head>`);
}

export const ARTICLE_LAYOUTS: Record<string, string> = {
  '/article': SAMPLE_ARTICLE,
  '/transformed': withHead(SAMPLE_ARTICLE, '<style>html { transform: translateX(0); filter: saturate(1); } body { zoom: 1; }</style>'),
  '/rtl': SAMPLE_ARTICLE.replace(/<html([^>]*)>/, '<html$1 dir="rtl">'),
  '/fixed-header': SAMPLE_ARTICLE.replace(
    /<body([^>]*)>/,
    '<body$1><div style="position:fixed;top:0;left:0;right:0;height:64px;background:#123;z-index:2147483647">Masthead</div><div style="height:64px"></div>',
  ),
  '/long': SAMPLE_ARTICLE.replace(/<body([^>]*)>/, '<body$1><div style="height:2400px">Top of a long page</div>'),
};
