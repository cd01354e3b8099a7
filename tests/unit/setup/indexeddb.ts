/**
 * One fake IndexedDB for every test file, put on the global before each file runs. The
 * files share their worker's modules (vitest.config.ts: isolate: false), so
 * `import 'fake-indexeddb/auto'` runs once per worker, and a DOM environment's teardown can
 * take globals it did not have away again; Dexie also reads `indexedDB` when it is first
 * loaded. Setting them here, before any file's imports, keeps every file's view the same.
 */
import * as fake from 'fake-indexeddb';

// The names the browser gives IndexedDB and its interfaces (what 'fake-indexeddb/auto' sets).
const NAMES = [
  'indexedDB',
  'IDBCursor',
  'IDBCursorWithValue',
  'IDBDatabase',
  'IDBFactory',
  'IDBIndex',
  'IDBKeyRange',
  'IDBObjectStore',
  'IDBOpenDBRequest',
  'IDBRequest',
  'IDBTransaction',
  'IDBVersionChangeEvent',
] as const;
for (const name of NAMES) {
  Object.defineProperty(globalThis, name, {
    value: fake[name],
    configurable: true,
    writable: true,
  });
}
