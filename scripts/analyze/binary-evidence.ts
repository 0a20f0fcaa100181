/**
 * Whether a file given to `npm run analyze` is binary rather than HTML or text, and the evidence:
 * without this, an executable or an image is "analyzed" into control characters and numbers
 * found in its bytes.
 */

/**
 * Formats worth naming, by the magic number they start with (tar's sits at offset 257). The list
 * only names; binaries not in it are caught by their content.
 */
const MAGIC_NUMBERS: readonly { format: string; offset: number; magic: string }[] = [
  { format: 'ELF executable', offset: 0, magic: '\x7fELF' },
  { format: 'PNG image', offset: 0, magic: '\x89PNG\r\n\x1a\n' },
  { format: 'JPEG image', offset: 0, magic: '\xff\xd8\xff' },
  { format: 'GIF image', offset: 0, magic: 'GIF8' },
  { format: 'PDF document', offset: 0, magic: '%PDF-' },
  { format: 'zip archive', offset: 0, magic: 'PK\x03\x04' },
  { format: 'zip archive', offset: 0, magic: 'PK\x05\x06' },
  { format: '7z archive', offset: 0, magic: '7z\xbc\xaf\x27\x1c' },
  { format: 'bzip2 archive', offset: 0, magic: 'BZh' },
  { format: 'xz archive', offset: 0, magic: '\xfd7zXZ\x00' },
  { format: 'zstd archive', offset: 0, magic: '\x28\xb5\x2f\xfd' },
  { format: 'tar archive', offset: 257, magic: 'ustar' },
];

/**
 * Share of characters that text has no use for above which content is binary. The pages and
 * text files under ../shared/corpus have at most 1.3% (one stray U+FFFD in a short JSON file,
 * 0.04% for the worst page); executables, images and archives have 20% and more.
 */
const MAX_NON_TEXT_SHARE = 0.1;

/** How an HTML or XML page starts: a tag, a doctype or a comment, after a byte-order mark and white space. */
const MARKUP_START = /^\ufeff?\s*<[!?a-z]/i;

/** The format whose magic number the bytes start with, or null. */
export function magicFormat(bytes: Uint8Array): string | null {
  const matches = ({ offset, magic }: (typeof MAGIC_NUMBERS)[number]) =>
    bytes.length >= offset + magic.length && Array.from(magic).every((char, i) => bytes[offset + i] === char.charCodeAt(0));
  return MAGIC_NUMBERS.find(matches)?.format ?? null;
}

/**
 * Control characters other than tab, line feed, form feed and carriage return, and U+FFFD, which
 * decoders put for bytes the encoding has no character for.
 */
function isNonText(code: number): boolean {
  const isWhitespace = code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
  return (code < 0x20 && !isWhitespace) || (code >= 0x7f && code <= 0x9f) || code === 0xfffd;
}

/**
 * Why `bytes`, decoded as `text`, are binary (a format's name, "NUL bytes" or the share of
 * characters text has no use for), or null when they read as text. The text is what is judged,
 * not the bytes, so that UTF-16's zero bytes and ISO-2022-JP's escapes count for nothing.
 */
export function binaryEvidence(bytes: Uint8Array, text: string): string | null {
  const format = magicFormat(bytes);
  if (format) return format;
  // No text has NUL characters; git, grep and file(1) take one as the mark of a binary file.
  // Markup is the exception: crawled pages carry a stray one (in a script, as padding at the
  // end), and a page read as binary for it would give no text at all. The share below still
  // catches a binary file that happens to start with "<".
  if (text.includes('\0') && !MARKUP_START.test(text.slice(0, 1024))) return 'NUL bytes';
  let nonText = 0;
  for (let i = 0; i < text.length; i++) if (isNonText(text.charCodeAt(i))) nonText++;
  const share = nonText / text.length;
  return share > MAX_NON_TEXT_SHARE ? `${Math.round(share * 100)}% control characters or undecodable bytes` : null;
}
