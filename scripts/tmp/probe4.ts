import { devHtml, goosePages } from '../corpus/dev-sets';
import { parseDocument } from '../analyze/parse';
const p = goosePages().find((p) => p.id === process.argv[2])!;
const doc = parseDocument(devHtml(p));
const a = doc.body.querySelector(':scope > a');
console.log(a?.outerHTML.slice(0, 200));
