/**
 * A text with its whitespace runs folded to one space, and the maps between the two.
 * Re-anchoring compares folded strings so that reflowed or re-indented markup (which changes
 * only whitespace in the extracted text) does not count as an edit.
 */
export interface PreparedText {
  raw: string;
  folded: string;
  /** Raw offset of the first raw character behind each folded character. */
  rawStarts: Int32Array;
  /** Raw offset just after the last raw character behind each folded character. */
  rawEnds: Int32Array;
  /** Folded offset of each raw offset (length raw.length + 1). */
  foldedAt: Int32Array;
}

const WHITESPACE = /\s/;

/** Folds whitespace runs; pure, O(n). Prepare a page's text once to anchor many highlights on it. */
export function prepareText(raw: string): PreparedText {
  const chars: string[] = [];
  const rawStarts = new Int32Array(raw.length);
  const rawEnds = new Int32Array(raw.length);
  const foldedAt = new Int32Array(raw.length + 1);
  let n = 0;
  for (let i = 0; i < raw.length; i += 1) {
    const ch = raw[i]!;
    const isSpace = WHITESPACE.test(ch);
    if (isSpace && n > 0 && chars[n - 1] === ' ' && rawEnds[n - 1] === i) {
      foldedAt[i] = n - 1;
      rawEnds[n - 1] = i + 1;
      continue;
    }
    foldedAt[i] = n;
    chars.push(isSpace ? ' ' : ch);
    rawStarts[n] = i;
    rawEnds[n] = i + 1;
    n += 1;
  }
  foldedAt[raw.length] = n;
  return { raw, folded: chars.join(''), rawStarts: rawStarts.subarray(0, n), rawEnds: rawEnds.subarray(0, n), foldedAt };
}

/** Folds whitespace the same way {@link prepareText} does, for selector strings. */
export function fold(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Raw span of the folded span [start, end). */
export function toRaw(text: PreparedText, start: number, end: number): { start: number; end: number } {
  return {
    start: start < text.rawStarts.length ? text.rawStarts[start]! : text.raw.length,
    end: end > 0 ? text.rawEnds[end - 1]! : 0,
  };
}
