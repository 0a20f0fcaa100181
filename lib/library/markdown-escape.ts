/**
 * Text as Markdown that shows it as written: in CommonMark (and GitHub's dialect), and in the
 * notes apps' own syntax, Obsidian's (#tags, [[links]], ==marks==, %%comments%%, $math$,
 * ^block ids) and Logseq's (((block refs)), {{macros}}, key:: properties). Every character that
 * could start such a construct is backslash-escaped; CommonMark lets any ASCII punctuation be
 * escaped, and both apps honour the escapes.
 */

/** Escaped wherever they stand. */
const ALWAYS = new Set(['\\', '`', '*', '_', '[', ']', '<', '#', '|', '~', '=', '$', '^']);
/** Escaped when doubled ("((", "{{", "%%", "::"): alone they start nothing. */
const DOUBLED = new Set(['(', '{', '%', ':']);
/** "&amp;", "&#39;": a character reference would show as the character it names. */
const CHARACTER_REFERENCE = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;

/** One line of text (no line breaks) escaped; leading and trailing blanks dropped (they are syntax). */
export function escapeLine(line: string): string {
  const text = line.replace(/\u0000/g, '\uFFFD').trim();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const escape =
      ALWAYS.has(c) ||
      (DOUBLED.has(c) && text[i + 1] === c) ||
      (c === '&' && CHARACTER_REFERENCE.test(text.slice(i, i + 40)));
    out += escape ? `\\${c}` : c;
  }
  return escapeLineStart(out);
}

/** Block syntax that only counts at the start of a line: quotes, bullets, ordered list numbers. */
function escapeLineStart(line: string): string {
  if (/^[>+-]/.test(line)) return `\\${line}`;
  return line.replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** Text of any lines as the lines of one paragraph (blank lines dropped), each escaped. */
export function escapedLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map(escapeLine).filter(Boolean);
}
