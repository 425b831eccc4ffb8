// The host's raw readers, as "Using Prisma" imports them: plain SQL over
// rosterkit's tables. Declared only: the block that imports them is compiled,
// not run (see test/support/raw-readers.ts of @rosterkit/adapter-prisma for a
// complete implementation).
import type { RawReaders } from '@rosterkit/conformance';
import type { PrismaClient } from '../generated/prisma/client.js';

export declare function rawReaders(prisma: PrismaClient): RawReaders;
