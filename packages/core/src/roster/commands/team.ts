import { RosterError } from '../../errors/roster-error.js';
import { transition } from '../../machines/machine.js';
import { membershipMachine } from '../../machines/membership-machine.js';
import type { Account } from '../../model/account.js';
import type { Membership } from '../../model/membership.js';
import { actingId } from '../../ports/policy.js';
import { audit } from '../audit.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { accountScope } from '../effects/effect-scope.js';
import { runEffects } from '../effects/run-effects.js';
import { settleTransition } from '../effects/settle-transition.js';
import { checkExpectedVersion } from '../expected-version.js';
import { AddToTeamInput, ChangeRoleInput, RemoveFromTeamInput } from '../inputs.js';
import { requireManager } from '../manager.js';
import { getAccountWithMemberships, notFound } from '../not-found.js';
import { membershipSubject } from '../policy-subjects.js';
import { checkRoleGrantable, refuseSelf, refuseSelfOrOwner } from '../protections.js';
import { reportsToReassign } from '../provisioner-departure.js';
import { takeSeat } from '../seats.js';

/** The account's membership of the space (current or former) and all its memberships, for rank (DESIGN §8). */
async function loadMembership(
  ctx: ActorContext,
  accountId: string,
  spaceId: string,
): Promise<{ account: Account; membership: Membership; memberships: Membership[] }> {
  const orgId = ctx.actor.organization.id;
  const { account, memberships } = await getAccountWithMemberships(ctx, orgId, accountId);
  const membership = memberships.find((candidate) => candidate.spaceId === spaceId);
  if (membership === undefined) throw notFound('Membership', `${accountId} in ${spaceId}`);
  return { account, membership, memberships };
}

/** Checks where a member joins: groups of the space, and a manager who can manage in it (rule 7). */
async function checkPlacement(
  ctx: ActorContext,
  accountId: string,
  spaceId: string,
  input: { readonly groupIds: readonly string[]; readonly managerId: string | null },
): Promise<void> {
  const orgId = ctx.actor.organization.id;
  if (input.groupIds.length > 0) {
    const groups = await ctx.tx.groups.getMany(orgId, [...input.groupIds]);
    for (const id of input.groupIds) {
      if (!groups.some((group) => group.id === id && group.spaceId === spaceId))
        throw notFound('Group', id);
    }
  }
  if (input.managerId !== null) {
    // Whoever joins with a manager is given one: nobody sets the owner's (rule 1).
    refuseSelfOrOwner(ctx, accountId, 'setManager', spaceId);
    if (input.managerId === accountId) {
      throw new RosterError('INVALID_INPUT', 'Nobody manages themselves.', {
        issues: [{ path: ['managerId'], message: 'Must be another account' }],
      });
    }
    await requireManager(ctx, orgId, input.managerId, spaceId);
  }
}

/** @internal */
export async function addToTeam(ctx: ActorContext, raw: unknown): Promise<Membership> {
  const input = AddToTeamInput.parse(raw);
  const actor = ctx.actor;
  const orgId = actor.organization.id;
  const spaceId = input.spaceId ?? actor.organization.defaultSpaceId;
  checkRoleGrantable(ctx, input.role, ['role']);
  refuseSelfOrOwner(ctx, input.accountId, 'addToTeam', spaceId);
  const { account, memberships } = await getAccountWithMemberships(ctx, orgId, input.accountId);
  if (account.status === 'pending') {
    throw new RosterError(
      'INVALID_TRANSITION',
      'This person has not accepted their invitation yet.',
      {
        machine: 'account',
        from: 'pending',
        event: 'addToTeam',
      },
    );
  }
  const space = await ctx.tx.spaces.get(orgId, spaceId);
  if (space === undefined) throw notFound('Space', spaceId);
  const existing = memberships.find((candidate) => candidate.spaceId === spaceId);
  const draft: Membership = existing ?? {
    id: ctx.deps.ids.next('Membership'),
    orgId,
    accountId: account.id,
    spaceId,
    state: membershipMachine.initial,
    role: input.role,
    restrictions: [],
    groupIds: [],
    managerId: null,
    periods: [],
    version: 1,
  };
  const result = transition(membershipMachine, draft.state, 'addToTeam', {
    accountId: account.id,
    ownerId: actor.organization.ownerId,
  });
  const { state, effects } = await settleTransition(result, () =>
    authorize(
      ctx,
      'addToTeam',
      membershipSubject({ ...draft, role: input.role }, memberships, input.role),
    ),
  );
  await checkPlacement(ctx, account.id, spaceId, input);
  // A member of no space becomes one: an active account takes a seat (a
  // deactivated one takes it when reactivated).
  const memberElsewhere = memberships.some((m) => m.state === 'member' && m.spaceId !== spaceId);
  if (account.status === 'active' && !memberElsewhere) {
    await takeSeat(ctx, actor.organization, 'member');
  }
  const { target } = await runEffects(
    accountScope(ctx, 'addToTeam', {
      account,
      memberships: [
        {
          ...draft,
          state,
          role: input.role,
          groupIds: input.groupIds,
          managerId: input.managerId,
        },
      ],
    }),
    effects,
  );
  const next = onlyMembership(target.memberships);
  const saved =
    existing === undefined
      ? await ctx.tx.memberships.insert(next)
      : await ctx.tx.memberships.update(next);
  await audit(ctx, orgId, 'addToTeam', { type: 'Membership', id: saved.id }, existing, saved);
  return saved;
}

