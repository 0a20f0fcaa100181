/**
 * Levenshtein distance for short strings (context windows, quote edges), one DP row.
 * Long strings go through approx-string-match instead.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const row = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) row[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j]!;
      const substitution = diagonal + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      row[j] = Math.min(substitution, above + 1, row[j - 1]! + 1);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * Distance from `pattern` to the best-matching start of `text`: min over j of
 * editDistance(pattern, text.slice(0, j)). Lets an edge be compared with text of unknown length
 * (a changed word may be longer or shorter than the one it replaced).
 */
export function leadingDistance(pattern: string, text: string): number {
  if (!pattern.length) return 0;
  // Rows over the pattern, columns over the text; the answer is the best cell of the last row.
  let previous = new Uint16Array(text.length + 1);
  let current = new Uint16Array(text.length + 1);
  for (let j = 0; j <= text.length; j += 1) previous[j] = j;
  for (let i = 1; i <= pattern.length; i += 1) {
    current[0] = i;
    for (let j = 1; j <= text.length; j += 1) {
      const substitution = previous[j - 1]! + (pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return Math.min(...previous);
}

/** Like {@link leadingDistance}, aligned at the end of `text` instead of its start. */
export function trailingDistance(pattern: string, text: string): number {
  return leadingDistance(reverse(pattern), reverse(text));
}

function reverse(s: string): string {
  return s.split('').reverse().join('');
}
