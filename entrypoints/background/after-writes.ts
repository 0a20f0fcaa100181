import type { Handlers, MessageName } from '@/lib/messaging';

/** Messages that only read: everything else a library handler answers is a write. */
const READS = /^(get|list|count|export)/;

/** The same handlers, calling `onWrite` after each write succeeds (sync soon after local changes). */
export function afterWrites(handlers: Handlers, onWrite: () => unknown): Handlers {
  const wrapped: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [MessageName, (...args: unknown[]) => unknown][]) {
    wrapped[name] = READS.test(name)
      ? handler
      : async (...args: unknown[]) => {
          const result = await handler(...args);
          void Promise.resolve(onWrite()).catch((error: unknown) => console.debug('[newsmark] after-write hook failed', error));
          return result;
        };
  }
  return wrapped as Handlers;
}
