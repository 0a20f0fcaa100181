import { describe, expect, it } from 'vitest';
import { parseEcbRates } from '@/lib/rates/ecb';
import { currentRates, RATES_MAX_AGE_MS, type StoredRates } from '@/lib/rates/cache';

const ECB_XML = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube><Cube time='2026-11-24'>
    <Cube currency='USD' rate='1.0512'/><Cube currency='JPY' rate='161.2'/><Cube currency='GBP' rate='0.8321'/><Cube currency='CNY' rate='7.6123'/>
  </Cube></Cube>
</gesmes:Envelope>`;

function memoryStore(initial: StoredRates | null = null) {
  let value = initial;
  return { get: async () => value, set: async (v: StoredRates) => void (value = v), peek: () => value };
}

describe('parseEcbRates', () => {
  it('reads the reference date and every currency rate', () => {
    expect(parseEcbRates(ECB_XML)).toEqual({ date: '2026-11-24', perEuro: { USD: 1.0512, JPY: 161.2, GBP: 0.8321, CNY: 7.6123 } });
  });

  it('rejects documents that are not ECB rates with a clear message', () => {
    expect(() => parseEcbRates('<html><body>Maintenance</body></html>')).toThrow(/no reference date/);
    expect(() => parseEcbRates(ECB_XML.replace(/<Cube currency[^>]*>/g, ''))).toThrow(/no currencies/);
  });
});

describe('currentRates', () => {
  const ok = async () => new Response(ECB_XML, { status: 200 });
  const down = async (): Promise<Response> => {
    throw new TypeError('Failed to fetch');
  };

  it('fetches and stores rates when none are stored', async () => {
    const store = memoryStore();
    expect((await currentRates(store, ok, 1000))?.date).toBe('2026-11-24');
    expect(store.peek()?.fetchedAt).toBe(1000);
  });

  it('uses fresh stored rates without fetching', async () => {
    const stored = { rates: { date: '2026-11-20', perEuro: { USD: 1 } }, fetchedAt: 1000 };
    const fetchFn = async (): Promise<Response> => {
      throw new Error('should not fetch');
    };
    expect(await currentRates(memoryStore(stored), fetchFn, 1000 + RATES_MAX_AGE_MS - 1)).toEqual(stored.rates);
  });

  it('falls back to the last known rates offline, and to null with none', async () => {
    const stored = { rates: { date: '2026-11-20', perEuro: { USD: 1 } }, fetchedAt: 0 };
    expect(await currentRates(memoryStore(stored), down, RATES_MAX_AGE_MS * 10)).toEqual(stored.rates);
    expect(await currentRates(memoryStore(), down, 0)).toBeNull();
    expect(await currentRates(memoryStore(stored), async () => new Response('busy', { status: 503 }), RATES_MAX_AGE_MS * 10)).toEqual(stored.rates);
  });
});
