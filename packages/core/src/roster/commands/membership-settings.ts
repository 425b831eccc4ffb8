import { RosterError } from '../../errors/roster-error.js';
import type { Account } from '../../model/account.js';
import type { Group } from '../../model/group.js';
import type { Membership } from '../../model/membership.js';
import { planReassignment } from '../../rules/direct-reports.js';
import { audit } from '../audit.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { moveReports } from '../departure.js';
import { checkExpectedVersion } from '../expected-version.js';
import {
  AssignGroupsInput,
  ReassignReportsInput,
  SetManagerInput,
  SetRestrictionsInput,
} from '../inputs.js';
import { canManageIn } from '../manager.js';
import { getAccountOrThrow, getAccountWithMemberships, notFound } from '../not-found.js';
import { accountSubject, membershipSubject } from '../policy-subjects.js';
import { refuseSelf, refuseSelfOrOwner } from '../protections.js';

/** Throws INVALID_TRANSITION unless the membership is a current one. @internal */
export function requireMember(
  membership: Membership | undefined,
  action: string,
): asserts membership is Membership {
  if (membership === undefined || membership.state !== 'member') {
    throw new RosterError(
      'INVALID_TRANSITION',
      'Only a current member of the space has these settings; add them to the team first.',
      { machine: 'membership', from: membership?.state ?? 'account-only', event: action },
    );
  }
}

/**
 * The account's current membership of the space (default space when absent),
 * or INVALID_TRANSITION, with every membership of the account (for rank,
 * DESIGN §8); nobody's own access and not the owner's first (rules 1 and 3).
 */
async function currentMember(
  ctx: ActorContext,
  accountId: string,
  spaceId: string | undefined,
  action: string,
  /** The membership's version the caller read, if it said. */
  version: number | undefined,
  /** Protect the target as the owner too (not when a manager is cleared: that undoes one). */
  ownerToo = true,
): Promise<{ account: Account; membership: Membership; memberships: Membership[] }> {
  const { organization } = ctx.actor;
  const space = spaceId ?? organization.defaultSpaceId;
  if (ownerToo) refuseSelfOrOwner(ctx, accountId, action, space);
  else refuseSelf(ctx, accountId, action, space);
  const { account, memberships } = await getAccountWithMemberships(ctx, organization.id, accountId);
  const membership = memberships.find((candidate) => candidate.spaceId === space);
  requireMember(membership, action);
  checkExpectedVersion('Membership', membership, version);
  return { account, membership, memberships };
}

/** The checks of setRestrictions on a current membership (the Policy); the caller refused self and owner first. @internal */
export async function planSetRestrictions(
  ctx: ActorContext,
  membership: Membership,
  accountMemberships: readonly Membership[],
  restrictions: readonly string[],
): Promise<Membership> {
  await authorize(ctx, 'setRestrictions', membershipSubject(membership, accountMemberships));
  return { ...membership, restrictions: [...new Set(restrictions)] };
}

/** The checks of assignGroups on a current membership: the Policy, then every group in its space. @internal */
export async function planAssignGroups(
  ctx: ActorContext,
  membership: Membership,
  accountMemberships: readonly Membership[],
  groupIds: readonly string[],
  groups: readonly Group[],
): Promise<Membership> {
  await authorize(ctx, 'assignGroups', membershipSubject(membership, accountMemberships));
  const ids = [...new Set(groupIds)];
  for (const id of ids) {
    if (!groups.some((group) => group.id === id && group.spaceId === membership.spaceId))
      throw notFound('Group', id);
  }
  return { ...membership, groupIds: ids };
}

/**
 * The checks of setManager on a current membership: the Policy, then the
 * manager (another account, active, a current member of the same space).
 * @internal
 */
export async function planSetManager(
  ctx: ActorContext,
  membership: Membership,
  accountMemberships: readonly Membership[],
  managerId: string | null,
  manager: { readonly account: Account | undefined; readonly membership: Membership | undefined },
): Promise<Membership> {
  await authorize(ctx, 'setManager', membershipSubject(membership, accountMemberships));
  if (managerId !== null) {
    if (managerId === membership.accountId) {
      throw new RosterError('INVALID_INPUT', 'Nobody manages themselves.', {
        issues: [{ path: ['managerId'], message: 'Must be another account' }],
      });
    }
    const managerships = manager.membership === undefined ? [] : [manager.membership];
    if (!canManageIn(manager.account, managerships, membership.spaceId)) {
      throw notFound('Account', managerId);
    }
  }
  return { ...membership, managerId };
}

