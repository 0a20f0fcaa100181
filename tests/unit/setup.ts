// IndexedDB semantics in Node: Dexie runs against fake-indexeddb's in-memory implementation.
import 'fake-indexeddb/auto';
