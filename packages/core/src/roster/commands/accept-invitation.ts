import { loadActorRows } from '../../adapter/load-actor-rows.js';
import { RosterError } from '../../errors/roster-error.js';
import { accountMachine } from '../../machines/account-machine.js';
import { transition } from '../../machines/machine.js';
import { type Account, type ProfileFields, profileFieldName } from '../../model/account.js';
import type { Invitation } from '../../model/invitation.js';
import type { Membership } from '../../model/membership.js';
import type { Organization } from '../../model/organization.js';
import type { PolicyActor } from '../../ports/policy.js';
import type { ActorRows } from '../../ports/repositories/actor-rows.js';
import { audit } from '../audit.js';
import { authorizeAs } from '../authorize.js';
import type { CommandContext } from '../command-context.js';
import { accountScope } from '../effects/effect-scope.js';
import { runEffects } from '../effects/run-effects.js';
import { settleTransition } from '../effects/settle-transition.js';
import { AcceptInvitationInput } from '../inputs.js';
import { hashInvitationToken } from '../invitation-token.js';
import { mayManageIn } from '../manager.js';
import { notFound } from '../not-found.js';
import { appendMessages } from '../outbox.js';
import { accountSubject, invitationSubject } from '../policy-subjects.js';
import { checkProfileLimits } from '../profile-limits.js';
import { takeSeat } from '../seats.js';
import { catalogWith, organizationRolesOf } from '../stored-roles.js';
import { checkExternalIdFree, checkLinkable } from './link-external-id.js';

/** What `acceptInvitation` returns. */
export interface AcceptedInvitation {
  readonly account: Account;
  readonly membership: Membership;
}

/** The pending invitation a token opens, not expired; one answer for every token that opens none. */
async function usableInvitation(ctx: CommandContext, token: string): Promise<Invitation> {
  const invitation = await ctx.tx.invitations.findByTokenHash(await hashInvitationToken(token));
  if (invitation === undefined || invitation.status !== 'pending') {
    // One answer for unknown, revoked and used tokens: a token reveals nothing.
    throw new RosterError(
      'NOT_FOUND',
      'This invitation link is not valid: it was revoked, already used, or never existed.',
      {
        subject: 'Invitation',
        id: 'token',
      },
    );
  }
  if (invitation.expiresAt.getTime() <= ctx.now.getTime()) {
    throw new RosterError(
      'INVITATION_EXPIRED',
      'This invitation has expired. Ask for it to be resent.',
      {
        invitationId: invitation.id,
        expiredAt: invitation.expiresAt.toISOString(),
      },
    );
  }
  return invitation;
}

/** The invitee's names and profile as they accept: both names required, the profile within its limits. */
function completedProfile(
  ctx: CommandContext,
  account: Account,
  input: ReturnType<typeof AcceptInvitationInput.parse>,
): Pick<Account, 'firstName' | 'lastName' | 'profile'> {
  const firstName = input.firstName ?? account.firstName;
  const lastName = input.lastName ?? account.lastName;
  if (firstName === '' || lastName === '') {
    throw new RosterError(
      'INVALID_INPUT',
      'Give your first and last name to accept the invitation.',
      {
        issues: [
          ...(firstName === '' ? [{ path: ['firstName'], message: 'Required' }] : []),
          ...(lastName === '' ? [{ path: ['lastName'], message: 'Required' }] : []),
        ],
      },
    );
  }
  const profile = { ...account.profile, ...input.profile };
  checkProfileLimits(ctx.deps.profileLimits, profile, ['profile']);
  return { firstName, lastName, profile };
}

/**
 * The membership the invitation grants, before its period starts: the one
 * the account already has in the space (a former member), or a new one. The
 * manager named in the invitation may have left since (rule 7): then the
 * person joins without one, and an admin assigns one later; a group deleted
 * since is skipped.
 */
async function grantedMembership(
  ctx: CommandContext,
  invitation: Invitation,
  memberships: readonly Membership[],
): Promise<{ existing: Membership | undefined; draft: Membership }> {
  const { orgId, accountId, spaceId } = invitation;
  const existing = memberships.find((membership) => membership.spaceId === spaceId);
  const keepsManager =
    invitation.managerId !== null && (await mayManageIn(ctx, orgId, invitation.managerId, spaceId));
  // A group deleted since the invitation was sent is skipped (deleteGroup).
  const groups =
    invitation.groupIds.length === 0 ? [] : await ctx.tx.groups.getMany(orgId, invitation.groupIds);
  const groupIds = invitation.groupIds.filter((id) =>
    groups.some((group) => group.id === id && group.spaceId === spaceId),
  );
  const fields = {
    state: 'member' as const,
    role: invitation.role,
    groupIds,
    // What the inviter checked at invite (reference 004, step 5) lands here.
    restrictions: invitation.restrictions,
    managerId: keepsManager ? invitation.managerId : null,
  };
  const draft: Membership =
    existing === undefined
      ? {
          id: ctx.deps.ids.next('Membership'),
          orgId,
          accountId,
          spaceId,
          periods: [],
          version: 1,
          ...fields,
        }
      : { ...existing, ...fields };
  return { existing, draft };
}

/**
 * The invitee sets their own profile fields only as updateProfile would let
 * them once they have joined: each changed field is authorized for them, as
 * the member they become.
 */
