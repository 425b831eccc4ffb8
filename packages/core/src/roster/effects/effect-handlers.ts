import type { Invitation } from '../../model/invitation.js';
import { actingId } from '../../ports/policy.js';
import { newManagerOf } from '../../rules/direct-reports.js';
import { requireActor } from '../command-context.js';
import { moveReports, runResourceHandlers } from '../departure.js';
import { invitationEmail } from '../invitation-message.js';
import { newInvitationSecret } from '../invitation-token.js';
import { outboxMessageOf } from '../outbox.js';
import { clearReportsManager } from '../provisioner-departure.js';
import type { DepartureReason } from '../roster-options.js';
import type {
  AccountTarget,
  DepartureInput,
  EffectHandlers,
  EffectScope,
  LifecycleEffect,
} from './effect-scope.js';

// Each effect of the account and membership tables (DESIGN §3), done here and
// nowhere else: the commands apply `transition` and hand the effects it
// returns to `runEffects`, like xstate's actions. An effect changes the drafts
// of the rows the event is about, which the command then writes once, or
// does its cascade on other rows itself.

/** The one account an effect acts on; deleting an organization acts on all of them at once. */
function one(scope: EffectScope, effect: LifecycleEffect): AccountTarget {
  if (scope.target.kind !== 'account') {
    throw new TypeError(`The ${effect} effect acts on one account, not a whole organization`);
  }
  return scope.target;
}

function invitationOf(target: AccountTarget, effect: LifecycleEffect): Invitation {
  if (target.invitation === undefined)
    throw new TypeError(`The ${effect} effect needs the invitation`);
  return target.invitation;
}

function departureOf(target: AccountTarget, effect: LifecycleEffect): DepartureInput {
  if (target.departure === undefined) throw new TypeError(`The ${effect} effect needs a departure`);
  return target.departure;
}

const departureReasons: readonly string[] = [
  'deactivate',
  'removeFromTeam',
  'deleteOwnAccount',
] satisfies DepartureReason[];

