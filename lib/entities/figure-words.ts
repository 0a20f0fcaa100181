/**
 * The words and symbols figures are made of: currencies (to ISO 4217), scales, units, and the
 * words around a number that say it is a date, a time, an age or a name rather than a figure.
 */

/** Symbols that are a currency on their own. "$" alone is USD unless a prefix says otherwise. */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'], ['₩', 'KRW'], ['₽', 'RUB'],
  ['₺', 'TRY'], ['₪', 'ILS'], ['₦', 'NGN'], ['₱', 'PHP'], ['₫', 'VND'], ['฿', 'THB'], ['₴', 'UAH'],
  ['￥', 'JPY'], ['元', 'CNY'],
]);

/** Letters written straight before "$": "US$", "HK$", "A$". */
export const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['US', 'USD'], ['U.S.', 'USD'], ['USD', 'USD'], ['HK', 'HKD'], ['A', 'AUD'], ['AU', 'AUD'], ['AUD', 'AUD'],
  ['C', 'CAD'], ['CA', 'CAD'], ['CAD', 'CAD'], ['Can', 'CAD'], ['NZ', 'NZD'], ['S', 'SGD'], ['SG', 'SGD'],
  ['NT', 'TWD'], ['R', 'BRL'], ['Mex', 'MXN'], ['MX', 'MXN'], ['RD', 'DOP'], ['J', 'JMD'], ['TT', 'TTD'],
]);

/** Words and codes written before an amount: "RMB 20 billion", "Rs 500", "EUR 3m". */
export const CURRENCY_CODES: ReadonlyMap<string, string> = new Map([
  ...['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'HKD', 'AUD', 'CAD', 'CHF', 'INR', 'KRW', 'SGD', 'NZD', 'TWD', 'SEK', 'NOK',
    'DKK', 'PLN', 'CZK', 'HUF', 'RUB', 'TRY', 'ZAR', 'BRL', 'MXN', 'ARS', 'CLP', 'COP', 'PEN', 'IDR', 'MYR', 'THB',
    'PHP', 'VND', 'AED', 'SAR', 'QAR', 'KWD', 'ILS', 'EGP', 'NGN', 'KES', 'PKR', 'BDT', 'UAH', 'RON', 'ISK', 'CNH']
    .map((code): [string, string] => [code, code === 'CNH' ? 'CNY' : code]),
  ['RMB', 'CNY'], ['Rmb', 'CNY'], ['Rs', 'INR'], ['Rs.', 'INR'], ['INR', 'INR'], ['SFr', 'CHF'], ['Fr.', 'CHF'],
]);

/**
 * Currency names written after an amount, as lower-case token sequences (longest first wins):
 * "100 million euros", "176 Hong Kong dollars", "1.5 billion yuan".
 */
export const CURRENCY_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['dollar', 'USD'], ['dollars', 'USD'], ['cents', 'USD'], ['cent', 'USD'], ['pence', 'GBP'], ['u.s. dollars', 'USD'], ['us dollars', 'USD'], ['american dollars', 'USD'],
  ['hong kong dollars', 'HKD'], ['hong kong dollar', 'HKD'], ['hk dollars', 'HKD'],
  ['australian dollars', 'AUD'], ['australian dollar', 'AUD'], ['canadian dollars', 'CAD'], ['canadian dollar', 'CAD'],
  ['singapore dollars', 'SGD'], ['singapore dollar', 'SGD'], ['new zealand dollars', 'NZD'], ['taiwan dollars', 'TWD'],
  ['new taiwan dollars', 'TWD'], ['taiwanese dollars', 'TWD'],
  ['euro', 'EUR'], ['euros', 'EUR'], ['yen', 'JPY'], ['japanese yen', 'JPY'], ['yuan', 'CNY'], ['chinese yuan', 'CNY'],
  ['renminbi', 'CNY'], ['rmb', 'CNY'], ['pounds', 'GBP'], ['pound', 'GBP'], ['pounds sterling', 'GBP'], ['sterling', 'GBP'], ['british pounds', 'GBP'],
  ['rupees', 'INR'], ['rupee', 'INR'], ['indian rupees', 'INR'], ['pakistani rupees', 'PKR'], ['rupiah', 'IDR'],
  ['won', 'KRW'], ['south korean won', 'KRW'], ['korean won', 'KRW'], ['swiss francs', 'CHF'], ['francs', 'CHF'],
  ['ringgit', 'MYR'], ['baht', 'THB'], ['pesos', 'MXN'], ['mexican pesos', 'MXN'], ['philippine pesos', 'PHP'],
  ['argentine pesos', 'ARS'], ['roubles', 'RUB'], ['rubles', 'RUB'], ['lira', 'TRY'], ['turkish lira', 'TRY'],
  ['rand', 'ZAR'], ['reais', 'BRL'], ['real', 'BRL'], ['brazilian reais', 'BRL'], ['dirhams', 'AED'], ['riyals', 'SAR'],
  ['shekels', 'ILS'], ['naira', 'NGN'], ['zloty', 'PLN'], ['hryvnia', 'UAH'], ['dong', 'VND'],
  ['swedish crowns', 'SEK'], ['swedish kronor', 'SEK'], ['norwegian crowns', 'NOK'], ['norwegian kroner', 'NOK'],
  ['danish crowns', 'DKK'], ['danish kroner', 'DKK'], ['kronor', 'SEK'],
  ...[...CURRENCY_CODES].filter(([code]) => /^[A-Z]{3}$/.test(code)).map(([code, iso]): [string, string] => [code.toLowerCase(), iso]),
];

