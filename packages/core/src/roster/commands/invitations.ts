import { RosterError } from '../../errors/roster-error.js';
import { accountMachine } from '../../machines/account-machine.js';
import { transition } from '../../machines/machine.js';
import { type Account, type ProfileFields, profileFieldName } from '../../model/account.js';
import type { AuditEvent } from '../../model/audit-event.js';
import type { Invitation } from '../../model/invitation.js';
import type { Membership } from '../../model/membership.js';
import type { Organization } from '../../model/organization.js';
import type { OutboxMessage } from '../../model/outbox-message.js';
import type { PolicySubject } from '../../ports/policy.js';
import { audit, auditEventOf } from '../audit.js';
import { authorize, authorizeAs } from '../authorize.js';
import { type CommandContext, requireActor } from '../command-context.js';
import { AcceptInvitationInput, InvitationRef, InviteInput } from '../inputs.js';
import { hashInvitationToken, newInvitationToken } from '../invitation-token.js';
import { mayManageIn, requireManager } from '../manager.js';
import { notFound } from '../not-found.js';
import { enqueue, outboxMessageOf } from '../outbox.js';
import { accountSubject } from '../policy-subjects.js';
import { checkProfileLimits } from '../profile-limits.js';
import { checkRoleGrantable } from '../protections.js';

/** What `invite` and `resendInvitation` return. The token is shown here once and never stored. */
export interface IssuedInvitation {
  readonly invitation: Invitation;
  /** The pending account the invitation activates. */
  readonly account: Account;
  /** The secret for the invitation link: send it to the invitee; rosterkit keeps only its hash. */
  readonly token: string;
}

/** What `acceptInvitation` returns. */
export interface AcceptedInvitation {
  readonly account: Account;
  readonly membership: Membership;
}

async function checkPlacement(
  ctx: CommandContext,
  orgId: string,
  spaceId: string,
  groupIds: readonly string[],
  managerId: string | null,
): Promise<void> {
  const space = await ctx.tx.spaces.get(orgId, spaceId);
  if (space === undefined) throw notFound('Space', spaceId);
  if (groupIds.length > 0) {
    const groups = await ctx.tx.groups.getMany(orgId, groupIds);
    for (const id of groupIds) {
      if (!groups.some((group) => group.id === id && group.spaceId === spaceId))
        throw notFound('Group', id);
    }
  }
  if (managerId !== null) await requireManager(ctx, orgId, managerId, spaceId);
}

/** What the Policy is asked about an invitation into `spaceId` with `role`. */
function invitationSubject(orgId: string, spaceId: string, role: string): PolicySubject {
  return { type: 'Invitation', orgId, spaceId, role };
}

/** Checks that the actor may invite into this space with this role (role grantable, then the Policy). @internal */
export async function authorizeInvite(
  ctx: CommandContext,
  spaceId: string,
  role: string,
): Promise<void> {
  checkRoleGrantable(ctx, role, ['role']);
  await authorize(
    ctx,
    'invite',
    invitationSubject(requireActor(ctx).organization.id, spaceId, role),
  );
}

/** Whether the Policy lets the actor invite into this space with this role (no error; nothing else checked). @internal */
export async function mayInvite(
  ctx: CommandContext,
  spaceId: string,
  role: string,
): Promise<boolean> {
  const decision = await ctx.deps.policy.check({
    actor: requireActor(ctx),
    action: 'invite',
    subject: invitationSubject(requireActor(ctx).organization.id, spaceId, role),
  });
  return decision.allowed;
}

/** DESIGN rule 12: an email that already has an account never gets a second one. */
function accountExists(email: string, existing: Account): RosterError<'ACCOUNT_EXISTS'> {
  const advice: Record<string, string> = {
    pending: 'They are already invited: resend the invitation instead.',
    active: 'They already have an account: add them to the team instead.',
    deactivated: 'Their account is deactivated: reactivate it first, then add them to the team.',
  };
  return new RosterError(
    'ACCOUNT_EXISTS',
    `An account with the email ${email} already exists. ${advice[existing.status] ?? ''}`.trim(),
    { email, accountId: existing.id, status: existing.status },
  );
}

