/**
 * Bytes of an HTML file to a string, as a browser showed the page before it was saved: a
 * byte-order mark; else UTF-8 when the bytes are valid UTF-8 beyond ASCII, whatever the page
 * declares; else the encoding a `<meta charset>` / `http-equiv` or an XML declaration near the
 * start names; else the encoding the bytes look like (chardet, ICU's detector), else windows-1252.
 *
 * Valid UTF-8 wins over a declaration because a saved file has lost the HTTP header, which
 * overrides the meta tag: servers send UTF-8 pages whose templates still say ISO-8859-1 or GB2312,
 * and bytes of a legacy encoding that happen to form valid UTF-8 beyond ASCII are all but unknown
 * in text. A page with no declaration was read by its header or by the browser's own detection.
 */
import chardet from 'chardet';

/** How far into the file declarations are looked for (the HTML spec's prescan reads 1024 bytes; pages put it later). */
const PRESCAN_BYTES = 4096;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i;

/** The encoding label the bytes declare, or null. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const label = (META_CHARSET.exec(head) ?? XML_ENCODING.exec(head))?.[1]?.toLowerCase();
  if (!label) return null;
  // A page that says UTF-16 in ASCII bytes is not UTF-16 (HTML spec): read it as UTF-8.
  return label.startsWith('utf-16') ? 'utf-8' : label;
}

/** Decodes an HTML file's bytes as a browser showed them. */
export function decodeHtml(bytes: Uint8Array): string {
  const label = declaredEncoding(bytes);
  const utf8 = label === 'utf-16le' || label === 'utf-16be' ? null : validUtf8(bytes);
  if (utf8 !== null && (!label || !isAscii(bytes))) return utf8;
  return decodeAs(label, bytes) ?? decodeAs(label ? null : chardet.detect(bytes), bytes) ?? decode(new TextDecoder('windows-1252'), bytes);
}

/** `bytes` in the encoding `label` names; null without a label or for one TextDecoder does not know. */
function decodeAs(label: string | null, bytes: Uint8Array): string | null {
  if (!label) return null;
  try {
    return decode(new TextDecoder(label), bytes);
  } catch {
    return null;
  }
}

function validUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}

/** windows-1252's characters for bytes 0x80–0x9F (undefined ones stay as they are). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node's TextDecoder decodes windows-1252 as ISO-8859-1, leaving C1 controls where browsers
 * show curly quotes and dashes; put those back.
 */
function decode(decoder: TextDecoder, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
