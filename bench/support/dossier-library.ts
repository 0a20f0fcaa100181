/**
 * A library for the dossier's render bench, written into the extension's IndexedDB from one of its
 * pages (the function is sent to the page: it holds everything it uses). `articles` saved articles
 * naming `companies` companies, the k-th most named about 1/k as often as the first (as names are
 * spread in news), each article naming four of them in sentences with figures, and
 * `highlightsPerArticle` highlights on each. Company "c-0" is named most; "c-last" by one article.
 */
export interface DossierLibraryOptions {
  articles: number;
  companies: number;
  highlightsPerArticle: number;
}

export async function seedDossierLibrary({ articles, companies, highlightsPerArticle }: DossierLibraryOptions): Promise<{ top: number; last: number }> {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  // Zipf's law over the companies, drawn by inverting the cumulative weights.
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 1; k <= companies; k++) cumulative.push((total += 1 / k));
  const drawCompany = () => {
    const target = random() * total;
    let low = 0;
    let high = companies - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const filler = ['The deal was announced on Monday.', 'Analysts said the price was steep.', 'Shares closed little changed.', 'Regulators must still approve it.'];
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('newsmark');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  // The worker creates the schema when it starts: a seeder that comes first waits for it.
  let db = await open();
  for (let attempt = 0; !db.objectStoreNames.contains('highlights'); attempt++) {
    db.close();
    if (attempt === 100) throw new Error('The extension never created its database.');
    await new Promise((resolve) => setTimeout(resolve, 100));
    db = await open();
  }
  const stamp = (i: number) => `${String(1_700_000_000_000 + i).padStart(13, '0')}-00000-bench`;
  const counts = new Map<number, number>();
  const BATCH = 500;
  for (let from = 0; from < articles; from += BATCH) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['articles', 'highlights'], 'readwrite');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      for (let i = from; i < Math.min(from + BATCH, articles); i++) {
        // The last article alone names the last company: the small dossier the bench compares with.
        const named = i === articles - 1 ? [companies - 1] : [...new Set(Array.from({ length: 4 }, drawCompany))];
        let text = '';
        const entities: object[] = [];
        for (const [n, company] of named.entries()) {
          counts.set(company, (counts.get(company) ?? 0) + 1);
          const name = `Company ${company} Holdings`;
          const amount = `$${(i % 90) + 2} million`;
          const start = text.length;
          text += `${name} reported revenue of ${amount}, up 4%. ${filler[(i + n) % filler.length]} `;
          entities.push({ type: 'company', id: `c-${company}`, name, text: name, start, end: start + name.length });
          const moneyAt = start + name.length + ' reported revenue of '.length;
          entities.push({ type: 'money', text: amount, start: moneyAt, end: moneyAt + amount.length, value: ((i % 90) + 2) * 1e6, currency: 'USD' });
        }
        const id = `a-dossier-${i}`;
        tx.objectStore('articles').put({
          id, url: `https://site${i % 40}.example.com/story/${i}`, urls: [`site${i % 40}.example.com/story/${i}`], title: `Story ${i}`, byline: null,
          publisher: `Site ${i % 40}`, publishedAt: new Date(1_700_000_000_000 - i * 3_600_000).toISOString(), language: 'en', text, entities,
          companyIds: named.map((c) => `c-${c}`), tags: [], note: '', savedAt: 1_700_000_000_000 - i * 60_000, deleted: false, updatedAt: stamp(i), clocks: {},
        });
        for (let h = 0; h < highlightsPerArticle; h++) {
          const start = (h * 17) % Math.max(1, text.length - 30);
          const exact = text.slice(start, start + 30);
          tx.objectStore('highlights').put({
            id: `h-dossier-${i}-${h}`, articleId: id, colour: ['yellow', 'green', 'blue', 'pink', 'purple'][h % 5], note: h % 2 ? '' : 'a note', tags: [],
            selectors: [{ type: 'TextQuoteSelector', exact }, { type: 'TextPositionSelector', start, end: start + 30 }],
            quote: exact, createdAt: 1_700_000_000_000 - i * 60_000 + h, deleted: false, updatedAt: stamp(i), clocks: {},
          });
        }
      }
    });
  }
  db.close();
  return { top: counts.get(0) ?? 0, last: counts.get(companies - 1) ?? 0 };
}
