// An adapter author's package, as "Writing a storage adapter" imports it
// (`../src/index.js`): a Store over their own database. Declared only: the
// block that imports it is compiled, not run.
import type { Store } from '@rosterkit/core';
import type { TestDatabase } from '../test/support.js';

/** The author's store, which keeps the database it was made for. */
export declare function myStore(db: TestDatabase): Store & { readonly db: TestDatabase };
