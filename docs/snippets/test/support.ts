// An adapter author's test helpers, as "Writing a storage adapter" imports
// them. Declared only: the block that imports them is compiled, not run.
import type { RawReaders } from '@rosterkit/core/testing';

/** A fresh, empty database of the author's kind. */
export interface TestDatabase {
  drop(): Promise<void>;
}

export declare function createEmptyTestDatabase(): Promise<TestDatabase>;
/** Reads rows straight from the database, with plain SQL, bypassing the store. */
export declare function rawReaders(db: TestDatabase): RawReaders;
