export type { MemoryStore, MemoryStoreOptions } from './memory-store.js';
export { memoryStore } from './memory-store.js';
export type { MemoryStoreInspector } from './memory-store-inspector.js';
