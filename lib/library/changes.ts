/** Telling of writes to some tables of the database, wherever in the extension they were made. */
import Dexie, { type ObservabilitySet } from 'dexie';

/**
 * Calls `onChange` after each committed write to any of `tables` of `db`: by this page or
 * worker, or by any other page of the extension (Dexie's `storagemutated`, which it passes
 * between them over a BroadcastChannel). Returns a function that stops listening.
 */
export function onTablesChanged(db: Dexie, tables: readonly string[], onChange: () => void): () => void {
  const prefixes = tables.map((table) => `idb://${db.name}/${table}/`);
  const listener = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) onChange();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
