import { beforeEach, describe, expect, it } from 'vitest';
import { analyzeArticle, type TextMap } from '@/lib/article';
import { selectedSpan, trimSpan } from '@/lib/highlights/selection';
import { articleHtml, loadPage, PARAGRAPHS } from './support';

let doc: Document;
let map: TextMap;

beforeEach(() => {
  doc = loadPage(articleHtml());
  const analysis = analyzeArticle(doc);
  expect(analysis.root).toBe(doc.getElementById('body'));
  map = analysis.map;
});

function select(start: [Node, number], end: [Node, number]): Selection {
  const range = doc.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  const selection = doc.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

const textOf = (id: string, index = 0): Text => doc.querySelectorAll(`#${id} p`)[index]!.firstChild as Text;
const spanText = (span: { start: number; end: number } | null) => (span ? map.text.slice(span.start, span.end) : null);

describe('selectedSpan', () => {
  it('maps a selection inside the article to its text span', () => {
    const node = textOf('body', 1);
    const from = node.data.indexOf('sales in Europe');
    const span = selectedSpan(doc, map, select([node, from], [node, from + 'sales in Europe'.length]));
    expect(spanText(span)).toBe('sales in Europe');
  });

  it('clips a selection that starts in the navigation to the article text', () => {
    const nav = doc.getElementById('nav')!.firstChild!.firstChild!;
    const node = textOf('body', 0);
    const span = selectedSpan(doc, map, select([nav, 1], [node, 'Shares of Acme'.length]));
    expect(spanText(span)).toBe('Shares of Acme');
  });

  it('clips a selection of the whole page to the whole article', () => {
    const selection = doc.getSelection()!;
    selection.selectAllChildren(doc.body);
    expect(spanText(selectedSpan(doc, map, selection))).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('gives nothing for a selection outside the article, collapsed, blank or absent', () => {
    const footer = textOf('footer');
    expect(selectedSpan(doc, map, select([footer, 0], [footer, 10]))).toBeNull();
    const node = textOf('body', 2);
    expect(selectedSpan(doc, map, select([node, 5], [node, 5]))).toBeNull();
    const space = node.data.indexOf(' ');
    expect(selectedSpan(doc, map, select([node, space], [node, space + 1]))).toBeNull();
    expect(selectedSpan(doc, map, null)).toBeNull();
  });

  it('ignores selections in a shadow root or in another document (an iframe)', () => {
    const host = doc.createElement('div');
    doc.getElementById('body')!.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(doc.createTextNode('text inside a widget'));
    const inShadow = doc.createRange();
    inShadow.setStart(shadow.firstChild!, 0);
    inShadow.setEnd(shadow.firstChild!, 4);
    const frameDoc = doc.implementation.createHTMLDocument('frame');
    frameDoc.body.append(frameDoc.createTextNode(PARAGRAPHS[0]!));
    const inFrame = frameDoc.createRange();
    inFrame.selectNodeContents(frameDoc.body);
    for (const range of [inShadow, inFrame]) {
      const selection = { rangeCount: 1, isCollapsed: false, getRangeAt: () => range } as unknown as Selection;
      expect(selectedSpan(doc, map, selection)).toBeNull();
    }
  });
});

describe('trimSpan', () => {
  it('drops whitespace at the edges and nothing else', () => {
    expect(trimSpan('  ab c \n', { start: 0, end: 8 })).toEqual({ start: 2, end: 6 });
    expect(trimSpan(' \n ', { start: 0, end: 3 })).toBeNull();
  });
});
