/** A section's "Saved" / error line after each save. */
import { useState } from 'preact/hooks';

export type SaveState = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

export function useSaveState(): [SaveState, (work: Promise<unknown>) => Promise<void>] {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const track = (work: Promise<unknown>) =>
    work.then(
      () => setState({ kind: 'saved' }),
      (e: unknown) => setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  return [state, track];
}
