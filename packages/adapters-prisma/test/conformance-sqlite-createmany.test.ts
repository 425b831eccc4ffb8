import { runConformance } from './support/conformance.js';

// Batches through Prisma's createMany instead of raw INSERTs (the option for
// hosts whose tables are not on the connection's search_path).
runConformance('sqlite', { batchInserts: 'createMany' });
