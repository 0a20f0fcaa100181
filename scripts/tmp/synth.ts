import { parseDocument } from '../analyze/parse';
import { analyzeArticle } from '../../lib/article/index';
const s = ['The central bank raised its benchmark rate by a quarter point on Wednesday, the third increase this year.', 'Officials said the labour market remained strong and that inflation was moving back toward their goal.', 'Several members of the committee had argued for a pause, citing weaker investment and slowing trade.', 'Markets had expected the move, and shares rose modestly in afternoon trading after the announcement.'];
const story = Array.from({ length: 8 }, (_, i) => `<p>${s[i % 4]} ${s[(i + 1) % 4]}</p>`).join('');
const nav = '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>';
const cases: Record<string, string> = {
  unclosedLink: `<html><head><title>Fed raises rates again this year</title></head><body><div class="logo"><a href="/"><img src="logo.png"></div><div class="page"><h1>Fed raises rates again this year</h1><div class="body">${story}</div></div></body></html>`,
  aspnetForm: `<html><head><title>Fed raises rates again this year</title></head><body><form id="aspnetForm" action="/x.aspx">${nav}<div class="page"><h1>Fed raises rates again this year</h1><div class="body">${story}</div></div></form></body></html>`,
  headerWrapped: `<html><head><title>Fed raises rates again this year</title></head><body><header class="site">${nav}<div class="page"><h1>Fed raises rates again this year</h1><div class="body">${story}</div></div></header></body></html>`,
  tableBr: `<html><head><title>Fed raises rates again this year</title></head><body><table><tr><td>${nav}</td><td><h1>Fed raises rates again this year</h1>${s.concat(s).map((x) => x + ' ' + x).join('<br><br>')}</td></tr></table></body></html>`,
  divsOnly: `<html><head><title>Fed raises rates again this year</title></head><body>${nav}<div class="page"><h1>Fed raises rates again this year</h1>${s.concat(s).map((x) => `<div>${x} ${x}</div>`).join('')}</div></body></html>`,
  labelWrapped: `<html><head><title>Fed raises rates again this year</title></head><body>${nav}<main><label><div class="page"><h1>Fed raises rates again this year</h1>${story}</div></label></main></body></html>`,
};
for (const [name, html] of Object.entries(cases)) {
  const a = analyzeArticle(parseDocument(html), { skipGate: true });
  console.log(name.padEnd(14), a.isArticle, a.map.text.length, a.signals.join(' '));
}
