import type { RoleCatalog } from '../../ports/role-catalog.js';

/**
 * The highest-ranked of these role names by the catalog's `rank` (a role
 * without one ranks below every role with one; between equal ranks, the one
 * the catalog lists first: a `@rosterkit/policies` role set lists highest
 * first), ignoring names the catalog does not know (a stored role deleted
 * since a connection mapped a group to it); `undefined` when none is known.
 * @internal
 */
export function highestRole(catalog: RoleCatalog, names: Iterable<string>): string | undefined {
  let best: { name: string; rank: number; index: number } | undefined;
  for (const name of names) {
    const index = catalog.roles.findIndex((role) => role.name === name);
    const role = catalog.roles[index];
    if (role === undefined) continue;
    const rank = role.rank ?? Number.NEGATIVE_INFINITY;
    if (best === undefined || rank > best.rank || (rank === best.rank && index < best.index)) {
      best = { name, rank, index };
    }
  }
  return best?.name;
}
