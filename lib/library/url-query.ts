/** The library page's search in its address (`?q=`), read and written. */

/** The search named by an address's query string; '' when none. */
export function queryFromSearch(search: string): string {
  return new URLSearchParams(search).get('q')?.trim() ?? '';
}

/** The query string with `q` set to `query` (removed when blank); other parameters kept. */
export function searchWithQuery(search: string, query: string): string {
  const params = new URLSearchParams(search);
  if (query.trim()) params.set('q', query);
  else params.delete('q');
  const text = params.toString();
  return text ? `?${text}` : '';
}
