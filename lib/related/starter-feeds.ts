/**
 * Public feeds of major outlets the reader can pick from when setting up related coverage.
 * Addresses as the outlets publish them; a feed that moves shows its error in the options
 * page and can be removed.
 */
import type { StarterFeed } from '../contracts/related';

export type { StarterFeed };

export const STARTER_FEEDS: readonly StarterFeed[] = [
  { title: 'BBC News', url: 'https://feeds.bbci.co.uk/news/rss.xml', country: 'GB' },
  { title: 'The Guardian — World', url: 'https://www.theguardian.com/world/rss', country: 'GB' },
  { title: 'NPR News', url: 'https://feeds.npr.org/1001/rss.xml', country: 'US' },
  { title: 'The New York Times', url: 'https://rss.nytimes.com/services/xml/rss/nyt/HomePage.xml', country: 'US' },
  { title: 'CNBC Top News', url: 'https://www.cnbc.com/id/100003114/device/rss/rss.html', country: 'US' },
  { title: 'Al Jazeera', url: 'https://www.aljazeera.com/xml/rss/all.xml', country: 'QA' },
  { title: 'Deutsche Welle', url: 'https://rss.dw.com/rdf/rss-en-all', country: 'DE' },
  { title: 'France 24', url: 'https://www.france24.com/en/rss', country: 'FR' },
  { title: 'CBC News', url: 'https://www.cbc.ca/webfeed/rss/rss-topstories', country: 'CA' },
  { title: 'ABC News (Australia)', url: 'https://www.abc.net.au/news/feed/51120/rss.xml', country: 'AU' },
  { title: 'Ars Technica', url: 'https://feeds.arstechnica.com/arstechnica/index', country: 'US' },
  { title: 'The Verge', url: 'https://www.theverge.com/rss/index.xml', country: 'US' },
];
