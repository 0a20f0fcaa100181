/**
 * The European Central Bank's daily euro reference rates (about 30 currencies, published
 * around 16:00 CET on working days). Parsed with fast-xml-parser: the background is a
 * service worker in Chrome and has no DOMParser.
 */
import { XMLParser } from 'fast-xml-parser';
import type { ExchangeRates } from '../contracts/rates';

export const ECB_DAILY_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml';

interface CubeNode {
  '@_time'?: string;
  '@_currency'?: string;
  '@_rate'?: string;
  Cube?: CubeNode | CubeNode[];
}

const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true });

/** Parses the ECB's eurofxref XML; throws a clear error on anything else. */
export function parseEcbRates(xml: string): ExchangeRates {
  let doc: { Envelope?: { Cube?: CubeNode } };
  try {
    doc = parser.parse(xml) as typeof doc;
  } catch (error) {
    throw new Error(`ECB rates are not valid XML: ${(error as Error).message}`);
  }
  const dayCube = asArray(doc.Envelope?.Cube?.Cube)[0];
  const date = dayCube?.['@_time'];
  if (!dayCube || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('ECB rates have no reference date');
  const perEuro: Record<string, number> = {};
  for (const cube of asArray(dayCube.Cube)) {
    const currency = cube['@_currency'];
    const rate = Number(cube['@_rate']);
    if (currency && /^[A-Z]{3}$/.test(currency) && Number.isFinite(rate) && rate > 0) perEuro[currency] = rate;
  }
  if (Object.keys(perEuro).length === 0) throw new Error('ECB rates list no currencies');
  return { date, perEuro };
}

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
