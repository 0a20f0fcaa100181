// IndexedDB semantics in Node: Dexie runs against fake-indexeddb's in-memory implementation.
import 'fake-indexeddb/auto';

// Property tests explore new random inputs on every local run, where a counterexample is a find to
// fix and pin as its own case. CI replays one fixed seed instead: a merge must not pass or fail by
// the luck of the draw (a CI run failed on a crash a random seed found that day; it is pinned now).
import fc from 'fast-check';
if (process.env.CI) fc.configureGlobal({ seed: 20261206 });
