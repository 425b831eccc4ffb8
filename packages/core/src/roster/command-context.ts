import { RosterError } from '../errors/roster-error.js';
import type { Account } from '../model/account.js';
import type { Actor } from '../model/actor.js';
import type { AuditEvent, SubjectType } from '../model/audit-event.js';
import type { JsonValue } from '../model/json-value.js';
import type { Membership } from '../model/membership.js';
import type { OutboxMessage } from '../model/outbox-message.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Policy, PolicyActor, PolicySubject, RosterAction } from '../ports/policy.js';
import type { StoreTransaction } from '../ports/store.js';
import { checkOwnerProtection, checkOwnerRoleGrant } from '../rules/owner-protection.js';
import { checkSelfAction } from '../rules/self-action.js';
import type { ResolvedProfileLimits } from './profile-limits.js';
import type { ResourceHandler, RoleCatalog } from './roster-options.js';

/** Everything a command needs besides its input; built once by createRoster. @internal */
export interface RosterDeps {
  readonly policy: Policy;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly requiredProfileFields: readonly string[];
  readonly profileLimits: ResolvedProfileLimits;
  readonly invitationTtlMs: number;
  readonly resourceHandlers: readonly ResourceHandler[];
  readonly roles: RoleCatalog;
  readonly presence: { readonly onlineWithinMs: number; readonly awayWithinMs: number };
}

/** One command's view of the world: its transaction, its actor, and the helpers every command uses. @internal */
export interface CommandContext {
  readonly deps: RosterDeps;
  readonly tx: StoreTransaction;
  /** null for commands without an actor (createOrganization, acceptInvitation). */
  readonly actor: PolicyActor | null;
  readonly now: Date;
  /** A bulk dry run: everything is planned and rolled back; the host's resource handlers are not called. */
  readonly dryRun?: boolean;
}

/** A row as an audit snapshot: JSON values only (dates become ISO strings). @internal */
export function snapshot(row: object | null | undefined): JsonValue | null {
  return row === null || row === undefined ? null : (JSON.parse(JSON.stringify(row)) as JsonValue);
}

/** Loads the acting account with its organization and memberships; only active accounts act. @internal */
export async function loadActor(tx: StoreTransaction, actor: Actor): Promise<PolicyActor> {
  const [organization, account] = await Promise.all([
    tx.organizations.get(actor.orgId),
    tx.accounts.get(actor.orgId, actor.accountId),
  ]);
  if (organization === undefined) throw notFound('Organization', actor.orgId);
  if (account === undefined) throw notFound('Account', actor.accountId);
  if (account.status !== 'active') {
    throw new RosterError(
      'FORBIDDEN',
      `Your account is ${account.status}; only active accounts can act.`,
      {
        action: 'any',
        subject: 'Account',
        reason: `The acting account is ${account.status}.`,
      },
    );
  }
  const memberships = await tx.memberships.listByAccounts(actor.orgId, [actor.accountId]);
  return { account, organization, memberships };
}

/**
 * Asks the policy; throws `RANK_EXCEEDED` with the ranks when rank decided,
 * else `FORBIDDEN` with the deciding rule's reason.
 * @internal
 */
export async function authorize(
  ctx: CommandContext,
  action: RosterAction,
  subject: PolicySubject,
  field?: string,
): Promise<void> {
  await authorizeAs(ctx, requireActor(ctx), action, subject, field);
}

/** {@link authorize} for another actor than the command's (the invitee accepting). @internal */
export async function authorizeAs(
  ctx: CommandContext,
  actor: PolicyActor,
  action: RosterAction,
  subject: PolicySubject,
  field?: string,
): Promise<void> {
  const decision = await ctx.deps.policy.check({
    actor,
    action,
    subject,
    ...(field === undefined ? {} : { field }),
  });
  if (!decision.allowed) {
    if (decision.rank !== undefined) {
      throw new RosterError('RANK_EXCEEDED', decision.reason, {
        actorRank: decision.rank.actorRank,
        targetRank: decision.rank.targetRank,
        target: decision.rank.target,
      });
    }
    throw new RosterError('FORBIDDEN', decision.reason, {
      action,
      subject: subject.type,
      reason: decision.reason,
      ...(field === undefined ? {} : { field }),
    });
  }
}

/** The actor of a command that has one. @internal */
export function requireActor(ctx: CommandContext): PolicyActor {
  if (ctx.actor === null) throw new TypeError('This command needs an actor');
  return ctx.actor;
}

/**
 * The policy subject of an account: its fields, its memberships, and what rank
 * and scope rules compare, derived once here from the current memberships:
 * `roles` (the roles held) and `spaceIds` (the spaces it is a member of).
 * @internal
 */
export function accountSubject(
  account: Account,
  memberships: readonly Membership[],
): PolicySubject {
  const current = memberships.filter((membership) => membership.state === 'member');
  return {
    ...account,
    type: 'Account',
    memberships,
    roles: [...new Set(current.map((membership) => membership.role))],
    spaceIds: current.map((membership) => membership.spaceId),
  };
}

/**
 * The policy subject of a membership: its fields, `accountRoles` (every role
 * its account holds in a current membership anywhere in the organization, so
 * rank is compared account to account, DESIGN §8), and the role being granted
 * when there is one.
 * @param accountMemberships - every membership of the membership's account.
 * @internal
 */
