import { parseDocument } from '../analyze/parse';
import { analyzeArticle } from '../../lib/article/index';
const s = ['The central bank raised its benchmark rate by a quarter point on Wednesday, the third increase this year.', 'Officials said the labour market remained strong and that inflation was moving back toward their goal.', 'Several members of the committee had argued for a pause, citing weaker investment and slowing trade.', 'Markets had expected the move, and shares rose modestly in afternoon trading after the announcement.'];
const wrap = (inner: string) => `<html><head><title>Fed raises rates again this year</title></head><body><div class="page"><h1>Fed raises rates again this year</h1><div class="body">${Array.from({ length: 6 }, (_, i) => `<p>${s[i % 4]} ${s[(i + 1) % 4]}</p>`).join('')}<p>${inner}</p></div></div></body></html>`;
const inners = [
  'Shares of <span class="related-tag">Boeing</span> fell 3 percent in early trading on the news today.',
  'Shares of <a id="auto-tag_boeing_1" href="/t/boeing">Boeing</a> fell 3 percent in early trading on the news today.',
  'Shares of <span class="sponsored-link">Boeing</span> fell 3 percent in early trading on the news today.',
  'Shares of <em class="share">Boeing</em> fell 3 percent in early trading on the news today.',
  'Shares of <span class="ad-keyword">Boeing</span> fell 3 percent in early trading on the news today.',
  'Shares of <span class="comment">Boeing</span> fell 3 percent in early trading on the news today.',
  'Shares of <strong class="hidden-mobile">Boeing</strong> fell 3 percent in early trading on the news today.',
  'Shares of <span class="social">Boeing</span> fell 3 percent in early trading on the news today.',
  'Shares of <span class="promo">Boeing</span> fell 3 percent in early trading on the news today.',
];
for (const inner of inners) {
  const a = analyzeArticle(parseDocument(wrap(inner)), { skipGate: true });
  console.log(a.map.text.includes('Shares of Boeing fell') ? 'ok  ' : 'LOST', inner.slice(10, 60), '→', JSON.stringify(a.map.text.slice(a.map.text.lastIndexOf('Shares'), a.map.text.lastIndexOf('Shares') + 30)));
}
