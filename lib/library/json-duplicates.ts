/**
 * JSON.parse keeps the last of two equal keys in an object and says nothing, so a file with
 * `"note": "a", "note": "b"` would import one of two values the writer may have meant. This
 * finds the first such key in text that is already known to be valid JSON.
 */

export interface DuplicateKey {
  key: string;
  /** UTF-16 offset of the second occurrence. */
  at: number;
}

export function firstDuplicateKey(json: string): DuplicateKey | undefined {
  // One entry per open object (its keys) or array (null); `expectKey` is true after { and , in an object.
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = stringEnd(json, i);
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        const raw = json.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(json.slice(i, end + 1)) as string) : raw;
        if (top.has(key)) return { key, at: i };
        top.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push(null);
      expectKey = false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = stack[stack.length - 1] instanceof Set;
    }
  }
  return undefined;
}

/** The index of the quote closing the string that opens at `start`. */
function stringEnd(json: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = json.indexOf('"', i);
    let slashes = 0;
    while (json.charCodeAt(quote - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return quote;
    i = quote + 1;
  }
}
