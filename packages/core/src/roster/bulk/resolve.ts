import { RosterError } from '../../errors/roster-error.js';
import type { Account } from '../../model/account.js';
import type { Group } from '../../model/group.js';
import type { Space } from '../../model/space.js';
import type { ActorContext } from '../command-context.js';

// Spreadsheets name spaces and groups as people write them: an exact name
// wins, else the one name that matches ignoring case.

function byName<T extends { readonly name: string }>(items: readonly T[], name: string): T[] {
  const exact = items.filter((item) => item.name === name);
  if (exact.length > 0) return exact;
  const folded = name.toLocaleLowerCase();
  return items.filter((item) => item.name.toLocaleLowerCase() === folded);
}

/** The space named `name`, or the default space when `name` is absent; NOT_FOUND otherwise. @internal */
export function resolveSpace(
  spaces: readonly Space[],
  name: string | undefined,
  defaultSpaceId: string,
): Space {
  const found =
    name === undefined
      ? spaces.filter((space) => space.id === defaultSpaceId)
      : byName(spaces, name);
  const [space, other] = found;
  if (space === undefined || other !== undefined) {
    const what = name === undefined ? 'the default space' : `a space named "${name}"`;
    throw new RosterError(
      'NOT_FOUND',
      other === undefined
        ? `There is no ${what.replace(/^(the|a) /, '')} in this organization.`
        : `Several spaces are named "${name}"; rename one of them.`,
      { subject: 'Space', id: name ?? defaultSpaceId },
    );
  }
  return space;
}

/** The ids of the groups named `names` in `space`, each once; NOT_FOUND names the first unknown one. @internal */
export function resolveGroups(
  groups: readonly Group[],
  names: readonly string[],
  space: Space,
): string[] {
  const ids: string[] = [];
  for (const name of names) {
    const found = byName(
      groups.filter((group) => group.spaceId === space.id),
      name,
    );
    const [group, other] = found;
    if (group === undefined || other !== undefined) {
      throw new RosterError(
        'NOT_FOUND',
        other === undefined
          ? `There is no group named "${name}" in ${space.name}.`
          : `Several groups of ${space.name} are named "${name}"; rename one of them.`,
        { subject: 'Group', id: name },
      );
    }
    if (!ids.includes(group.id)) ids.push(group.id);
  }
  return ids;
}

/** Whether two lists hold the same strings, ignoring order and repeats. @internal */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((value) => right.has(value));
}

/** What one row of a batch names: its space, whether it names groups, the emails it mentions. @internal */
export interface RowNames {
  readonly space: string | undefined;
  readonly hasGroups: boolean;
  readonly emails: readonly string[];
}

/** Every name a batch's rows may use, loaded in a fixed number of reads. @internal */
export interface BatchNames {
  readonly spaces: readonly Space[];
  /** The groups of every space a row with groups names. */
  readonly groups: readonly Group[];
  /** The organization's accounts with one of the rows' emails. */
  readonly accounts: readonly Account[];
}

/**
 * Loads what the rows of a batch name: the spaces, the groups of the spaces
 * whose rows name groups (a row whose space is unknown is reported with the
 * row), and the accounts of every email mentioned. One read each, plus one
 * per space with groups, whatever the number of rows.
 * @internal
 */
export async function loadBatchNames(
  ctx: ActorContext,
  rows: readonly RowNames[],
): Promise<BatchNames> {
  const { organization } = ctx.actor;
  const orgId = organization.id;
  const spaces = await ctx.tx.spaces.listByOrganization(orgId);
  const spaceIdsWithGroups = new Set<string>();
  const emails = new Set<string>();
  for (const row of rows) {
    for (const email of row.emails) emails.add(email);
    if (!row.hasGroups) continue;
    try {
      spaceIdsWithGroups.add(resolveSpace(spaces, row.space, organization.defaultSpaceId).id);
    } catch {
      // Reported with the row.
    }
  }
  const groups: Group[] = [];
  for (const spaceId of spaceIdsWithGroups) {
    groups.push(...(await ctx.tx.groups.listBySpace(orgId, spaceId)));
  }
  const accounts = await ctx.tx.accounts.findByEmails(orgId, [...emails]);
  return { spaces, groups, accounts };
}
