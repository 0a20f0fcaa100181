import { LIBRARY_WRITES } from '@/lib/contracts/messages';
import type { Handlers } from '@/lib/messaging';

/**
 * The same handlers, calling `onWrite` after each message that changes the reader's library
 * (its `writes` flag in lib/contracts/messages) succeeds: open pages read it again, sync runs soon.
 */
export function afterWrites(handlers: Handlers, onWrite: () => unknown): Handlers {
  const wrapped: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (...args: unknown[]) => unknown][]) {
    wrapped[name] = !Object.hasOwn(LIBRARY_WRITES, name)
      ? handler
      : async (...args: unknown[]) => {
          const result = await handler(...args);
          void Promise.resolve(onWrite()).catch((error: unknown) => console.debug('[newsmark] after-write hook failed', error));
          return result;
        };
  }
  return wrapped as Handlers;
}
