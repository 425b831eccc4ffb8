// Runs one extracted block: imports it, which evaluates it with its top-level
// awaits, then ends the process. A block passes when its evaluation completes
// and nothing rejects unhandled in the short grace period after it. Ending
// the process there, rather than waiting for it to exit by itself, is for the
// Prisma blocks: a PrismaClient's pool keeps a process alive for seconds after
// its last query (a host's server never exits; a script calls `$disconnect()`).
import { pathToFileURL } from 'node:url';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: tsx run-block.ts FILE');
await import(pathToFileURL(file).href);
// An unhandled rejection of a promise the block did not await ends the process with code 1 here.
await new Promise((resolve) => setTimeout(resolve, 200));
process.exit(0);
