/**
 * Values that are costly to make and never change for one key, made once and kept: Intl's
 * formatters, the browser's UI strings. The map is cleared when it reaches `limit` keys, a bound
 * for keys that can hold numbers (a count substituted into a string).
 */
export function boundedMemo(limit: number): <T>(key: string, make: () => T) => T {
  const kept = new Map<string, unknown>();
  return <T>(key: string, make: () => T): T => {
    let value = kept.get(key) as T | undefined;
    if (value === undefined) {
      value = make();
      if (kept.size >= limit) kept.clear();
      kept.set(key, value);
    }
    return value;
  };
}
