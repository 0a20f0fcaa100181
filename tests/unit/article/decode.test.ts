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

  it('reads undeclared UTF-8 as UTF-8', () => {
    expect(decodeHtml(new TextEncoder().encode('<p>naïve — 東京</p>'))).toBe('<p>naïve — 東京</p>');
  });
});
