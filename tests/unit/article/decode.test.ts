import { describe, expect, it } from 'vitest';
import { decodeHtml, declaredEncoding } from '@/scripts/analyze/decode';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('decodeHtml', () => {
  it('reads the charset a meta tag declares', () => {
    // "Привет" in windows-1251.
    const bytes = new Uint8Array([...latin1('<html><head><meta charset="windows-1251"></head><body>'), 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, ...latin1('</body></html>')]);
    expect(decodeHtml(bytes)).toContain('Привет');
  });

  it('reads http-equiv declarations (Shift_JIS)', () => {
    // "日本" in Shift_JIS.
    const bytes = new Uint8Array([...latin1('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>'), 0x93, 0xfa, 0x96, 0x7b]);
    expect(decodeHtml(bytes)).toContain('日本');
  });

  it('follows a byte-order mark over any declaration', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('<p>é</p>').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(declaredEncoding(utf16)).toBe('utf-16le');
    expect(decodeHtml(utf16)).toBe('<p>é</p>');
  });

  it('falls back to windows-1252 for undeclared bytes that are not UTF-8', () => {
    expect(decodeHtml(latin1('<p>caf\xe9 \x93quoted\x94</p>'))).toBe('<p>café “quoted”</p>');
  });

  it('reads UTF-8 bytes as UTF-8 whatever the page declares (a saved page has lost the header that said so)', () => {
    const page = '<html><head><meta charset="iso-8859-1"></head><body><p>Zürich — 人民日报</p></body></html>';
    expect(decodeHtml(new TextEncoder().encode(page))).toContain('Zürich — 人民日报');
    expect(decodeHtml(new TextEncoder().encode(page.replace('iso-8859-1', 'gb2312')))).toContain('Zürich — 人民日报');
  });

  it('detects the encoding of undeclared bytes that are not UTF-8 (Shift_JIS, windows-1251)', () => {
    const japanese = '東京証券取引所は13日、株価が大幅に上昇したと発表した。市場関係者によると、海外投資家の買いが膨らんだという。';
    // Shift_JIS bytes of the sentence, made by the decoder's own inverse: TextDecoder cannot encode, so the table is built.
    const sjis = encodeWith('shift_jis', japanese);
    expect(decodeHtml(new Uint8Array([...latin1('<html><body><p>'), ...sjis, ...latin1('</p></body></html>')]))).toContain(japanese);
    const russian = 'Правительство объявило в понедельник о новом бюджете, который предусматривает рост расходов на образование.';
    expect(decodeHtml(new Uint8Array([...latin1('<html><body><p>'), ...encodeWith('windows-1251', russian), ...latin1('</p></body></html>')]))).toContain(russian);
  });

  it('reads undeclared UTF-8 as UTF-8', () => {
    expect(decodeHtml(new TextEncoder().encode('<p>naïve — 東京</p>'))).toBe('<p>naïve — 東京</p>');
  });
});

/** `text` in a legacy encoding, by searching the decoder's table (TextEncoder writes only UTF-8). */
function encodeWith(encoding: string, text: string): number[] {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number[]>();
  for (let a = 0; a < 256; a++) {
    const one = decoder.decode(new Uint8Array([a]));
    if (one.length === 1 && one !== '\ufffd' && !table.has(one)) table.set(one, [a]);
    if (a < 0x81) continue;
    for (let b = 0x40; b < 256; b++) {
      const two = decoder.decode(new Uint8Array([a, b]));
      if (two.length === 1 && two !== '\ufffd' && !table.has(two)) table.set(two, [a, b]);
    }
  }
  return [...text].flatMap((c) => {
    const bytes = table.get(c);
    if (!bytes) throw new Error(`${encoding} cannot write ${c}`);
    return bytes;
  });
}
