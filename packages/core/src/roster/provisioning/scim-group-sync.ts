import type { Account } from '../../model/account.js';
import type { Membership } from '../../model/membership.js';
import type { ProvisioningConnection } from '../../model/provisioning-connection.js';
import { auditEventOf } from '../audit.js';
import type { ActorContext } from '../command-context.js';
import { planAssignGroups } from '../commands/membership-settings.js';
import { planChangeRole } from '../commands/team.js';
import { checkRoleGrantable } from '../protections.js';
import { highestRole } from './highest-role.js';
import type { MemberLink } from './member-links.js';

// How an identity provider's SCIM group membership becomes rosterkit's: the
// rosterkit groups of an account's membership of the connection's space
// (`Membership.groupIds`), and its role there (the connection's
// `groupRoles`). Each change is planned and authorized as its own command
// would plan it (assignGroups, changeRole), then written in one batch with
// its audit events, so the statements do not grow with the members.

/** What one account's SCIM groups change in its rosterkit groups: ids to put in, ids to take out. @internal */
export interface GroupChange {
  readonly account: Account;
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
}

/** Writes the planned memberships and their audit events, one batch each. */
async function saveAll(
  ctx: ActorContext,
  action: 'assignGroups' | 'changeRole',
  planned: readonly (readonly [Membership, Membership])[],
): Promise<void> {
  if (planned.length === 0) return;
  const orgId = ctx.actor.organization.id;
  const saved = await ctx.tx.memberships.updateMany(planned.map(([, next]) => next));
  await ctx.tx.auditEvents.appendMany(
    planned.map(([before], i) =>
      auditEventOf(ctx, orgId, action, { type: 'Membership', id: before.id }, before, saved[i]),
    ),
  );
}

/**
 * Applies the changes to each account's current membership of the space,
 * as assignGroups would (audited `assignGroups`): a group is put in only
 * for an active account (DESIGN §3: a deactivated one is in no group; a
 * pending one has no membership yet) and only when it is a group of the
 * space; taking out holds whatever the status. An account without a current
 * membership of the space is left alone, and so is the owner (rule 1: the
 * owner ranks above every connection, and manages their own memberships).
 * @internal
 */
export async function applyGroupChanges(
  ctx: ActorContext,
  spaceId: string,
  changes: readonly GroupChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const { organization } = ctx.actor;
  const orgId = organization.id;
  const ids = changes.map((change) => change.account.id);
  const [memberships, groups] = await Promise.all([
    ctx.tx.memberships.listByAccounts(orgId, ids),
    ctx.tx.groups.listBySpace(orgId, spaceId),
  ]);
  const planned: [Membership, Membership][] = [];
  for (const { account, add = [], remove = [] } of changes) {
    const own = memberships.filter((m) => m.accountId === account.id);
    const membership = own.find((m) => m.spaceId === spaceId && m.state === 'member');
    if (membership === undefined) continue;
    // Rule 1: the owner's memberships are the owner's to manage; ranked above every connection.
    if (account.id === organization.ownerId) continue;
    const puts =
      account.status === 'active'
        ? add.filter((id) => groups.some((group) => group.id === id))
        : [];
    const next = [...new Set([...membership.groupIds, ...puts])].filter(
      (id) => !remove.includes(id) || puts.includes(id),
    );
    const same =
      next.length === membership.groupIds.length &&
      next.every((id) => membership.groupIds.includes(id));
    if (same) continue;
    planned.push([membership, await planAssignGroups(ctx, membership, own, next, groups)]);
  }
  await saveAll(ctx, 'assignGroups', planned);
}

/**
 * Sets each member's role in the connection's space from its SCIM groups,
 * as changeRole would (audited `changeRole`, the Policy asked): the
 * highest-ranked of `connection.groupRoles` for the rosterkit groups of the
 * SCIM groups it is a member of, else `connection.defaultRole`. Never the
 * owner's (rule 1), and only where the account has a current membership of
 * the space (a deactivated member's too: its role is kept for when it is
 * back). Reads the members' mapped SCIM groups in one read, plus one look-up
 * per mapped group of the connection.
 * @internal
 */
export async function applyGroupRoles(
  ctx: ActorContext,
  connection: ProvisioningConnection,
  members: readonly MemberLink[],
): Promise<void> {
  const { organization } = ctx.actor;
  const orgId = organization.id;
  const affected = members.filter((member) => member.account.id !== organization.ownerId);
  if (affected.length === 0) return;
  const mappedGroupOf = new Map<string, string>();
  for (const groupId of Object.keys(connection.groupRoles)) {
    const link = await ctx.tx.provisioning.findLinkByTarget(orgId, connection.id, 'Group', groupId);
    if (link !== undefined) mappedGroupOf.set(link.id, groupId);
  }
  const rows =
    mappedGroupOf.size === 0
      ? []
      : await ctx.tx.provisioning.listGroupMembers(orgId, connection.id, [...mappedGroupOf.keys()]);
  const memberships = await ctx.tx.memberships.listByAccounts(
    orgId,
    affected.map((member) => member.account.id),
  );
  const planned: [Membership, Membership][] = [];
  for (const { link, account } of affected) {
    const own = memberships.filter((m) => m.accountId === account.id);
    const membership = own.find((m) => m.spaceId === connection.spaceId && m.state === 'member');
    if (membership === undefined) continue;
    const mapped = rows
      .filter((row) => row.userLinkId === link.id)
      .flatMap((row) => {
        const groupId = mappedGroupOf.get(row.groupLinkId);
        const role = groupId === undefined ? undefined : connection.groupRoles[groupId];
        return role === undefined ? [] : [role];
      });
    const role = highestRole(ctx.deps.roles, mapped) ?? connection.defaultRole;
    if (role === membership.role) continue;
    checkRoleGrantable(ctx, role, ['role']);
    planned.push([membership, await planChangeRole(ctx, membership, own, role)]);
  }
  await saveAll(ctx, 'changeRole', planned);
}
