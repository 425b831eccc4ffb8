export type {
  PrismaTransactionClientOf,
  RosterkitModelArgs,
  RosterkitModelDelegate,
  RosterkitPrismaClient,
  RosterkitPrismaTransactionClient,
} from './client.js';
export type {
  ApplyMigrationsOptions,
  ApplyMigrationsResult,
  MigrationClient,
  RosterkitMigration,
  RosterkitProvider,
} from './migrations.js';
export { applyMigrations, rosterkitMigrations } from './migrations.js';
export type { PrismaStoreOptions } from './prisma-store.js';
export { prismaStore } from './prisma-store.js';
