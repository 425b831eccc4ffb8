import { runStoreConformance } from '@rosterkit/conformance';
import { memoryStore } from '../src/index.js';

// The whole storage contract, verified through the store's own maps
// (`inspect()`), which bypass its transactions.
runStoreConformance('memory', () => memoryStore(), {
  raw: (store) => store.inspect(),
});