/**
 * Currency names that are also ordinary words ("200 pounds" of weight, "the real"): they make an
 * amount money only with a scale word ("20 million pounds").
 */
export const NEEDS_SCALE = new Set(['pounds', 'real', 'rand', 'won', 'dong', 'pound']);

/** Scale words written apart from the number: "2.5 million", "20 bn". */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12], ['mn', 1e6], ['mln', 1e6], ['bn', 1e9],
  ['bln', 1e9], ['tn', 1e12], ['trn', 1e12], ['crore', 1e7], ['crores', 1e7], ['lakh', 1e5], ['lakhs', 1e5],
  ['millions', 1e6], ['billions', 1e9],
]);

/** Scale letters glued to a number: "£20.1bn", "$300M", "$4k". Upper-case single letters only with a currency. */
export const GLUED_SCALES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3], ['m', 1e6], ['mn', 1e6], ['mln', 1e6], ['bn', 1e9], ['b', 1e9], ['tn', 1e12], ['trn', 1e12], ['tr', 1e12],
  ['K', 1e3], ['M', 1e6], ['MN', 1e6], ['BN', 1e9], ['B', 1e9], ['TN', 1e12], ['million', 1e6], ['billion', 1e9],
]);
export const CURRENCY_ONLY_SCALES = new Set(['k', 'K', 'M', 'B', 'b', 'tr']);

/** Unit symbols that belong to the figure, glued ("256GB", "1.5GW") or after a space ("151 PS"). */
export const UNIT_SYMBOLS = new Set([
  'GB', 'MB', 'TB', 'KB', 'PB', 'Gb', 'Mb', 'Tb', 'GHz', 'MHz', 'kHz', 'Hz', 'MP', 'mAh', 'Wh', 'kWh', 'MWh', 'GWh', 'TWh',
  'W', 'kW', 'MW', 'GW', 'TW', 'V', 'kV', 'mV', 'mm', 'cm', 'km', 'kg', 'mg', 'lb', 'lbs', 'oz', 'mph', 'kph', 'kmh',
  'PS', 'hp', 'bhp', 'Nm', 'ft', 'sq', 'ppm', 'ppb', 'bps', 'Mbps', 'Gbps', 'Kbps', 'fps', 'mpg', 'nm', 'µm', 'ml', 'mL',
  'cc', 'kt', 'Mt', 'Gt', 'MtCO2', 'tCO2', 'dB', 'GBps', 'TFLOPS', 'km2', 'm2', 'm3', 'mi', 'in', 'x',
]);
/** Symbols a space may separate from the number: only those that are never ordinary words. */
export const SPACED_UNIT_SYMBOLS = new Set([...UNIT_SYMBOLS].filter((u) => u !== 'in' && u !== 'x' && u !== 'V' && u !== 'W' && u !== 'sq' && u !== 'mi' && u !== 'ft'));

/** Unit words joined by a hyphen that stay in the span: "12-inch", "2.0-liter". */
export const HYPHEN_UNITS = new Set([
  'inch', 'liter', 'litre', 'foot', 'feet', 'ft', 'meter', 'metre', 'mile', 'km', 'kilometer', 'kilometre',
  'pound', 'ton', 'tonne', 'acre', 'megapixel', 'megawatt', 'gigawatt', 'kilowatt', 'watt', 'volt', 'gallon',
  'gram', 'kilogram', 'core', 'cylinder', 'speed', 'mm', 'cm', 'bit', 'ounce', 'oz', 'gigabyte', 'terabyte', 'horsepower',
]);

