/**
 * The news sites a reader can grant in one click on the first-run page: major international,
 * business and regional outlets in English and the largest European and Asian languages.
 *
 * Where the list comes from: Newsmark's own curation, not a ranking or a feed of any service.
 * It starts from the publishers whose articles the test corpora hold (the AEB and fundus sets)
 * and the newsrooms that readers of international business news most often cite (wire
 * services, the financial press, public broadcasters), with a few outlets from each region.
 * An outlet is listed under its own domains only (every subdomain of each, https only): no
 * aggregator, no social network, no site that is not a newsroom. Add one by its domains; the
 * unit test checks every entry is a valid https origin pattern and names no site twice.
 */

export interface NewsSite {
  /** The outlet as readers know it. */
  name: string;
  /** Host permission / content script match patterns: `https://*.example.com/*` (the domain and its subdomains). */
  origins: readonly string[];
  region: 'international' | 'business' | 'Americas' | 'Europe' | 'Asia-Pacific' | 'Middle East & Africa';
}

/** `https://*.domain/*` for each domain: the domain itself and all its subdomains. */
function sites(...domains: string[]): string[] {
  return domains.map((domain) => `https://*.${domain}/*`);
}

export const NEWS_SITES: readonly NewsSite[] = [
  // Wire services and international newsrooms
  { name: 'Reuters', origins: sites('reuters.com'), region: 'international' },
  { name: 'Associated Press', origins: sites('apnews.com'), region: 'international' },
  { name: 'AFP', origins: sites('afp.com'), region: 'international' },
  { name: 'BBC News', origins: sites('bbc.com', 'bbc.co.uk'), region: 'international' },
  { name: 'The Guardian', origins: sites('theguardian.com'), region: 'international' },
  { name: 'The New York Times', origins: sites('nytimes.com'), region: 'international' },
  { name: 'The Washington Post', origins: sites('washingtonpost.com'), region: 'international' },
  { name: 'CNN', origins: sites('cnn.com'), region: 'international' },
  { name: 'Al Jazeera', origins: sites('aljazeera.com'), region: 'international' },
  { name: 'Deutsche Welle', origins: sites('dw.com'), region: 'international' },
  { name: 'France 24', origins: sites('france24.com'), region: 'international' },
  { name: 'NPR', origins: sites('npr.org'), region: 'international' },
  { name: 'Politico', origins: sites('politico.com', 'politico.eu'), region: 'international' },
  { name: 'Axios', origins: sites('axios.com'), region: 'international' },
  // Business and financial press
  { name: 'Financial Times', origins: sites('ft.com'), region: 'business' },
  { name: 'The Wall Street Journal', origins: sites('wsj.com'), region: 'business' },
  { name: 'Bloomberg', origins: sites('bloomberg.com'), region: 'business' },
  { name: 'The Economist', origins: sites('economist.com'), region: 'business' },
  { name: 'CNBC', origins: sites('cnbc.com'), region: 'business' },
  { name: 'MarketWatch', origins: sites('marketwatch.com'), region: 'business' },
  { name: "Barron's", origins: sites('barrons.com'), region: 'business' },
  { name: 'Forbes', origins: sites('forbes.com'), region: 'business' },
  { name: 'Fortune', origins: sites('fortune.com'), region: 'business' },
  { name: 'Business Insider', origins: sites('businessinsider.com'), region: 'business' },
  { name: 'Yahoo Finance', origins: ['https://finance.yahoo.com/*'], region: 'business' },
  { name: 'Nikkei Asia', origins: sites('asia.nikkei.com'), region: 'business' },
  { name: 'Caixin Global', origins: sites('caixinglobal.com'), region: 'business' },
  { name: 'Handelsblatt', origins: sites('handelsblatt.com'), region: 'business' },
  { name: 'Les Echos', origins: sites('lesechos.fr'), region: 'business' },
  { name: 'Il Sole 24 Ore', origins: sites('ilsole24ore.com'), region: 'business' },
  { name: 'Expansión', origins: sites('expansion.com'), region: 'business' },
  { name: 'The Economic Times', origins: sites('economictimes.indiatimes.com'), region: 'business' },
  { name: 'Mint', origins: sites('livemint.com'), region: 'business' },
  // Regional: the Americas
  { name: 'The Globe and Mail', origins: sites('theglobeandmail.com'), region: 'Americas' },
  { name: 'CBC News', origins: sites('cbc.ca'), region: 'Americas' },
  { name: 'Los Angeles Times', origins: sites('latimes.com'), region: 'Americas' },
  { name: 'Folha de S.Paulo', origins: sites('folha.uol.com.br'), region: 'Americas' },
  { name: 'El Universal', origins: sites('eluniversal.com.mx'), region: 'Americas' },
  // Regional: Europe
  { name: 'Le Monde', origins: sites('lemonde.fr'), region: 'Europe' },
  { name: 'Le Figaro', origins: sites('lefigaro.fr'), region: 'Europe' },
  { name: 'Der Spiegel', origins: sites('spiegel.de'), region: 'Europe' },
  { name: 'Frankfurter Allgemeine', origins: sites('faz.net'), region: 'Europe' },
  { name: 'Süddeutsche Zeitung', origins: sites('sueddeutsche.de'), region: 'Europe' },
  { name: 'Die Zeit', origins: sites('zeit.de'), region: 'Europe' },
  { name: 'Neue Zürcher Zeitung', origins: sites('nzz.ch'), region: 'Europe' },
  { name: 'El País', origins: sites('elpais.com'), region: 'Europe' },
  { name: 'Corriere della Sera', origins: sites('corriere.it'), region: 'Europe' },
  { name: 'The Irish Times', origins: sites('irishtimes.com'), region: 'Europe' },
  { name: 'The Times', origins: sites('thetimes.co.uk', 'thetimes.com'), region: 'Europe' },
  { name: 'The Independent', origins: sites('independent.co.uk'), region: 'Europe' },
  { name: 'NOS', origins: sites('nos.nl'), region: 'Europe' },
  // Regional: Asia-Pacific
  { name: 'South China Morning Post', origins: sites('scmp.com'), region: 'Asia-Pacific' },
  { name: 'The Straits Times', origins: sites('straitstimes.com'), region: 'Asia-Pacific' },
  { name: 'The Japan Times', origins: sites('japantimes.co.jp'), region: 'Asia-Pacific' },
  { name: 'The Korea Herald', origins: sites('koreaherald.com'), region: 'Asia-Pacific' },
  { name: 'The Times of India', origins: sites('timesofindia.indiatimes.com'), region: 'Asia-Pacific' },
  { name: 'The Hindu', origins: sites('thehindu.com'), region: 'Asia-Pacific' },
  { name: 'ABC News (Australia)', origins: sites('abc.net.au'), region: 'Asia-Pacific' },
  { name: 'The Sydney Morning Herald', origins: sites('smh.com.au'), region: 'Asia-Pacific' },
  { name: 'RNZ', origins: sites('rnz.co.nz'), region: 'Asia-Pacific' },
  // Regional: Middle East and Africa
  { name: 'The National', origins: sites('thenationalnews.com'), region: 'Middle East & Africa' },
  { name: 'Haaretz', origins: sites('haaretz.com'), region: 'Middle East & Africa' },
  { name: 'News24', origins: sites('news24.com'), region: 'Middle East & Africa' },
  { name: 'Daily Maverick', origins: sites('dailymaverick.co.za'), region: 'Middle East & Africa' },
  { name: 'Nation', origins: sites('nation.africa'), region: 'Middle East & Africa' },
];

/** Every listed outlet's patterns, once each: what the first-run page's "news sites" choice asks for. */
export function newsSiteOrigins(list: readonly NewsSite[] = NEWS_SITES): string[] {
  return [...new Set(list.flatMap((site) => site.origins))];
}
