import { describe, expect, it } from 'vitest';
import { decodeHtml } from '@/lib/article/decode';
import { binaryEvidence } from '../../../scripts/analyze/binary-evidence';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

/** A 1×1 transparent PNG, byte for byte. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489' +
    '0000000b4944415478da636000020000050001e9fadcd80000000049454e44ae426082',
  'hex',
);

describe('binaryEvidence', () => {
  it.each([
    ['a PNG by its magic number', PNG, utf8, 'PNG image'],
    ['a tar archive by its magic number at offset 257', new Uint8Array([...latin1('a'.repeat(257)), ...latin1('ustar  ')]), utf8, 'tar archive'],
    ['text with a NUL', latin1('plain\0text'), utf8, 'NUL bytes'],
    ['bytes that are mostly not text (5 of 9 characters)', latin1('\x01\x02\x03\xfe\xfa abc'), utf8, '56% control characters or undecodable bytes'],
    ['text that only starts like a zip', latin1('PKI certificates, explained.'), utf8, null],
    ['Latin-1 text read as UTF-8 (a few undecodable bytes)', latin1('Le caf\xe9 de la gare a ferm\xe9 ses portes hier soir.'), utf8, null],
    ['UTF-16 HTML, whose zero bytes decode away', new Uint8Array([0xff, 0xfe, ...Array.from('<p>é</p>').flatMap((c) => [c.charCodeAt(0), 0])]), decodeHtml, null],
    ['Shift_JIS HTML', new Uint8Array([...latin1('<meta charset="Shift_JIS"><p>'), 0x93, 0xfa, 0x96, 0x7b]), decodeHtml, null],
    ['windows-1252 HTML with curly quotes', latin1('<p>caf\xe9 \x93quoted\x94</p>'), decodeHtml, null],
  ] as const)('%s', (_, bytes, decode, expected) => {
    expect(binaryEvidence(bytes, decode(bytes))).toBe(expected);
  });
});
