import type { AccountWithMemberships, ActorApi, BulkUpdateRow, Page } from '@rosterkit/core';

/**
 * Which space a bulk-update template covers, and the names that turn its ids
 * into what people write.
 *
 * @example
 * ```ts
 * import type { TeamRowsOptions } from '@rosterkit/spreadsheets';
 *
 * // defaultSpace from createOrganization, groups as createGroup returned them
 * const options: TeamRowsOptions = { space: defaultSpace, groups: [sales, support] };
 * ```
 */
export interface TeamRowsOptions {
  /** The space whose team the rows list (a core `Space` will do); its name fills the Space column. */
  readonly space: { readonly id: string; readonly name: string };
  /**
   * The space's groups (core `Group`s will do), to write group names. A member
   * with a group missing here gets an empty Groups cell ("unchanged"), never a
   * partial list that would drop the group on upload.
   * @default []
   */
  readonly groups?: readonly { readonly id: string; readonly name: string }[];
  /**
   * Emails of accounts that may manage members but are not in `members`, by
   * account id. Managers who are members of the space are found in `members`.
   * A manager found nowhere gets an empty cell ("unchanged").
   * @default {}
   */
  readonly emails?: Readonly<Record<string, string>>;
}

/**
 * Turns team members, as `listMembers` returns them, into bulk-update rows
 * showing their current state: space, role, groups, manager, restrictions,
 * and `deactivated: true` for deactivated accounts (others are left empty:
 * `y` deactivates, `n` reactivates). Uploaded unchanged, every row reports
 * `unchanged`. Members without a current membership of `options.space` are
 * skipped. Pure: {@link listUpdateRows} pages the roster and calls it.
 *
 * @example
 * ```ts
 * import { toUpdateRows, updateSheet, writeXlsx } from '@rosterkit/spreadsheets';
 *
 * const page = await admin.listMembers({ spaceId: space.id, limit: 500 });
 * const rows = toUpdateRows(page.items, { space, groups });
 * const bytes = await writeXlsx(updateSheet(), { roles: roleSet, rows });
 * ```
 */
export function toUpdateRows(
  members: readonly AccountWithMemberships[],
  options: TeamRowsOptions,
): BulkUpdateRow[] {
  const groupNames = new Map((options.groups ?? []).map((group) => [group.id, group.name]));
  const emails = new Map<string, string>(Object.entries(options.emails ?? {}));
  for (const { account } of members) emails.set(account.id, account.email);
  const rows: BulkUpdateRow[] = [];
  for (const { account, memberships } of members) {
    const membership = memberships.find(
      (candidate) => candidate.spaceId === options.space.id && candidate.state === 'member',
    );
    if (membership === undefined || account.status === 'deleted') continue;
    const groups = membership.groupIds.map((id) => groupNames.get(id));
    const manager = membership.managerId === null ? undefined : emails.get(membership.managerId);
    rows.push({
      email: account.email,
      space: options.space.name,
      role: membership.role,
      ...(groups.length > 0 && groups.every((name) => name !== undefined)
        ? { groups: groups as string[] }
        : {}),
      ...(manager === undefined ? {} : { manager }),
      ...(membership.restrictions.length > 0 ? { restrictions: [...membership.restrictions] } : {}),
      ...(account.status === 'deactivated' ? { deactivated: true } : {}),
    });
  }
  return rows;
}

/**
 * The current team of a space as bulk-update rows, for the bulk-update
 * template: pages through the actor's `listMembers` (every status but
 * deleted, sorted by email) and calls {@link toUpdateRows}. Only the members
 * the actor may read are listed.
 *
 * @example
 * ```ts
 * import { listUpdateRows, updateSheet, writeXlsx } from '@rosterkit/spreadsheets';
 *
 * const admin = roster.as({ accountId, orgId });
 * const rows = await listUpdateRows(admin, { space: defaultSpace, groups });
 * const bytes = await writeXlsx(updateSheet(), { roles: roleSet, rows });
 * ```
 */
export async function listUpdateRows(
  api: Pick<ActorApi, 'listMembers'>,
  options: TeamRowsOptions,
): Promise<BulkUpdateRow[]> {
  const members: AccountWithMemberships[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<AccountWithMemberships> = await api.listMembers({
      spaceId: options.space.id,
      statuses: ['pending', 'active', 'deactivated'],
      sort: { field: 'email', direction: 'asc' },
      limit: 500,
      ...(cursor === null ? {} : { cursor }),
    });
    members.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return toUpdateRows(members, options);
}