export function membershipSubject(
  membership: Membership,
  accountMemberships: readonly Membership[],
  grantedRole?: string,
): PolicySubject {
  const held = accountMemberships.filter(
    (m) => m.accountId === membership.accountId && m.state === 'member',
  );
  return {
    ...membership,
    type: 'Membership',
    accountRoles: [...new Set(held.map((m) => m.role))],
    ...(grantedRole === undefined ? {} : { grantedRole }),
  };
}

/** The audit event of a successful command, to append now or with a bulk batch. @internal */
export function auditEventOf(
  ctx: CommandContext,
  orgId: string,
  action: string,
  target: { type: SubjectType; id: string },
  before: object | null | undefined,
  after: object | null | undefined,
  /** Who acted, when the command has no actor of its own (the invitee accepting). */
  actedBy?: string,
): AuditEvent {
  return {
    id: ctx.deps.ids.next('AuditEvent'),
    orgId,
    actor:
      actedBy !== undefined
        ? { accountId: actedBy, orgId }
        : ctx.actor === null
          ? null
          : { accountId: ctx.actor.account.id, orgId: ctx.actor.organization.id },
    action,
    target,
    before: snapshot(before),
    after: snapshot(after),
    at: ctx.now,
  };
}

/** Appends the audit event of a successful command. @internal */
export async function audit(
  ctx: CommandContext,
  orgId: string,
  action: string,
  target: { type: SubjectType; id: string },
  before: object | null | undefined,
  after: object | null | undefined,
  /** Who acted, when the command has no actor of its own (the invitee accepting). */
  actedBy?: string,
): Promise<void> {
  await ctx.tx.auditEvents.append(auditEventOf(ctx, orgId, action, target, before, after, actedBy));
}

/** A new, undelivered outbox message, to append now or with a bulk batch. @internal */
export function outboxMessageOf(
  ctx: CommandContext,
  orgId: string,
  topic: string,
  payload: JsonValue,
): OutboxMessage {
  return {
    id: ctx.deps.ids.next('OutboxMessage'),
    orgId,
    topic,
    payload,
    createdAt: ctx.now,
    deliveredAt: null,
    attempts: 0,
    nextAttemptAt: ctx.now,
    lastError: null,
    deadAt: null,
  };
}

/** Appends an outbox message in the command's transaction. @internal */
export async function enqueue(
  ctx: CommandContext,
  orgId: string,
  topic: string,
  payload: JsonValue,
): Promise<void> {
  await ctx.tx.outbox.append(outboxMessageOf(ctx, orgId, topic, payload));
}

/** The NOT_FOUND error of a record that is missing or in another organization. @internal */
export function notFound(subject: SubjectType, id: string): RosterError<'NOT_FOUND'> {
  const where = subject === 'Organization' ? '' : ' in this organization';
  return new RosterError('NOT_FOUND', `No ${subject.toLowerCase()} ${id}${where}.`, {
    subject,
    id,
  });
}

/** Loads an account of the actor's organization or throws NOT_FOUND. @internal */
export async function getAccountOrThrow(
  ctx: CommandContext,
  orgId: string,
  id: string,
): Promise<Account> {
  const account = await ctx.tx.accounts.get(orgId, id);
  if (account === undefined || account.status === 'deleted') throw notFound('Account', id);
  return account;
}

/**
 * Refuses a role the roster may not grant: `INVALID_INPUT` when it is
 * unknown, `OWNER_PROTECTED` (action `grantOwnerRole`) when it is the
 * owner's and not shared (it then moves only by transferOwnership, DESIGN
 * rule 1).
 * @internal
 */
export function checkRoleGrantable(
  ctx: CommandContext,
  role: string,
  path: readonly (string | number)[],
): void {
  const { deps } = ctx;
  const ownerId = requireActor(ctx).organization.ownerId;
  const names = deps.roles.roles.map((known) => known.name);
  if (!names.includes(role)) {
    const problem = `Unknown role "${role}"; known roles: ${names.join(', ')}.`;
    throw new RosterError('INVALID_INPUT', problem, { issues: [{ path, message: problem }] });
  }
  const refusal = checkOwnerRoleGrant({ role, ownerRole: deps.roles.ownerRole, ownerId });
  if (refusal !== undefined) throw refusal;
}

/**
 * Nobody changes their own access, nor the owner's (DESIGN rules 1 and 3):
 * checked before the policy, so the code says which. `spaceId` is the space
 * of the membership acted on, for membership actions: outside the default
 * space, the owner's memberships are the owner's alone to manage.
 * @internal
 */
export function refuseSelfOrOwner(
  ctx: CommandContext,
  accountId: string,
  action: string,
  spaceId?: string,
): void {
  refuseSelf(ctx, accountId, action, spaceId);
  const actor = requireActor(ctx);
  const refusal = checkOwnerProtection({
    action,
    accountId,
    actorId: actor.account.id,
    ownerId: actor.organization.ownerId,
    defaultSpaceId: actor.organization.defaultSpaceId,
    ...(spaceId === undefined ? {} : { spaceId }),
  });
  if (refusal !== undefined) throw refusal;
}

/** Nobody changes their own access (DESIGN rule 3); see {@link refuseSelfOrOwner}. @internal */
export function refuseSelf(
  ctx: CommandContext,
  accountId: string,
  action: string,
  spaceId?: string,
): void {
  const actor = requireActor(ctx);
  const refusal = checkSelfAction({
    action,
    actorId: actor.account.id,
    targetId: accountId,
    ownerId: actor.organization.ownerId,
    defaultSpaceId: actor.organization.defaultSpaceId,
    ...(spaceId === undefined ? {} : { spaceId }),
  });
  if (refusal !== undefined) throw refusal;
}