/** The handler of every effect of both lifecycle machines. @internal */
export const effectHandlers: EffectHandlers = {
  /** The invitation is used: a token works once (DESIGN rule 13). */
  consumeInvitation(scope) {
    const target = one(scope, 'consumeInvitation');
    target.invitation = { ...invitationOf(target, 'consumeInvitation'), status: 'accepted' };
  },

  /** A new period opens, with the role the membership is given. */
  startMembershipPeriod(scope) {
    const target = one(scope, 'startMembershipPeriod');
    const startedAt = scope.ctx.now;
    target.memberships = target.memberships.map((membership) => ({
      ...membership,
      periods: [...membership.periods, { startedAt, endedAt: null, role: membership.role }],
    }));
  },

  /** The current period ends and stays in history; a former member reports to nobody. */
  endMembershipPeriod(scope) {
    const target = one(scope, 'endMembershipPeriod');
    const endedAt = scope.ctx.now;
    target.memberships = target.memberships.map((membership) => ({
      ...membership,
      managerId: null,
      periods: membership.periods.map((period, index) =>
        index === membership.periods.length - 1 ? { ...period, endedAt } : period,
      ),
    }));
  },

  /** Out of every group (queue) of the memberships concerned; an admin assigns them again. */
  clearGroups(scope) {
    const target = one(scope, 'clearGroups');
    target.memberships = target.memberships.map((membership) =>
      membership.groupIds.length > 0 ? { ...membership, groupIds: [] } : membership,
    );
  },

  /** The direct reports move to the managers the command was given (DESIGN rule 7). */
  async reassignReports(scope) {
    const target = one(scope, 'reassignReports');
    const { reports, reassignment } = departureOf(target, 'reassignReports');
    const reportIds = [...new Set(reports.map((report) => report.accountId))];
    const moves = reportIds.flatMap((reportId) => {
      const managerId = newManagerOf(reassignment, reportId);
      return managerId === undefined ? [] : [{ reportId, managerId }];
    });
    await moveReports(scope.ctx, { orgId: scope.orgId, reports, moves });
    // Only a provisioner gets here with reports left over (the machine
    // refuses anyone else): they are left without a manager, for admins.
    const moving = new Set(moves.map((move) => move.reportId));
    const left = reports.filter((report) => !moving.has(report.accountId));
    if (left.length > 0) {
      scope.messages.push(
        await clearReportsManager(scope.ctx, scope.orgId, target.account.id, left),
      );
    }
  },

  /** The host unassigns or hands over what the person owned (DESIGN rule 10). */
  async runResourceHandlers(scope) {
    const target = one(scope, 'runResourceHandlers');
    const { spaceId, reassignResourcesTo } = departureOf(target, 'runResourceHandlers');
    if (!departureReasons.includes(scope.event)) {
      throw new TypeError(`${scope.event} is not a departure`);
    }
    await runResourceHandlers(scope.ctx, {
      orgId: scope.orgId,
      accountId: target.account.id,
      reason: scope.event as DepartureReason,
      spaceId,
      reassignTo: reassignResourcesTo,
    });
  },

  /**
   * The host signs the person out (`sessions.revoke`); when the whole
   * organization goes, one `organization.deleted` tells it that every
   * session of the organization ends, with how many accounts were deleted.
   */
  revokeSessions(scope) {
    const { ctx, orgId, target } = scope;
    if (target.kind === 'organization') {
      if (target.deletedAccounts === undefined) {
        throw new TypeError('revokeSessions of an organization runs after erasePersonalData');
      }
      scope.messages.push(
        outboxMessageOf(ctx, orgId, 'organization.deleted', {
          organizationId: orgId,
          accounts: target.deletedAccounts,
        }),
      );
      return;
    }
    scope.messages.push(
      outboxMessageOf(ctx, orgId, 'sessions.revoke', { accountId: target.account.id }),
    );
  },

  /** A new token and expiry replace the old ones; whoever resends vouches for the invitation from now on. */
  async rotateInvitationToken(scope) {
    const target = one(scope, 'rotateInvitationToken');
    const secret = await newInvitationSecret(scope.ctx.deps.invitationKeys);
    const { token, tokenHash } = secret;
    target.invitation = {
      ...invitationOf(target, 'rotateInvitationToken'),
      invitedBy: actingId(requireActor(scope.ctx)),
      tokenHash,
      expiresAt: new Date(scope.ctx.now.getTime() + scope.ctx.deps.invitationTtlMs),
    };
    scope.token = token;
    scope.secret = secret;
  },

  /**
   * The invitation's e-mail goes out (`invitation.created`), with what the
   * worker needs to rebuild the new token under the host key (never the token).
   */
  sendInvitation(scope) {
    const target = one(scope, 'sendInvitation');
    const invitation = invitationOf(target, 'sendInvitation');
    if (scope.secret === undefined)
      throw new TypeError('sendInvitation runs after rotateInvitationToken');
    scope.messages.push(
      outboxMessageOf(
        scope.ctx,
        scope.orgId,
        'invitation.created',
        invitationEmail(invitation, scope.secret),
      ),
    );
  },

  /** The invitation can no longer be used; it stays, as the record of what happened. */
  revokeInvitation(scope) {
    const target = one(scope, 'revokeInvitation');
    target.invitation = { ...invitationOf(target, 'revokeInvitation'), status: 'revoked' };
  },

  /** The invitee turned it down: it can no longer be used, and stays as the record of it. */
  declineInvitation(scope) {
    const target = one(scope, 'declineInvitation');
    target.invitation = { ...invitationOf(target, 'declineInvitation'), status: 'declined' };
  },

  /** Every membership of the account goes with it. */
  async endMemberships(scope) {
    const target = one(scope, 'endMemberships');
    for (const membership of target.memberships) {
      await scope.ctx.tx.memberships.delete(scope.orgId, membership.id, membership.version);
    }
    target.ended.push(...target.memberships);
    target.memberships = [];
  },

  /**
   * The account goes, with its invitations (but the one the event is about,
   * kept as its record) and its provisioning links, and the audit trail forgets what they held: the
   * events stay, their ids as pseudonyms (DESIGN §3). When the organization
   * goes, every account, membership and invitation goes, and its trail too.
   */
  async erasePersonalData(scope) {
    const { ctx, orgId, target } = scope;
    const { tx } = ctx;
    if (target.kind === 'organization') {
      // Children first, so a store with foreign keys never sees an orphan.
      await tx.invitations.deleteAllInOrganization(orgId);
      await tx.memberships.deleteAllInOrganization(orgId);
      target.deletedAccounts = await tx.accounts.deleteAllInOrganization(orgId);
      await tx.auditEvents.deleteAllInOrganization(orgId);
      return;
    }
    const { account } = target;
    const invitations = (await tx.invitations.listByAccount(orgId, account.id)).filter(
      (invitation) => invitation.id !== target.invitation?.id,
    );
    for (const invitation of invitations) {
      await tx.invitations.delete(orgId, invitation.id, invitation.version);
    }
    // Every identity provider's link to the account goes too: a link keeps
    // the SCIM userName and attributes, personal data more often than not.
    for (const connection of await tx.provisioning.listConnections(orgId)) {
      const link = await tx.provisioning.findLinkByTarget(orgId, connection.id, 'User', account.id);
      if (link !== undefined)
        await tx.provisioning.deleteLink(orgId, connection.id, 'User', link.id);
    }
    await tx.auditEvents.eraseSnapshots(orgId, [
      { type: 'Account', id: account.id },
      ...target.ended.map((membership) => ({ type: 'Membership' as const, id: membership.id })),
      ...invitations.map((invitation) => ({ type: 'Invitation' as const, id: invitation.id })),
    ]);
    await tx.accounts.delete(orgId, account.id, account.version);
  },
};
