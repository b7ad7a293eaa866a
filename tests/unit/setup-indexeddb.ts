// Unit tests run in Node: give Dexie an in-memory IndexedDB before any test module loads it.
import 'fake-indexeddb/auto'
