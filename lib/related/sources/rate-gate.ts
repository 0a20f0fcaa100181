/**
 * Spaces requests to one service at least `minIntervalMs` apart (GDELT asks for one
 * every 5 s). Callers queue: each waits for its own slot. The state lives in memory; a
 * service worker woken afresh starts with an open gate, which the service tolerates
 * since waking takes longer than the interval in practice.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Returns `wait()`, which resolves when the caller may send its request. */
export function createRateGate(minIntervalMs: number, clock: Clock = realClock): () => Promise<void> {
  let nextSlot = 0;
  return async () => {
    const now = clock.now();
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + minIntervalMs;
    if (slot > now) await clock.sleep(slot - now);
  };
}
