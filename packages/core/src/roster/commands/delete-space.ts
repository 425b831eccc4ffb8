import { RosterError } from '../../errors/roster-error.js';
import { accountMachine } from '../../machines/account-machine.js';
import { transition } from '../../machines/machine.js';
import { membershipMachine } from '../../machines/membership-machine.js';
import type { AuditEvent } from '../../model/audit-event.js';
import type { Group } from '../../model/group.js';
import type { Invitation } from '../../model/invitation.js';
import type { Membership } from '../../model/membership.js';
import type { OutboxMessage } from '../../model/outbox-message.js';
import type { Space } from '../../model/space.js';
import { actingId } from '../../ports/policy.js';
import { auditEventOf } from '../audit.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { accountScope } from '../effects/effect-scope.js';
import { runEffects } from '../effects/run-effects.js';
import { checkExpectedVersion } from '../expected-version.js';
import { appendMessages } from '../outbox.js';
import { DeleteSpaceInput } from '../structure-inputs.js';
import { loadSpace } from './structure-changes.js';

/** What `deleteSpace` returns: the space, and what went with it. */
export interface DeletedSpace {
  readonly space: Space;
  /** The memberships that ended (each now `account-only`, its period kept in history). */
  readonly endedMemberships: readonly Membership[];
  /** The pending invitations into the space, revoked (their pending accounts are gone). */
  readonly revokedInvitations: readonly Invitation[];
  /** The groups of the space, deleted. */
  readonly deletedGroups: readonly Group[];
}

const hidden = (invitation: Invitation) => ({ ...invitation, tokenHash: undefined });

/** Every current member leaves, as `removeFromTeam`: the membership machine's event and its effects. */
async function endMemberships(ctx: ActorContext, space: Space, messages: OutboxMessage[]) {
  const { organization } = ctx.actor;
  const members = await ctx.tx.memberships.listBySpace(space.orgId, space.id);
  const accounts = await ctx.tx.accounts.getMany(
    space.orgId,
    members.map((membership) => membership.accountId),
  );
  const ended: Membership[] = [];
  for (const membership of members) {
    const account = accounts.find((candidate) => candidate.id === membership.accountId);
    if (account === undefined) throw new TypeError(`No account for ${membership.id}`);
    // Every member of the space leaves at once, so nobody is left reporting
    // to someone who left: no report to reassign. The owner's protection
    // holds: another actor cannot take the owner out of a space (rule 1).
    const result = transition(membershipMachine, membership.state, 'removeFromTeam', {
      accountId: membership.accountId,
      ownerId: organization.ownerId,
      actorId: actingId(ctx.actor),
      spaceId: space.id,
      defaultSpaceId: organization.defaultSpaceId,
      directReportIds: [],
    });
    if (!result.ok) throw result.error;
    const scope = await runEffects(
      accountScope(ctx, 'removeFromTeam', {
        account,
        memberships: [{ ...membership, state: result.state }],
        departure: {
          spaceId: space.id,
          reports: [],
          reassignment: undefined,
          reassignResourcesTo: null,
        },
      }),
      result.effects,
    );
    ended.push(...scope.target.memberships);
    messages.push(...scope.messages);
  }
  return { members, saved: ended.length === 0 ? [] : await ctx.tx.memberships.updateMany(ended) };
}

/** The pending invitations into the space (expired ones too), revoked as `revokeInvitation` does. */
async function revokeInvitations(ctx: ActorContext, space: Space, messages: OutboxMessage[]) {
  const pending: Invitation[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.tx.invitations.list({
      orgId: space.orgId,
      spaceIds: [space.id],
      statuses: ['pending', 'expired'],
      now: ctx.now,
      limit: 500,
      ...(cursor === undefined ? {} : { cursor }),
    });
    pending.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  const revoked: Invitation[] = [];
  for (const invitation of pending) {
    const account = await ctx.tx.accounts.get(space.orgId, invitation.accountId);
    if (account === undefined) throw new TypeError(`No account for ${invitation.id}`);
    const result = transition(accountMachine, account.status, 'revokeInvitation', {
      accountId: account.id,
      ownerId: ctx.actor.organization.ownerId,
    });
    if (!result.ok) throw result.error;
    const scope = await runEffects(
      accountScope(ctx, 'revokeInvitation', { account, memberships: [], invitation }),
      result.effects,
    );
    revoked.push(await ctx.tx.invitations.update(scope.target.invitation ?? invitation));
    messages.push(...scope.messages);
  }
  return { pending, revoked };
}

/**
 * Deletes a space other than the default one. In one transaction: every
 * current member leaves as by `removeFromTeam` (the period ends and stays in
 * history, groups cleared, the host's resource handlers called with reason
 * `removeFromTeam`), its pending invitations are revoked (their pending
 * accounts disappear), its groups and the space are deleted; each change is
 * audited as `deleteSpace`. Former members keep their `account-only`
 * membership of the deleted space, as the record of their periods.
 * @internal
 */
export async function deleteSpace(ctx: ActorContext, raw: unknown): Promise<DeletedSpace> {
  const input = DeleteSpaceInput.parse(raw);
  const space = await loadSpace(ctx, input.spaceId);
  checkExpectedVersion('Space', space, input.version);
  if (space.isDefault) {
    throw new RosterError(
      'DEFAULT_SPACE_PROTECTED',
      `${space.name} is the organization’s default space: it cannot be deleted.`,
      { spaceId: space.id },
    );
  }
  await authorize(ctx, 'deleteSpace', { ...space, type: 'Space' });
  const { orgId } = space;
  const messages: OutboxMessage[] = [];
  const memberships = await endMemberships(ctx, space, messages);
  const invitations = await revokeInvitations(ctx, space, messages);
  const groups = await ctx.tx.groups.listBySpace(orgId, space.id);
  for (const group of groups) await ctx.tx.groups.delete(orgId, group.id, group.version);
  await ctx.tx.spaces.delete(orgId, space.id, space.version);
  await appendMessages(ctx, messages);
  const event = (target: AuditEvent['target'], before: object, after: object | null): AuditEvent =>
    auditEventOf(ctx, orgId, 'deleteSpace', target, before, after);
  await ctx.tx.auditEvents.appendMany([
    ...memberships.members.map((before, i) =>
      event({ type: 'Membership', id: before.id }, before, memberships.saved[i] ?? null),
    ),
    ...invitations.pending.map((before, i) =>
      event(
        { type: 'Invitation', id: before.id },
        hidden(before),
        hidden(invitations.revoked[i] as Invitation),
      ),
    ),
    ...groups.map((group) => event({ type: 'Group', id: group.id }, group, null)),
    event({ type: 'Space', id: space.id }, space, null),
  ]);
  return {
    space,
    endedMemberships: memberships.saved,
    revokedInvitations: invitations.revoked,
    deletedGroups: groups,
  };
}