async function save(
  ctx: ActorContext,
  action: string,
  before: Membership,
  after: Membership,
): Promise<Membership> {
  const saved = await ctx.tx.memberships.update(after);
  await audit(ctx, before.orgId, action, { type: 'Membership', id: before.id }, before, saved);
  return saved;
}

/** @internal */
export async function setRestrictions(ctx: ActorContext, raw: unknown): Promise<Membership> {
  const input = SetRestrictionsInput.parse(raw);
  const { membership, memberships } = await currentMember(
    ctx,
    input.accountId,
    input.spaceId,
    'setRestrictions',
    input.version,
  );
  const next = await planSetRestrictions(ctx, membership, memberships, input.restrictions);
  return save(ctx, 'setRestrictions', membership, next);
}

/** @internal */
export async function assignGroups(ctx: ActorContext, raw: unknown): Promise<Membership> {
  const input = AssignGroupsInput.parse(raw);
  const orgId = ctx.actor.organization.id;
  const { account, membership, memberships } = await currentMember(
    ctx,
    input.accountId,
    input.spaceId,
    'assignGroups',
    input.version,
  );
  // A deactivated account was taken out of every group (DESIGN §3) and stays
  // out until it is reactivated.
  if (account.status === 'deactivated' && input.groupIds.length > 0) {
    throw new RosterError(
      'INVALID_INPUT',
      'A deactivated account belongs to no group; reactivate it to assign groups.',
      { issues: [{ path: ['groupIds'], message: 'Must be empty for a deactivated account' }] },
    );
  }
  const groups = await ctx.tx.groups.getMany(orgId, [...new Set(input.groupIds)]);
  const next = await planAssignGroups(ctx, membership, memberships, input.groupIds, groups);
  return save(ctx, 'assignGroups', membership, next);
}

/** @internal */
export async function setManager(ctx: ActorContext, raw: unknown): Promise<Membership> {
  const input = SetManagerInput.parse(raw);
  const orgId = ctx.actor.organization.id;
  const { membership, memberships } = await currentMember(
    ctx,
    input.accountId,
    input.spaceId,
    'setManager',
    input.version,
    input.managerId !== null,
  );
  const manager =
    input.managerId === null || input.managerId === input.accountId
      ? { account: undefined, membership: undefined }
      : {
          account: await ctx.tx.accounts.get(orgId, input.managerId),
          membership: await ctx.tx.memberships.find(orgId, input.managerId, membership.spaceId),
        };
  const next = await planSetManager(ctx, membership, memberships, input.managerId, manager);
  return save(ctx, 'setManager', membership, next);
}

/** @internal */
export async function reassignReports(ctx: ActorContext, raw: unknown): Promise<Membership[]> {
  const input = ReassignReportsInput.parse(raw);
  const orgId = ctx.actor.organization.id;
  const manager = await getAccountOrThrow(ctx, orgId, input.managerId);
  const managerships = await ctx.tx.memberships.listByAccounts(orgId, [manager.id]);
  // Rule 5: the Policy is asked before anything, whatever the number of reports.
  await authorize(ctx, 'reassignReports', accountSubject(manager, managerships));
  const reports = await ctx.tx.memberships.listReports(orgId, input.managerId);
  if (reports.length === 0) return [];
  const reportships = await ctx.tx.memberships.listByAccounts(orgId, [
    ...new Set(reports.map((report) => report.accountId)),
  ]);
  for (const report of reports) {
    await authorize(ctx, 'reassignReports', membershipSubject(report, reportships));
  }
  const plan = planReassignment({
    managerId: input.managerId,
    directReportIds: reports.map((report) => report.accountId),
    reassignment: input.reassignment,
  });
  if (!plan.ok) throw plan.error;
  const moved = await moveReports(ctx, { orgId, reports, moves: plan.moves });
  await audit(
    ctx,
    orgId,
    'reassignReports',
    { type: 'Account', id: input.managerId },
    reports,
    moved,
  );
  return moved;
}
