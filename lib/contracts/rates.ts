/** Exchange rates as the background fetches and keeps them, and sends to hover cards. */

export interface ExchangeRates {
  /** The ECB's reference date of these rates (YYYY-MM-DD). */
  date: string;
  /** Units of each currency per 1 EUR, as the ECB publishes them; EUR itself is 1. */
  perEuro: Record<string, number>;
}

/** The last rates fetched, kept in storage so cards convert money offline too. */
export interface StoredRates {
  rates: ExchangeRates;
  /** When we last fetched them (ms since epoch). */
  fetchedAt: number;
}
