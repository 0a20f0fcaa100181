/**
 * A title for an article whose page gave none (no <title>, no headline): its first sentence,
 * shortened at a word, so the library lists and sorts it by what it says, not by its address.
 */

/** Longest fallback title, in characters, before "…". */
const MAX_TITLE = 90;

/** `title` as given when it has any words; else the start of `text` (its first sentence, at most MAX_TITLE characters). */
export function titleOrFromText(title: string | null | undefined, text: string): string {
  if (title?.trim()) return title;
  const line = text.replace(/\s+/g, ' ').trim();
  const sentence = /^.+?[.!?](?=\s|$)/u.exec(line)?.[0] ?? line;
  if (sentence.length <= MAX_TITLE) return sentence;
  const cut = sentence.slice(0, MAX_TITLE);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}
