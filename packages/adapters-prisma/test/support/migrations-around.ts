import {
  type RosterkitMigration,
  type RosterkitProvider,
  rosterkitMigrations,
} from '../../src/index.js';

/**
 * The shipped migrations of `provider` split at the one named `name`: those
 * before it (what a host upgrading to it already has) and it with every later
 * one (what the upgrade applies). A test of one migration sets up the
 * database with `before`, writes the rows of that time, then applies the
 * rest, as a host's upgrade does: never later migrations before it.
 */
export function migrationsAround(
  provider: RosterkitProvider,
  name: string,
): { readonly before: RosterkitMigration[]; readonly from: RosterkitMigration[] } {
  const all = rosterkitMigrations[provider];
  const at = all.findIndex((migration) => migration.name === name);
  if (at < 1) throw new Error(`No shipped ${provider} migration ${name} with migrations before it`);
  return { before: all.slice(0, at), from: all.slice(at) };
}
