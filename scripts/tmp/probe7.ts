import { devHtml, fundusPages } from '../corpus/dev-sets';
import { aebPages, readHtml } from '../../tests/support/article-corpus';
import { parseDocument } from '../analyze/parse';
const id = process.argv[2]!;
const p = [...fundusPages().map((p) => ({ id: p.id, html: () => devHtml(p) })), ...aebPages().map((p) => ({ id: p.id, html: () => readHtml(p.file) }))].find((p) => p.id.startsWith(id))!;
const doc = parseDocument(p.html());
for (const x of [...doc.querySelectorAll('p')].slice(0, Number(process.argv[3] ?? 8))) { const chain = []; for (let e: Element | null = x.parentElement; e; e = e.parentElement) chain.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(/\s+/).join('.') : '') + (e.hidden ? '[hidden]' : '') + (e.getAttribute('style') ? `[${e.getAttribute('style')}]` : '')); console.log(x.textContent!.trim().length, JSON.stringify(x.textContent!.trim().slice(0, 50)), chain.join(' < ').slice(0, 400)); }
