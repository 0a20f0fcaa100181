import { devHtml, fundusPages } from '../corpus/dev-sets';
import { parseDocument } from '../analyze/parse';
const p = fundusPages().find((p) => p.id.startsWith(process.argv[2]!))!;
const doc = parseDocument(devHtml(p));
const needle = process.argv[3]!;
const walker = doc.createTreeWalker(doc.body, 4);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  if ((n as Text).data.includes(needle)) {
    const chain = []; for (let e: Element | null = n.parentElement; e; e = e.parentElement) chain.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(/\s+/).join('.') : '') + (e.hidden ? '[hidden]' : '') + (e.getAttribute('style') ? `[${e.getAttribute('style')}]` : ''));
    console.log(chain.join(' < '));
    let up = n.parentElement!; for (let i = 0; i < Number(process.argv[4] ?? 2); i++) up = up.parentElement!;
    console.log(up.outerHTML.slice(0, Number(process.argv[5] ?? 1500)));
  }
}
