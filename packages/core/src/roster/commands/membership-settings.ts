import { RosterError } from '../../errors/roster-error.js';
import type { Membership } from '../../model/membership.js';
import {
  audit,
  authorize,
  type CommandContext,
  getAccountOrThrow,
  membershipSubject,
  notFound,
  refuseSelfOrOwner,
  requireActor,
} from '../command-context.js';
import { moveReports } from '../departure.js';
import {
  AssignGroupsInput,
  ReassignReportsInput,
  SetManagerInput,
  SetRestrictionsInput,
} from '../inputs.js';

/** The account's current membership of the space (default space when absent), or INVALID_TRANSITION. */
async function currentMember(
  ctx: CommandContext,
  accountId: string,
  spaceId: string | undefined,
  action: string,
): Promise<Membership> {
  const { organization } = requireActor(ctx);
  await getAccountOrThrow(ctx, organization.id, accountId);
  const membership = await ctx.tx.memberships.find(
    organization.id,
    accountId,
    spaceId ?? organization.defaultSpaceId,
  );
  if (membership === undefined || membership.state !== 'member') {
    throw new RosterError(
      'INVALID_TRANSITION',
      'Only a current member of the space has these settings; add them to the team first.',
      { machine: 'membership', from: membership?.state ?? 'account-only', event: action },
    );
  }
  return membership;
}

async function save(
  ctx: CommandContext,
  action: string,
  before: Membership,
  after: Membership,
): Promise<Membership> {
  const saved = await ctx.tx.memberships.update(after);
  await audit(ctx, before.orgId, action, { type: 'Membership', id: before.id }, before, saved);
  return saved;
}

/** @internal */
export async function setRestrictions(ctx: CommandContext, raw: unknown): Promise<Membership> {
  const input = SetRestrictionsInput.parse(raw);
  refuseSelfOrOwner(ctx, input.accountId, 'setRestrictions');
  const membership = await currentMember(ctx, input.accountId, input.spaceId, 'setRestrictions');
  await authorize(ctx, 'setRestrictions', membershipSubject(membership));
  return save(ctx, 'setRestrictions', membership, {
    ...membership,
    restrictions: [...new Set(input.restrictions)],
  });
}

/** @internal */
export async function assignGroups(ctx: CommandContext, raw: unknown): Promise<Membership> {
  const input = AssignGroupsInput.parse(raw);
  const orgId = requireActor(ctx).organization.id;
  const membership = await currentMember(ctx, input.accountId, input.spaceId, 'assignGroups');
  await authorize(ctx, 'assignGroups', membershipSubject(membership));
  const groupIds = [...new Set(input.groupIds)];
  const groups = await ctx.tx.groups.getMany(orgId, groupIds);
  for (const id of groupIds) {
    if (!groups.some((group) => group.id === id && group.spaceId === membership.spaceId))
      throw notFound('Group', id);
  }
  return save(ctx, 'assignGroups', membership, { ...membership, groupIds });
}

/** @internal */
export async function setManager(ctx: CommandContext, raw: unknown): Promise<Membership> {
  const input = SetManagerInput.parse(raw);
  const orgId = requireActor(ctx).organization.id;
  const membership = await currentMember(ctx, input.accountId, input.spaceId, 'setManager');
  await authorize(ctx, 'setManager', membershipSubject(membership));
  if (input.managerId !== null) {
    if (input.managerId === input.accountId) {
      throw new RosterError('INVALID_INPUT', 'Nobody manages themselves.', {
        issues: [{ path: ['managerId'], message: 'Must be another account' }],
      });
    }
    const manager = await ctx.tx.accounts.get(orgId, input.managerId);
    const managerMembership = await ctx.tx.memberships.find(
      orgId,
      input.managerId,
      membership.spaceId,
    );
    if (
      manager === undefined ||
      manager.status !== 'active' ||
      managerMembership?.state !== 'member'
    ) {
      throw notFound('Account', input.managerId);
    }
  }
  return save(ctx, 'setManager', membership, { ...membership, managerId: input.managerId });
}

/** @internal */
export async function reassignReports(ctx: CommandContext, raw: unknown): Promise<Membership[]> {
  const input = ReassignReportsInput.parse(raw);
  const orgId = requireActor(ctx).organization.id;
  await getAccountOrThrow(ctx, orgId, input.managerId);
  const reports = await ctx.tx.memberships.listReports(orgId, input.managerId);
  for (const report of reports) await authorize(ctx, 'reassignReports', membershipSubject(report));
  const moved = await moveReports(ctx, {
    orgId,
    managerId: input.managerId,
    reports,
    reassignment: input.reassignment,
  });
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
