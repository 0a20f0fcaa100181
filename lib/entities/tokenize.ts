/**
 * One forward pass over the text, char code by char code, into word, number and symbol tokens.
 * No regular expression runs over the text as a whole, so the time is linear on any input
 * (binary junk, megabytes of digits or dots) and every rule downstream works on tokens.
 */

export const enum Kind {
  /** Starts with a letter; may hold digits and joiners: "AT&T", "U.S.", "O'Brien", "9to5Mac.com". */
  Word = 0,
  /** Digits with thousands groups and one decimal part: "1,599", "12.9", "0700". */
  Num = 1,
  /** Any other character that is not white space, or a run of the same one: "$", "%", "-", "(", "...". */
  Sym = 2,
}

export interface Token {
  kind: Kind;
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  text: string;
  /** A line break separates this token from the one before (or it starts the text). */
  lineStart: boolean;
  /** The gazetteer's lookup key for this token, cached on first use (see gazetteer.ts). */
  key?: string;
}

/** Token text as a gazetteer key: upper case, typographic apostrophe as ASCII. */
export function tokenKey(text: string): string {
  return apostrophesNormalised(text).toUpperCase();
}

/** The key of the first word of a gazetteer name or record ("Home Depot|..." -> "HOME"). */
export function firstWordKey(name: string): string {
  return tokenKey(FIRST_WORD.exec(name)![0]);
}

const FIRST_WORD = /^[^ |]*/;

/** Typographic apostrophes as ASCII, as gazetteer names are written. */
export function apostrophesNormalised(text: string): string {
  return text.includes('’') ? text.replace(/’/g, "'") : text;
}

const NON_ASCII_LETTER = /[\p{L}\p{M}]/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c);
  return c >= 0xc0 && NON_ASCII_LETTER.test(text[i]!);
}

function isAlnumAt(text: string, i: number): boolean {
  return isDigit(text.charCodeAt(i)) || isLetterAt(text, i);
}

/** White space and control characters, which separate tokens and carry no meaning here. */
export function isSpaceCode(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || (c >= 0x7f && c < 0xa0);
}

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

/** "'s" / "’s" closing a word: the possessive, kept as its own token so names match without it. */
function isPossessiveAt(text: string, i: number): boolean {
  const s = text.charCodeAt(i + 1);
  return (s === 115 || s === 83) && !isAlnumAt(text, i + 2);
}

/** "A/S" (the Danish and Norwegian company form), one word so that it can be a legal suffix. */
function isNordicCompanyForm(text: string, start: number, slash: number): boolean {
  return slash === start + 1 && text[start] === 'A' && text[slash + 1] === 'S' && !isAlnumAt(text, slash + 2);
}

/** End of a word that starts at `start` (a letter, or a digit directly followed by letters). */
function scanWord(text: string, start: number): number {
  const n = text.length;
  let i = start;
  let dotted = false;
  let segment = 0;
  let maxSegment = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isDigit(c) || isLetterAt(text, i)) {
      i++;
      segment++;
      continue;
    }
    const next = i + 1 < n && isAlnumAt(text, i + 1);
    if ((c === APOSTROPHE || c === RIGHT_QUOTE) && next && isLetterAt(text, i + 1) && !isPossessiveAt(text, i)) {
      i++;
      continue;
    }
    if (c === 38 /* & */ && next && isUpperAscii(text.charCodeAt(i - 1)) && isUpperAscii(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    if (c === 47 /* / */ && isNordicCompanyForm(text, start, i)) {
      i += 2;
      continue;
    }
    if (c === 46 /* . */ && next) {
      dotted = true;
      maxSegment = Math.max(maxSegment, segment);
      segment = 0;
      i++;
      continue;
    }
    break;
  }
  // "U.S." and "N.V." keep their closing dot: every part is one or two letters.
  if (dotted && Math.max(maxSegment, segment) <= 2 && text.charCodeAt(i) === 46) i++;
  return i;
}

/** End of a number at `start`: "1,599.99" (groups of exactly three digits), "12.9", "0700". */
function scanNumber(text: string, start: number): number {
  const n = text.length;
  let i = start;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 44 /* , */ && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3)) && !isDigit(text.charCodeAt(i + 4))) {
      i += 4;
      continue;
    }
    break;
  }
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    i++;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

/** Splits `text` into tokens; white space between them is implied by the gaps in offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let lineStart = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) lineStart = true;
      i++;
      continue;
    }
    let end: number;
    let kind: Kind;
    if (isDigit(c)) {
      end = scanNumber(text, i);
      kind = Kind.Num;
      // "9to5Mac": digits that run into letters and then digits again are part of a name.
      if (isLetterAt(text, end) && startsAlnumName(text, i)) {
        end = scanWord(text, i);
        kind = Kind.Word;
      }
    } else if (isLetterAt(text, i)) {
      end = scanWord(text, i);
      kind = Kind.Word;
    } else if ((c === APOSTROPHE || c === RIGHT_QUOTE) && isPossessiveAt(text, i) && i > 0 && isAlnumAt(text, i - 1)) {
      end = i + 2;
      kind = Kind.Word;
    } else {
      // A run of one symbol ("...", "----", "$$$") is one token: it means nothing piece by piece,
      // and megabytes of dots then cost one token, not millions.
      end = i + 1;
      while (end < n && text.charCodeAt(end) === c) end++;
      kind = Kind.Sym;
    }
    tokens.push({ kind, start: i, end, text: text.slice(i, end), lineStart, key: undefined });
    lineStart = false;
    i = end;
  }
  return tokens;
}

/** Digits, letters, then a digit again before any break: a name ("9to5Mac"), not "256GB". */
function startsAlnumName(text: string, start: number): boolean {
  let i = start;
  while (isDigit(text.charCodeAt(i))) i++;
  let letters = 0;
  while (i < text.length && isLetterAt(text, i) && letters < 16) {
    i++;
    letters++;
  }
  return letters > 0 && isDigit(text.charCodeAt(i));
}

/** True when nothing (no white space) separates token `a` from the token after it. */
export function glued(tokens: readonly Token[], a: number): boolean {
  const next = tokens[a + 1];
  return next !== undefined && next.start === tokens[a]!.end;
}

/**
 * True when token `b` follows token `a` on the same line with at most one character between:
 * the words of one name ("Home Depot"), not "Washington\nCeres Robotics".
 */
export function adjacent(tokens: readonly Token[], a: number, b: number): boolean {
  const next = tokens[b]!;
  return !next.lineStart && next.start - tokens[a]!.end <= 1;
}

/** First letter upper case: "Huawei", "HOME", "ÉDF". */
export function isCapitalized(word: string): boolean {
  // ASCII first: most words are, and case-mapping a string per call was a tenth of recognition's time.
  const code = word.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  if (!(code >= 128)) return false; // ASCII that is not a capital, or an empty word
  const first = word[0]!;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** Every letter upper case and at least one letter: "AAPL", "N.V.", "AT&T". */
export function isAllCaps(word: string): boolean {
  return word !== word.toLowerCase() && word === word.toUpperCase();
}
