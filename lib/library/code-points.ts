/**
 * Text positions in the two units in play: the library stores UTF-16 offsets (what JavaScript
 * strings index), the W3C model counts Unicode code points ("😀" is two UTF-16 units and one
 * code point). Both functions answer undefined for an offset that is not within `text`, or
 * that falls inside a surrogate pair, instead of guessing.
 */

/** The code-point offset of UTF-16 offset `offset` in `text`. */
export function codePointOffset(text: string, offset: number): number | undefined {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length || splitsPair(text, offset)) return undefined;
  let points = 0;
  for (let i = 0; i < offset; i++) {
    if (!isLowSurrogateAfterHigh(text, i)) points++;
  }
  return points;
}

/** The UTF-16 offset of code-point offset `points` in `text`. */
export function utf16Offset(text: string, points: number): number | undefined {
  if (!Number.isInteger(points) || points < 0) return undefined;
  let i = 0;
  for (let seen = 0; seen < points; seen++) {
    if (i >= text.length) return undefined;
    i += isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isLowSurrogateAfterHigh(text, offset);
}

function isLowSurrogateAfterHigh(text: string, i: number): boolean {
  return i > 0 && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