/** @internal */
export async function removeFromTeam(ctx: ActorContext, raw: unknown): Promise<Membership> {
  const input = RemoveFromTeamInput.parse(raw);
  const actor = ctx.actor;
  const spaceId = input.spaceId ?? actor.organization.defaultSpaceId;
  refuseSelf(ctx, input.accountId, 'removeFromTeam', spaceId);
  const { account, membership, memberships } = await loadMembership(ctx, input.accountId, spaceId);
  checkExpectedVersion('Membership', membership, input.version);
  const reports = (
    await ctx.tx.memberships.listReports(membership.orgId, membership.accountId)
  ).filter((report) => report.spaceId === membership.spaceId);
  const result = transition(membershipMachine, membership.state, 'removeFromTeam', {
    accountId: membership.accountId,
    ownerId: actor.organization.ownerId,
    actorId: actingId(actor),
    spaceId,
    defaultSpaceId: actor.organization.defaultSpaceId,
    directReportIds: reportsToReassign(ctx, reports),
    reassignment: input.reassignReports,
  });
  const { state, effects } = await settleTransition(result, () =>
    authorize(ctx, 'removeFromTeam', membershipSubject(membership, memberships)),
  );
  const { target } = await runEffects(
    accountScope(ctx, 'removeFromTeam', {
      account,
      memberships: [{ ...membership, state }],
      departure: {
        spaceId: membership.spaceId,
        reports,
        reassignment: input.reassignReports,
        reassignResourcesTo: input.reassignResourcesTo,
      },
    }),
    effects,
  );
  const saved = await ctx.tx.memberships.update(onlyMembership(target.memberships));
  await audit(
    ctx,
    membership.orgId,
    'removeFromTeam',
    { type: 'Membership', id: membership.id },
    membership,
    saved,
  );
  return saved;
}

/** The one membership a membership event is about. */
function onlyMembership(memberships: readonly Membership[]): Membership {
  const [membership] = memberships;
  if (membership === undefined || memberships.length !== 1) {
    throw new TypeError('A membership event is about exactly one membership');
  }
  return membership;
}

/**
 * The checks of changeRole on a loaded membership (a current member, then the
 * Policy); returns the membership with the new role, or the same object when
 * the role does not change. The caller checked the role is grantable and the
 * self / owner protections first.
 * @internal
 */
export async function planChangeRole(
  ctx: ActorContext,
  membership: Membership,
  accountMemberships: readonly Membership[],
  role: string,
): Promise<Membership> {
  if (membership.state !== 'member') {
    throw new RosterError(
      'INVALID_TRANSITION',
      'Only a current member has a role to change; add them to the team first.',
      {
        machine: 'membership',
        from: membership.state,
        event: 'changeRole',
      },
    );
  }
  await authorize(ctx, 'changeRole', membershipSubject(membership, accountMemberships, role));
  return membership.role === role ? membership : { ...membership, role };
}

/** @internal */
export async function changeRole(ctx: ActorContext, raw: unknown): Promise<Membership> {
  const input = ChangeRoleInput.parse(raw);
  const spaceId = input.spaceId ?? ctx.actor.organization.defaultSpaceId;
  checkRoleGrantable(ctx, input.role, ['role']);
  refuseSelfOrOwner(ctx, input.accountId, 'changeRole', spaceId);
  const { membership, memberships } = await loadMembership(ctx, input.accountId, spaceId);
  checkExpectedVersion('Membership', membership, input.version);
  const next = await planChangeRole(ctx, membership, memberships, input.role);
  if (next === membership) return membership;
  const saved = await ctx.tx.memberships.update(next);
  await audit(
    ctx,
    membership.orgId,
    'changeRole',
    { type: 'Membership', id: membership.id },
    membership,
    saved,
  );
  return saved;
}
