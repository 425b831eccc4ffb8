import type { RosterErrorDetailsMap } from '../../errors/error-codes.js';
import { RosterError } from '../../errors/roster-error.js';
import type { Account, ProfileFields } from '../../model/account.js';
import type { AuditEvent } from '../../model/audit-event.js';
import type { Invitation } from '../../model/invitation.js';
import type { OutboxMessage } from '../../model/outbox-message.js';
import { actingId } from '../../ports/policy.js';
import { auditEventOf } from '../audit.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { InviteInput } from '../inputs.js';
import { invitationEmail } from '../invitation-message.js';
import { type InvitationSecret, newInvitationSecret } from '../invitation-token.js';
import { requireManager } from '../manager.js';
import { notFound } from '../not-found.js';
import { outboxMessageOf } from '../outbox.js';
import { invitationSubject } from '../policy-subjects.js';
import { checkProfileLimits } from '../profile-limits.js';
import { checkRoleGrantable } from '../protections.js';
import { takeSeat } from '../seats.js';

/** What `invite` and `resendInvitation` return. The token is shown here once and never stored. */
export interface IssuedInvitation {
  readonly invitation: Invitation;
  /** The pending account the invitation activates. */
  readonly account: Account;
  /** The secret for the invitation link: send it to the invitee; rosterkit keeps only its hash. */
  readonly token: string;
}

async function checkPlacement(
  ctx: ActorContext,
  orgId: string,
  spaceId: string,
  groupIds: readonly string[],
  managerId: string | null,
): Promise<void> {
  // The default space always exists (deleteSpace refuses it): no read for it.
  if (spaceId !== ctx.actor.organization.defaultSpaceId) {
    const space = await ctx.tx.spaces.get(orgId, spaceId);
    if (space === undefined) throw notFound('Space', spaceId);
  }
  if (groupIds.length > 0) {
    const groups = await ctx.tx.groups.getMany(orgId, groupIds);
    for (const id of groupIds) {
      if (!groups.some((group) => group.id === id && group.spaceId === spaceId))
        throw notFound('Group', id);
    }
  }
  if (managerId !== null) await requireManager(ctx, orgId, managerId, spaceId);
}

/** Checks that the actor may invite into this space with this role (role grantable, then the Policy). @internal */
export async function authorizeInvite(
  ctx: ActorContext,
  spaceId: string,
  role: string,
  restrictions: readonly string[] = [],
): Promise<void> {
  checkRoleGrantable(ctx, role, ['role']);
  await authorize(
    ctx,
    'invite',
    invitationSubject(ctx.actor.organization.id, spaceId, role, restrictions),
  );
}

/** Whether the Policy lets the actor invite into this space with this role (no error; nothing else checked). @internal */
export async function mayInvite(
  ctx: ActorContext,
  spaceId: string,
  role: string,
): Promise<boolean> {
  const decision = await ctx.deps.policy.check({
    actor: ctx.actor,
    action: 'invite',
    subject: invitationSubject(ctx.actor.organization.id, spaceId, role),
  });
  return decision.allowed;
}

type ExistingState = RosterErrorDetailsMap['ACCOUNT_EXISTS']['state'];

const advice: Readonly<Record<ExistingState, string>> = {
  pending: 'They are already invited: resend the invitation instead.',
  'former-member': 'They already have an account: add them to the team instead.',
  member: 'They are already a member of this space.',
  deactivated: 'Their account is deactivated: reactivate it first, then add them to the team.',
};

/**
 * DESIGN rule 12: an email that already has an account never gets a second
 * one. `invite` refuses rather than re-adding: re-adding is `addToTeam`'s
 * (with its own checks and no e-mail), and the error says which command a UI
 * should offer, with what it needs (the account, the pending invitation).
 */
async function accountExists(
  ctx: ActorContext,
  email: string,
  existing: Account,
  spaceId: string,
): Promise<RosterError<'ACCOUNT_EXISTS'>> {
  const orgId = existing.orgId;
  let state: ExistingState;
  let invitationId: string | undefined;
  if (existing.status === 'pending') {
    state = 'pending';
    const invitations = await ctx.tx.invitations.listByAccount(orgId, existing.id);
    invitationId = invitations.find((invitation) => invitation.status === 'pending')?.id;
  } else if (existing.status === 'deactivated') {
    state = 'deactivated';
  } else {
    const membership = await ctx.tx.memberships.find(orgId, existing.id, spaceId);
    state = membership?.state === 'member' ? 'member' : 'former-member';
  }
  return new RosterError(
    'ACCOUNT_EXISTS',
    `An account with the email ${email} already exists. ${advice[state]}`,
    {
      email,
      accountId: existing.id,
      status: existing.status,
      state,
      spaceId,
      ...(invitationId === undefined ? {} : { invitationId }),
    },
  );
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

/** What an invitation is for: the invitee, the access it grants, the placement. @internal */
export interface InvitationRowsInput {
  readonly email: string;
  readonly role: string;
  readonly spaceId: string;
  readonly groupIds: readonly string[];
  readonly restrictions: readonly string[];
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
  ctx: ActorContext,
  input: InvitationRowsInput,
  secret: InvitationSecret,
): InvitationRows {
  const actor = ctx.actor;
  const orgId = actor.organization.id;
  const { token, tokenHash } = secret;
  const account: Account = {
    id: ctx.deps.ids.next('Account'),
    orgId,
    email: input.email,
    externalId: null,
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
    restrictions: [...new Set(input.restrictions)],
    managerId: input.managerId,
    invitedBy: actingId(actor),
    tokenHash,
    status: 'pending',
    expiresAt: new Date(ctx.now.getTime() + ctx.deps.invitationTtlMs),
    createdAt: ctx.now,
    version: 1,
  };
  const message = outboxMessageOf(
    ctx,
    orgId,
    'invitation.created',
    invitationEmail(invitation, secret),
  );
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
export async function invite(ctx: ActorContext, raw: unknown): Promise<IssuedInvitation> {
  const input = InviteInput.parse(raw);
  const actor = ctx.actor;
  const orgId = actor.organization.id;
  const spaceId = input.spaceId ?? actor.organization.defaultSpaceId;
  checkProfileLimits(ctx.deps.profileLimits, input.profile, ['profile']);
  await authorizeInvite(ctx, spaceId, input.role, input.restrictions);
  await checkPlacement(ctx, orgId, spaceId, input.groupIds, input.managerId);
  const existing = await ctx.tx.accounts.findByEmail(orgId, input.email);
  if (existing !== undefined) throw await accountExists(ctx, input.email, existing, spaceId);
  await takeSeat(ctx, actor.organization, 'invitation');

  const rows = buildInvitationRows(
    ctx,
    { ...input, spaceId },
    await newInvitationSecret(ctx.deps.invitationKeys),
  );
  const account = await ctx.tx.accounts.insert(rows.account);
  const invitation = await ctx.tx.invitations.insert(rows.invitation);
  await ctx.tx.outbox.append(rows.message);
  await ctx.tx.auditEvents.append(rows.event);
  return { invitation, account, token: rows.token };
}