/** Time words that make a number a duration or an age ("five years", "42-year-old", "10-hour"). */
export const TIME_UNITS = new Set([
  'second', 'seconds', 'sec', 'secs', 'minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days',
  'week', 'weeks', 'month', 'months', 'year', 'years', 'yr', 'yrs', 'decade', 'decades', 'century', 'centuries',
  'night', 'nights', 'quarter', 'quarters', 'semester', 'weekend', 'weekends', 'millennium', 'year-old', 'years-old',
]);

/** Month and weekday names: a number next to one is a date. */
export const DATE_WORDS = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
]);

/** Words before a number that make it a label, a rank or a position rather than a quantity. */
export const LABEL_WORDS = new Set([
  'no', 'no.', 'number', 'page', 'pages', 'chapter', 'section', 'article', 'room', 'flight', 'route', 'episode', 'season',
  'level', 'grade', 'phase', 'round', 'stage', 'step', 'version', 'model', 'type', 'tier', 'class', 'category', 'item',
  'rule', 'line', 'gate', 'platform', 'exit', 'floor', 'suite', 'highway', 'interstate', 'district', 'ward', 'vol',
  'volume', 'issue', 'part', 'figure', 'fig', 'table', 'paragraph', 'clause', 'proposition', 'prop', 'amendment', 'bill',
  'channel', 'rank', 'ranked', 'ranks', 'ranking', 'week', 'day', 'game', 'match', 'act', 'age', 'aged', 'ages',
  'pg', 'pp', 'p', 'ch', 'sec', 'art', 'ep', 'gen', 'v', 'vs', 'vs.', 'mark', 'series', 'row', 'seat', 'box', 'apartment',
  'apt', 'unit', 'building', 'block', 'lot', 'plot', 'track', 'verse', 'psalm', 'title', 'term', 'lesson', 'book',
]);

/** Capitalised words that may stand before a figure without making it a model number ("The 14 companies"). */
export const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'these', 'those', 'this', 'that', 'about', 'only', 'some', 'all', 'nearly', 'almost', 'over', 'under',
  'more', 'less', 'fewer', 'around', 'roughly', 'approximately', 'just', 'at', 'in', 'on', 'of', 'for', 'with', 'by', 'to',
  'from', 'and', 'but', 'or', 'another', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'top', 'last', 'next',
  'total', 'up', 'down', 'than', 'each', 'every', 'both', 'least', 'most', 'as', 'if',
  'when', 'while', 'after', 'before', 'since', 'until', 'between', 'among', 'above', 'below', 'into', 'onto', 'per',
  'estimated', 'approx', 'est', 'plus', 'minus', 'like', 'including', 'include', 'includes', 'overall', 'combined',
  'so', 'yet', 'then', 'there', 'here', 'we', 'they', 'he', 'she', 'it', 'i', 'you', 'sold', 'bought', 'had', 'has',
  'have', 'were', 'was', 'is', 'are', 'be', 'been', 'hired', 'cut', 'added', 'lost', 'close', 'near', 'out', 'exactly',
  'maybe', 'perhaps', 'orig', 'now', 'low', 'high', 'record', 'price', 'prices', 'cost', 'costs', 'reg', 'list',
  'msrp', 'buy', 'sale', 'save',
]);

/** Street words after "10 Downing ...": the number is part of an address. */
export const STREET_WORDS = new Set([
  'Street', 'St', 'St.', 'Avenue', 'Ave', 'Ave.', 'Road', 'Rd', 'Rd.', 'Boulevard', 'Blvd', 'Blvd.', 'Lane', 'Drive',
  'Dr.', 'Way', 'Place', 'Square', 'Plaza', 'Court', 'Terrace', 'Parkway', 'Highway', 'Broadway',
]);

/** Small numbers written as words; a figure only with a scale word ("three million"). */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['fifteen', 15], ['twenty', 20], ['thirty', 30], ['forty', 40],
  ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['hundred', 100], ['a', 1],
  ['half', 0.5],
]);

/** Words after an amount that make it a percentage. Token sequences, lower case. */
export const PERCENT_WORDS: ReadonlyArray<string> = [
  'percent', 'per cent', 'pct', 'percentage point', 'percentage points', 'per centage points', 'pc', 'pct points',
  'pct point', 'percent points',
];
