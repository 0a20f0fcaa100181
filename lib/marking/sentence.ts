/** The bounds [from, to) of the sentence of `text` around [start, end), looking at most `max` characters each way. */
export function sentenceBounds(text: string, start: number, end: number, max = 280): [number, number] {
  let from = start;
  while (from > 0 && !isSentenceEnd(text, from - 1) && start - from < max) from--;
  let to = end;
  while (to < text.length && !isSentenceEnd(text, to - 1) && to - end < max) to++;
  return [from, to];
}

/** The sentence of `text` around [start, end), trimmed to at most `max` characters. */
export function sentenceAround(text: string, start: number, end: number, max = 280): string {
  const [from, to] = sentenceBounds(text, start, end, max);
  const sentence = text.slice(from, to).trim();
  if (sentence.length <= max) return sentence;
  // Keep the figure in view: centre the excerpt on it.
  const centre = Math.max(0, start - from - Math.floor((max - (end - start)) / 2));
  return `…${sentence.slice(centre, centre + max - 2).trim()}…`;
}

/** A full stop, question or exclamation mark followed by whitespace, or a line break. */
function isSentenceEnd(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return true;
  if (c !== '.' && c !== '!' && c !== '?') return false;
  const next = text[i + 1];
  return next === undefined || next === ' ' || next === '\n';
}
