// The host's test client, as `test/rosterkit.test.ts` in "Using Prisma" imports
// it: a PrismaClient on the test database.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

export const prisma = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