async function authorizeInviteeFields(
  ctx: CommandContext,
  invitee: { readonly organization: Organization; readonly before: Account },
  after: { readonly account: Account; readonly membership: Membership },
  profile: ProfileFields,
): Promise<void> {
  const actor = {
    account: after.account,
    organization: invitee.organization,
    memberships: [after.membership],
  };
  for (const key of Object.keys(profile)) {
    if (invitee.before.profile[key] === profile[key]) continue;
    await authorizeAs(
      ctx,
      actor,
      'updateProfile',
      accountSubject(after.account, [after.membership]),
      profileFieldName(key),
    );
  }
}

/** @internal */
export async function acceptInvitation(
  ctx: CommandContext,
  raw: unknown,
): Promise<AcceptedInvitation> {
  const input = AcceptInvitationInput.parse(raw);
  const invitation = await usableInvitation(ctx, input.token);
  const orgId = invitation.orgId;
  // The organization, the inviter (with its memberships and the stored
  // roles) and the invitee (with theirs): one round trip where the store
  // has `accounts.loadActor`.
  const rows = await loadActorRows(ctx.tx, orgId, invitation.invitedBy, {
    roles: ctx.deps.roles.storedRoles !== undefined,
    target: invitation.accountId,
  });
  const { organization } = rows;
  const account = rows.target?.account;
  if (organization === undefined) throw notFound('Organization', orgId);
  if (account === undefined) throw notFound('Account', invitation.accountId);
  const result = transition(accountMachine, account.status, 'acceptInvitation', {
    accountId: account.id,
    ownerId: organization.ownerId,
  });
  const { state, effects } = await settleTransition(result, () =>
    checkStillBacked(ctx, organization, invitation, rows),
  );
  const named = completedProfile(ctx, account, input);
  if (input.externalId !== undefined) {
    checkLinkable(account, input.externalId);
    await checkExternalIdFree(ctx, orgId, account.id, input.externalId);
  }
  await takeSeat(ctx, organization, 'acceptance');
  const { existing, draft } = await grantedMembership(
    ctx,
    invitation,
    rows.target?.memberships ?? [],
  );
  // The effects only change drafts here (the invitation used, the period
  // started): the invitee's rights are read from the membership they give.
  const { target, messages } = await runEffects(
    accountScope(ctx, 'acceptInvitation', {
      account: {
        ...account,
        ...named,
        externalId: input.externalId ?? account.externalId,
        status: state,
        updatedAt: ctx.now,
      },
      memberships: [draft],
      invitation,
    }),
    effects,
  );
  const [joined] = target.memberships;
  if (joined === undefined || target.invitation === undefined) {
    throw new TypeError('acceptInvitation: the effects lost the membership or the invitation');
  }
  await authorizeInviteeFields(
    ctx,
    { organization, before: account },
    { account: target.account, membership: joined },
    input.profile,
  );
  await ctx.tx.invitations.update(target.invitation);
  const saved = await ctx.tx.accounts.update(target.account);
  const membership =
    existing === undefined
      ? await ctx.tx.memberships.insert(joined)
      : await ctx.tx.memberships.update(joined);
  await appendMessages(ctx, messages);
  await audit(
    ctx,
    orgId,
    'acceptInvitation',
    { type: 'Account', id: account.id },
    account,
    saved,
    account.id,
  );
  return { account: saved, membership };
}

/**
 * An invitation carries its inviter's authority only while the inviter still
 * has it (DESIGN rules 4 and 5): at acceptance, the person who sent it (or
 * last resent it) must still be active and still allowed to invite into its
 * space with its role. Otherwise the link is refused and an admin who may
 * grant that access resends it. Checked at acceptance rather than by
 * revoking an inviter's invitations on every demotion, restriction or
 * departure: one check covers every way authority is lost.
 */
async function checkStillBacked(
  ctx: CommandContext,
  organization: Organization,
  invitation: Invitation,
  /** The inviter's rows, read with the organization's stored roles. */
  rows: ActorRows,
): Promise<void> {
  const orgId = organization.id;
  const inviter = rows.account;
  const organizationRoles = rows.roles === undefined ? undefined : organizationRolesOf(rows.roles);
  const catalog = catalogWith(ctx.deps.roles, organizationRoles);
  const known = catalog.roles.some((role) => role.name === invitation.role);
  const stored = organizationRoles === undefined ? {} : { organizationRoles };
  // Sent by no account: by a provisioning connection, which must still be active.
  const connection =
    inviter === undefined
      ? await ctx.tx.provisioning.getConnection(orgId, invitation.invitedBy)
      : undefined;
  const actor: PolicyActor | undefined =
    inviter !== undefined
      ? inviter.status === 'active'
        ? {
            account: inviter,
            organization,
            memberships: rows.memberships,
            ...stored,
          }
        : undefined
      : connection?.status === 'active'
        ? { kind: 'provisioner', connection, organization, memberships: [], ...stored }
        : undefined;
  const decision =
    actor === undefined || !known
      ? undefined
      : await ctx.deps.policy.check({
          actor,
          action: 'invite',
          subject: invitationSubject(
            orgId,
            invitation.spaceId,
            invitation.role,
            invitation.restrictions,
          ),
        });
  if (decision?.allowed === true) return;
  const reason =
    'This invitation is no longer valid: the person who sent it can no longer grant this access. Ask for it to be resent.';
  throw new RosterError('FORBIDDEN', reason, {
    action: 'acceptInvitation',
    subject: 'Invitation',
    reason,
  });
}
