/**
 * One fake IndexedDB for every test file, put on the global before each file runs. The
 * files share their worker's modules (vitest.config.ts: isolate: false), so
 * `import 'fake-indexeddb/auto'` runs once per worker, and a DOM environment's teardown can
 * take globals it did not have away again; Dexie also reads `indexedDB` when it is first
 * loaded. Setting them here, before any file's imports, keeps every file's view the same.
 */
import {
  IDBCursor,
  IDBCursorWithValue,
  IDBDatabase,
  IDBFactory,
  IDBIndex,
  IDBKeyRange,
  IDBObjectStore,
  IDBOpenDBRequest,
  IDBRequest,
  IDBTransaction,
  IDBVersionChangeEvent,
  indexedDB,
} from 'fake-indexeddb';

const globals = {
  indexedDB,
  IDBCursor,
  IDBCursorWithValue,
  IDBDatabase,
  IDBFactory,
  IDBIndex,
  IDBKeyRange,
  IDBObjectStore,
  IDBOpenDBRequest,
  IDBRequest,
  IDBTransaction,
  IDBVersionChangeEvent,
};
for (const [name, value] of Object.entries(globals)) {
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}
