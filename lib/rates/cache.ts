/**
 * Keeps the last ECB rates the background fetched, so cards convert money offline too
 * (with the date of the rates they use). Storage and fetch are passed in.
 */
import type { ExchangeRates, StoredRates } from '../contracts/rates';
import { ECB_DAILY_URL, parseEcbRates } from './ecb';

export type { StoredRates };

export interface RatesStore {
  get(): Promise<StoredRates | null>;
  set(value: StoredRates): Promise<void>;
}

/** The ECB publishes once a working day; asking every 6 hours catches each publication soon enough. */
export const RATES_MAX_AGE_MS = 6 * 60 * 60 * 1000;

/** The stored rates, refreshed first when they are missing or stale; the stored ones when the refresh fails. */
export async function currentRates(store: RatesStore, fetchFn: typeof fetch, now = Date.now()): Promise<ExchangeRates | null> {
  const stored = await store.get();
  if (stored && now - stored.fetchedAt < RATES_MAX_AGE_MS) return stored.rates;
  try {
    const response = await fetchFn(ECB_DAILY_URL, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`ECB answered HTTP ${response.status}`);
    const rates = parseEcbRates(await response.text());
    await store.set({ rates, fetchedAt: now });
    return rates;
  } catch (error) {
    console.debug('[newsmark] exchange rates not refreshed:', error);
    return stored?.rates ?? null;
  }
}