/** The payload of an invitation's e-mail (`invitation.created`), sent on invite and on resend. */
function invitationEmail(invitation: Invitation) {
  return {
    invitationId: invitation.id,
    email: invitation.email,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/** Everything an invitation writes: the pending account, the invitation, its e-mail and its audit event. @internal */
export interface InvitationRows {
  readonly account: Account;
  readonly invitation: Invitation;
  readonly message: OutboxMessage;
  readonly event: AuditEvent;
  /** The secret of the invitation link, never stored. */
  readonly token: string;
}

/** An invitation's secret: the token for its link, and the hash that is stored. @internal */
export interface InvitationSecret {
  readonly token: string;
  readonly tokenHash: string;
}

/** A new invitation token and its hash. @internal */
export async function newInvitationSecret(): Promise<InvitationSecret> {
  const token = newInvitationToken();
  return { token, tokenHash: await hashInvitationToken(token) };
}

/** What an invitation is for: the invitee, the access it grants, the placement. @internal */
export interface InvitationRowsInput {
  readonly email: string;
  readonly role: string;
  readonly spaceId: string;
  readonly groupIds: readonly string[];
  readonly managerId: string | null;
  readonly firstName: string;
  readonly lastName: string;
  readonly profile: ProfileFields;
}

/**
 * Builds (without writing) the rows of an authorized, checked invitation,
 * with its secret made beforehand, so that a bulk batch makes its secrets
 * all at once rather than one after another.
 * @internal
 */
export function buildInvitationRows(
  ctx: CommandContext,
  input: InvitationRowsInput,
  secret: InvitationSecret,
): InvitationRows {
  const actor = requireActor(ctx);
  const orgId = actor.organization.id;
  const { token, tokenHash } = secret;
  const account: Account = {
    id: ctx.deps.ids.next('Account'),
    orgId,
    email: input.email,
    firstName: input.firstName,
    lastName: input.lastName,
    status: 'pending',
    profile: { ...input.profile },
    lastSeenAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  };
  const invitation: Invitation = {
    id: ctx.deps.ids.next('Invitation'),
    orgId,
    accountId: account.id,
    spaceId: input.spaceId,
    email: input.email,
    role: input.role,
    groupIds: [...input.groupIds],
    managerId: input.managerId,
    invitedBy: actor.account.id,
    tokenHash,
    status: 'pending',
    expiresAt: new Date(ctx.now.getTime() + ctx.deps.invitationTtlMs),
    createdAt: ctx.now,
    version: 1,
  };
  const message = outboxMessageOf(ctx, orgId, 'invitation.created', invitationEmail(invitation));
  const event = auditEventOf(
    ctx,
    orgId,
    'invite',
    { type: 'Invitation', id: invitation.id },
    null,
    {
      ...invitation,
      tokenHash: undefined,
    },
  );
  return { account, invitation, message, event, token };
}

/** @internal */
export async function invite(ctx: CommandContext, raw: unknown): Promise<IssuedInvitation> {
  const input = InviteInput.parse(raw);
  const actor = requireActor(ctx);
  const orgId = actor.organization.id;
  const spaceId = input.spaceId ?? actor.organization.defaultSpaceId;
  checkProfileLimits(ctx.deps.profileLimits, input.profile, ['profile']);
  await authorizeInvite(ctx, spaceId, input.role);
  await checkPlacement(ctx, orgId, spaceId, input.groupIds, input.managerId);
  const existing = await ctx.tx.accounts.findByEmail(orgId, input.email);
  if (existing !== undefined) throw accountExists(input.email, existing);

  const rows = buildInvitationRows(ctx, { ...input, spaceId }, await newInvitationSecret());
  const account = await ctx.tx.accounts.insert(rows.account);
  const invitation = await ctx.tx.invitations.insert(rows.invitation);
  await ctx.tx.outbox.append(rows.message);
  await ctx.tx.auditEvents.append(rows.event);
  return { invitation, account, token: rows.token };
}

async function loadPendingInvitation(
  ctx: CommandContext,
  raw: unknown,
): Promise<[Invitation, Account]> {
  const { invitationId } = InvitationRef.parse(raw);
  const orgId = requireActor(ctx).organization.id;
  const invitation = await ctx.tx.invitations.get(orgId, invitationId);
  if (invitation === undefined) throw notFound('Invitation', invitationId);
  const account = await ctx.tx.accounts.get(orgId, invitation.accountId);
  if (account === undefined) throw notFound('Account', invitation.accountId);
  return [invitation, account];
}

function checkInvitationPending(invitation: Invitation, event: string): void {
  if (invitation.status !== 'pending') {
    throw new RosterError(
      'INVALID_TRANSITION',
      `Cannot ${event} an invitation that is ${invitation.status}.`,
      {
        machine: 'invitation',
        from: invitation.status,
        event,
      },
    );
  }
}

/** @internal */
export async function resendInvitation(
  ctx: CommandContext,
  raw: unknown,
): Promise<IssuedInvitation> {
  const [invitation, account] = await loadPendingInvitation(ctx, raw);
  const orgId = invitation.orgId;
  await authorize(ctx, 'resendInvitation', { ...invitation, type: 'Invitation' });
  checkInvitationPending(invitation, 'resendInvitation');
  const result = transition(accountMachine, account.status, 'resendInvitation', {
    accountId: account.id,
    ownerId: requireActor(ctx).organization.ownerId,
  });
  if (!result.ok) throw result.error;
  const { token, tokenHash } = await newInvitationSecret();
  // The resender vouches for the invitation from now on (see acceptInvitation).
  const updated = await ctx.tx.invitations.update({
    ...invitation,
    invitedBy: requireActor(ctx).account.id,
    tokenHash,
    expiresAt: new Date(ctx.now.getTime() + ctx.deps.invitationTtlMs),
  });
  await enqueue(ctx, orgId, 'invitation.created', invitationEmail(updated));
  await audit(
    ctx,
    orgId,
    'resendInvitation',
    { type: 'Invitation', id: invitation.id },
    { ...invitation, tokenHash: undefined },
    { ...updated, tokenHash: undefined },
  );
  return { invitation: updated, account, token };
}

/** @internal */
export async function revokeInvitation(ctx: CommandContext, raw: unknown): Promise<Invitation> {
  const [invitation, account] = await loadPendingInvitation(ctx, raw);
  await authorize(ctx, 'revokeInvitation', { ...invitation, type: 'Invitation' });
  checkInvitationPending(invitation, 'revokeInvitation');
  const result = transition(accountMachine, account.status, 'revokeInvitation', {
    accountId: account.id,
    ownerId: requireActor(ctx).organization.ownerId,
  });
  if (!result.ok) throw result.error;
  const revoked = await ctx.tx.invitations.update({ ...invitation, status: 'revoked' });
  // The pending account disappears (DESIGN §3); it never had a membership.
  await ctx.tx.accounts.delete(account.orgId, account.id, account.version);
  await audit(
    ctx,
    invitation.orgId,
    'revokeInvitation',
    { type: 'Invitation', id: invitation.id },
    { ...invitation, tokenHash: undefined },
    { ...revoked, tokenHash: undefined },
  );
  return revoked;
}

/** @internal */
export async function acceptInvitation(
  ctx: CommandContext,
  raw: unknown,
): Promise<AcceptedInvitation> {
  const input = AcceptInvitationInput.parse(raw);
  const invitation = await ctx.tx.invitations.findByTokenHash(
    await hashInvitationToken(input.token),
  );
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
  const orgId = invitation.orgId;
  const [organization, account] = await Promise.all([
    ctx.tx.organizations.get(orgId),
    ctx.tx.accounts.get(orgId, invitation.accountId),
  ]);
  if (organization === undefined) throw notFound('Organization', orgId);
  if (account === undefined) throw notFound('Account', invitation.accountId);
  const result = transition(accountMachine, account.status, 'acceptInvitation', {
    accountId: account.id,
    ownerId: organization.ownerId,
  });
  if (!result.ok) throw result.error;
  await checkStillBacked(ctx, organization, invitation);
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
  const activated: Account = {
    ...account,
    firstName,
    lastName,
    profile,
    status: result.state,
    updatedAt: ctx.now,
  };
  const period = { startedAt: ctx.now, endedAt: null, role: invitation.role };
  const existing = await ctx.tx.memberships.find(orgId, account.id, invitation.spaceId);
  // The manager named in the invitation may have left since (rule 7): then
  // the person joins without one, and an admin assigns one later.
  const keepsManager =
    invitation.managerId !== null &&
    (await mayManageIn(ctx, orgId, invitation.managerId, invitation.spaceId));
  const fields = {
    state: 'member' as const,
    role: invitation.role,
    groupIds: invitation.groupIds,
    managerId: keepsManager ? invitation.managerId : null,
  };
  const joined: Membership =
    existing === undefined
      ? {
          id: ctx.deps.ids.next('Membership'),
          orgId,
          accountId: account.id,
          spaceId: invitation.spaceId,
          restrictions: [],
          periods: [period],
          version: 1,
          ...fields,
        }
      : { ...existing, ...fields, periods: [...existing.periods, period] };
  // The invitee sets their own profile fields only as updateProfile would
  // let them once they have joined.
  const invitee = { account: activated, organization, memberships: [joined] };
  for (const key of Object.keys(input.profile)) {
    if (account.profile[key] === input.profile[key]) continue;
    await authorizeAs(
      ctx,
      invitee,
      'updateProfile',
      accountSubject(activated, [joined]),
      profileFieldName(key),
    );
  }
  await ctx.tx.invitations.update({ ...invitation, status: 'accepted' });
  const saved = await ctx.tx.accounts.update(activated);
  const membership =
    existing === undefined
      ? await ctx.tx.memberships.insert(joined)
      : await ctx.tx.memberships.update(joined);
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
): Promise<void> {
  const orgId = organization.id;
  const inviter = await ctx.tx.accounts.get(orgId, invitation.invitedBy);
  const known = ctx.deps.roles.roles.some((role) => role.name === invitation.role);
  const decision =
    inviter === undefined || inviter.status !== 'active' || !known
      ? undefined
      : await ctx.deps.policy.check({
          actor: {
            account: inviter,
            organization,
            memberships: await ctx.tx.memberships.listByAccounts(orgId, [inviter.id]),
          },
          action: 'invite',
          subject: invitationSubject(orgId, invitation.spaceId, invitation.role),
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
