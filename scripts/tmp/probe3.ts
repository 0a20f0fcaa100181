import { devHtml, goosePages } from '../corpus/dev-sets';
import { parseDocument } from '../analyze/parse';
const p = goosePages().find((p) => p.id === process.argv[2])!;
const doc = parseDocument(devHtml(p));
const ps = [...doc.querySelectorAll('p')];
console.log('p count', ps.length, 'body text', doc.body.textContent!.length);
for (const x of ps.slice(0, 10)) { const chain = []; for (let e: Element | null = x; e; e = e.parentElement) chain.push(e.tagName + (e.className ? '.' + e.className : '') + (e.hidden ? '[hidden]' : '') + (e.getAttribute('style') ? `[${e.getAttribute('style')}]` : '')); console.log(x.textContent!.length, chain.join(' < ').slice(0, 300)); }
