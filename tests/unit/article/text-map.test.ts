import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextMapBuilder, offsetsFromRange, rangeFromOffsets, type TextMap } from '@/lib/article/text-map';

/** The test window's own document with `html` as its body (happy-dom's Range works within it). */
function doc(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

/** Text nodes of `root` in document order, each as one block unless `inline`. */
function mapOf(root: Element): TextMap {
  const builder = new TextMapBuilder();
  const walk = (el: Element) => {
    for (const child of el.childNodes) {
      if (child.nodeType === 3) builder.appendText(child as Text);
      else if ((child as Element).localName === 'br') builder.lineBreak();
      else if ((child as Element).localName === 'p') {
        builder.blockBreak();
        walk(child as Element);
        builder.blockBreak();
      } else walk(child as Element);
    }
  };
  walk(root);
  return builder.build();
}

describe('TextMapBuilder', () => {
  it('folds whitespace, separates paragraphs by a blank line and keeps <br> as a newline', () => {
    const page = doc('<div><p>  Shares\n   rose <b>3%</b>  today. </p><p>Second<br>line</p></div>');
    expect(mapOf(page.querySelector('div')!).text).toBe('Shares rose 3% today.\n\nSecond\nline');
  });

  it('keeps no-break spaces, which are content', () => {
    expect(mapOf(doc('<div><p>$111\u00a0million</p></div>').querySelector('div')!).text).toBe('$111\u00a0million');
  });

  it('maps every segment back to the same characters in its live node', () => {
    const page = doc('<div><p>  a  b\n\nc </p><p>d<i> e </i>f</p></div>');
    const map = mapOf(page.querySelector('div')!);
    for (const s of map.segments) expect(s.node.data.slice(s.nodeOffset, s.nodeOffset + s.end - s.start)).toBe(map.text.slice(s.start, s.end));
  });
});

describe('rangeFromOffsets / offsetsFromRange', () => {
  let page: Document;
  let map: TextMap;
  beforeEach(() => {
    page = doc('<div id="r"><p>Apple   Inc. said <b>revenue</b> rose.</p><p>Microsoft\n  declined.</p></div>');
    map = mapOf(page.getElementById('r')!);
  });

  it('turns offsets into a live Range over the same text', () => {
    const start = map.text.indexOf('revenue');
    const range = rangeFromOffsets(map, start, start + 'revenue rose'.length)!;
    expect(range.toString()).toBe('revenue rose');
    expect(range.startContainer.parentElement!.localName).toBe('b');
  });

  it('spans folded whitespace and paragraph breaks', () => {
    const range = rangeFromOffsets(map, map.text.indexOf('Inc.'), map.text.indexOf('declined') + 8)!;
    expect(range.toString().replace(/\s+/g, ' ')).toBe('Inc. said revenue rose.Microsoft declined');
  });

  it('rejects empty and out-of-bounds offsets', () => {
    expect(rangeFromOffsets(map, 3, 3)).toBeNull();
    expect(rangeFromOffsets(map, -1, 2)).toBeNull();
    expect(rangeFromOffsets(map, 0, map.text.length + 1)).toBeNull();
  });

  it('turns a Range back into the offsets it came from, for any span of mapped text', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), (x, y) => {
        const a = x % map.text.length;
        const b = y % map.text.length;
        const [start, end] = a < b ? [a, b + 1] : [b, a + 1];
        const range = rangeFromOffsets(map, start, end);
        if (!range) return;
        const back = offsetsFromRange(map, range)!;
        // Boundaries on separators snap inwards to mapped text, never outwards.
        expect(back.start).toBeGreaterThanOrEqual(start);
        expect(back.end).toBeLessThanOrEqual(end);
        // Paragraph separators exist only in the text, so compare without whitespace.
        expect(map.text.slice(back.start, back.end).replace(/\s+/g, '')).toBe(range.toString().replace(/\s+/g, ''));
      }),
    );
  });

  it('maps a Range set on element boundaries to the text inside', () => {
    const range = page.createRange();
    range.selectNodeContents(page.querySelector('b')!);
    expect(offsetsFromRange(map, range)).toEqual({ start: map.text.indexOf('revenue'), end: map.text.indexOf('revenue') + 7 });
    range.selectNode(page.querySelectorAll('p')[1]!);
    const offsets = offsetsFromRange(map, range)!;
    expect(map.text.slice(offsets.start, offsets.end)).toBe('Microsoft declined.');
  });
});
