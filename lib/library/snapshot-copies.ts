/**
 * Copies of the popup's snapshots in `storage.session`, which the browser answers itself. A
 * popup opened while the worker sleeps (the browser stops it after 30 s idle) shows its page
 * from the copy at once, instead of waiting for the worker to start and open the database
 * (about 200 ms); the worker's own answer follows and replaces it.
 *
 * A copy is good only for the library as it was when its snapshot was read. Every change to
 * the tables a snapshot reads gives the library a new version token, kept beside the copies,
 * and removes the copies; a copy under another token than the current one is never shown.
 * Between a write and the new token reaching the storage, a popup may still show the old
 * copy for the moment until the worker's answer replaces it.
 */
import type { PopupSnapshot } from '../contracts/messages';

/** The parts of a `storage.session` area used here. */
export interface SessionArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const VERSION_KEY = 'popupSnapshots:version';
const COPY_PREFIX = 'popupSnapshot:';

interface SnapshotCopy {
  version: string;
  snapshot: PopupSnapshot;
}

/** The popup's side: the copy of `url`'s snapshot when there is one for the library as it is now. */
export async function readSnapshotCopy(area: SessionArea, url: string): Promise<PopupSnapshot | null> {
  const key = COPY_PREFIX + url;
  const stored = await area.get([VERSION_KEY, key]);
  const copy = stored[key] as SnapshotCopy | undefined;
  return copy && stored[VERSION_KEY] !== undefined && copy.version === stored[VERSION_KEY] ? copy.snapshot : null;
}

/** The worker's side. */
export interface SnapshotCopies {
  /** How many times the library changed since the worker started: a read taken now is kept under it. */
  generation(): number;
  /** Keeps `snapshot` of `url`, read at `readAt` (a generation); dropped if the library changed since. */
  keep(url: string, snapshot: PopupSnapshot, readAt: number): void;
  /** The library changed: a new version, and every copy removed. */
  changed(): void;
  /** Resolves once every operation asked for so far is done (tests). */
  settled(): Promise<void>;
}

/** Copies kept in `area`; `newVersion` makes version tokens (random in the extension). */
export function snapshotCopies(area: SessionArea, newVersion: () => string = () => crypto.randomUUID()): SnapshotCopies {
  let generation = 0;
  let version = '';
  // The storage operations run one after the other, in the order they were asked for.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (operation: () => Promise<void>) => {
    queue = queue.then(operation).catch((error: unknown) => console.debug('[newsmark] snapshot copies', error));
  };
  // First, the version the stored copies were kept under: they outlive the worker. Until it is
  // known (or if the storage fails), copies are kept under '', which no popup accepts.
  enqueue(async () => {
    const stored = (await area.get(VERSION_KEY))[VERSION_KEY];
    if (typeof stored === 'string') version = stored;
    else {
      const fresh = newVersion();
      await area.set({ [VERSION_KEY]: fresh });
      version = fresh;
    }
  });
  return {
    generation: () => generation,
    keep: (url, snapshot, readAt) => {
      if (readAt !== generation) return;
      enqueue(async () => {
        if (readAt === generation) await area.set({ [COPY_PREFIX + url]: { version, snapshot } satisfies SnapshotCopy });
      });
    },
    changed: () => {
      generation++;
      const next = newVersion();
      enqueue(async () => {
        version = next;
        await area.set({ [VERSION_KEY]: next });
        const copies = Object.keys(await area.get(null)).filter((key) => key.startsWith(COPY_PREFIX));
        if (copies.length > 0) await area.remove(copies);
      });
    },
    settled: () => queue,
  };
}
