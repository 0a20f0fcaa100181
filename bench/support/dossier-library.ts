/**
 * A library for the dossier's render bench, written into the extension's IndexedDB from one of its
 * pages (the function is sent to the page: it holds everything it uses). `articles` saved articles
 * naming `companies` companies, the k-th most named about 1/k as often as the first (as names are
 * spread in news), each article naming four of them in sentences with figures, and
 * `highlightsPerArticle` highlights on each. Company "c-0" is named most; "c-last" by one article.
 * It writes the company-mention rows and their sums as the extension's write middleware would for these records
 * (lib/db/company-mentions.ts; it cannot import it here), and the bench checks the page's counts.
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
  for (let attempt = 0; !db.objectStoreNames.contains('companySummaries'); attempt++) {
    db.close();
    if (attempt === 100) throw new Error('The extension never created its database.');
    await new Promise((resolve) => setTimeout(resolve, 100));
    db = await open();
  }
  const stamp = (i: number) => `${String(1_700_000_000_000 + i).padStart(13, '0')}-00000-bench`;
  const counts = new Map<number, number>();
  const summaries = new Map<string, { companyId: string; articles: number; mentions: number; highlights: number; names: Record<string, number>; written: Record<string, number>; days: Record<string, [number, number]>; facts: object; factsSavedAt: number }>();
  const BATCH = 500;
  for (let from = 0; from < articles; from += BATCH) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['articles', 'highlights', 'companyMentions'], 'readwrite');
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
        const publishedAt = 1_700_000_000_000 - i * 3_600_000;
        const savedAt = 1_700_000_000_000 - i * 60_000;
        for (const company of named) {
          const name = `Company ${company} Holdings`;
          const companyId = `c-${company}`;
          const key = `${companyId}\n${String(9_999_999_999_999 - publishedAt).padStart(13, '0')}\n${id}`;
          tx.objectStore('companyMentions').put({
            key, companyId, articleId: id, title: `Story ${i}`, time: publishedAt, dated: 'published', savedAt,
            mentions: 1, highlights: highlightsPerArticle, names: { [name]: 1 }, written: { [name]: 1 },
          });
          const summary = summaries.get(companyId) ?? { companyId, articles: 0, mentions: 0, highlights: 0, names: { [name]: 0 }, written: { [name]: 0 }, days: {} as Record<string, [number, number]>, facts: {}, factsSavedAt: 0 };
          summary.articles++;
          summary.mentions++;
          summary.highlights += highlightsPerArticle;
          summary.names[name]!++;
          summary.written[name]!++;
          const day = String(Math.floor(publishedAt / 86_400_000));
          const [a, m] = summary.days[day] ?? [0, 0];
          summary.days[day] = [a + 1, m + 1];
          summaries.set(companyId, summary);
        }
        tx.objectStore('articles').put({
          id, url: `https://site${i % 40}.example.com/story/${i}`, urls: [`site${i % 40}.example.com/story/${i}`], title: `Story ${i}`, byline: null,
          publisher: `Site ${i % 40}`, publishedAt: new Date(publishedAt).toISOString(), language: 'en', text, entities,
          companyIds: named.map((c) => `c-${c}`), tags: [], note: '', savedAt, deleted: false, updatedAt: stamp(i), clocks: {},
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
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('companySummaries', 'readwrite');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    for (const summary of summaries.values()) tx.objectStore('companySummaries').put(summary);
  });
  db.close();
  return { top: counts.get(0) ?? 0, last: counts.get(companies - 1) ?? 0 };
}
