import { RosterError } from '../../errors/roster-error.js';
import type { SubjectType } from '../../model/audit-event.js';
import type { Membership } from '../../model/membership.js';
import {
  isProvisionerActor,
  type PolicySubject,
  type RosterAction,
  rosterActions,
} from '../../ports/policy.js';
import type { ActorContext } from '../command-context.js';
import { allowedKeys, applicable, subjectKindOf } from '../may/question.js';
import { getAccountOrThrow, notFound } from '../not-found.js';
import { accountSubject, invitationSubject, membershipSubject } from '../policy-subjects.js';
import { checkRoleGrantable, refuseSelf, refuseSelfOrOwner } from '../protections.js';
import { CanInput, CanSubject } from '../role-inputs.js';
import { roleSubject } from './roles.js';

/**
 * What an actor may do, as `permissions` answers it: every action, allowed
 * or not, for the subject asked about (an action that is not asked of such
 * a subject is `false`), and the roles the actor may grant there.
 */
export interface ActorPermissions {
  /** One answer per action of {@link rosterActions}, as `can` gives it. */
  readonly actions: Readonly<Record<RosterAction, boolean>>;
  /**
   * The roles the actor may grant there: to invite with (into the subject's
   * space, the default one without), or, for an account, to change its
   * membership to (to add it with, when it is not a member of the space).
   */
  readonly grantableRoles: readonly string[];
}

type Subject = ReturnType<typeof CanSubject.parse>;

const keysOf = (subject: Subject) =>
  Object.entries(subject).flatMap(([key, value]) => (value === undefined ? [] : [key]));

// A core refusal (self, owner, a role that cannot be granted) is a "no".
function passes(check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (RosterError.isInstance(error)) return false;
    throw error;
  }
}

async function allows(
  ctx: ActorContext,
  action: RosterAction,
  subject: PolicySubject,
  field?: string,
): Promise<boolean> {
  const request = { actor: ctx.actor, action, subject, ...(field === undefined ? {} : { field }) };
  return (await ctx.deps.policy.check(request)).allowed;
}

// "On some record of the type": the Policy's own answer when it has one.
async function allowsAny(
  ctx: ActorContext,
  action: RosterAction,
  subjectType: SubjectType,
): Promise<boolean> {
  const { policy } = ctx.deps;
  const { actor } = ctx;
  const decision =
    policy.checkAny === undefined
      ? await policy.check({
          actor,
          action,
          subject: { type: subjectType, orgId: actor.organization.id },
        })
      : await policy.checkAny({ actor, action, subjectType });
  return decision.allowed;
}

const grantable = (ctx: ActorContext, role: string) =>
  passes(() => checkRoleGrantable(ctx, role, ['subject', 'role']));

function candidateRoles(ctx: ActorContext, subject: Subject): string[] {
  return subject.role === undefined
    ? ctx.deps.roles.roles.map((role) => role.name)
    : [subject.role];
}

async function some(roles: readonly string[], test: (role: string) => Promise<boolean>) {
  for (const role of roles) if (await test(role)) return true;
  return false;
}

async function withoutSubject(ctx: ActorContext, action: RosterAction): Promise<boolean> {
  const { organization } = ctx.actor;
  const kind = subjectKindOf[action];
  if (kind === 'Organization') {
    return allows(ctx, action, { ...organization, type: 'Organization', orgId: organization.id });
  }
  if (action === 'deleteOwnAccount') {
    // A provisioning connection has no account of its own to delete.
    if (isProvisionerActor(ctx.actor)) return false;
    return allows(ctx, action, accountSubject(ctx.actor.account, ctx.actor.memberships));
  }
  if (action === 'createSpace')
    return allows(ctx, action, { type: 'Space', orgId: organization.id });
  // The organization's outbox as a whole: what listDeadOutboxMessages asks.
  // Likewise its provisioning connections: what listProvisioningConnections asks.
  if (kind === 'OutboxMessage' || kind === 'ProvisioningConnection')
    return allows(ctx, action, { type: kind, orgId: organization.id });
  return allowsAny(ctx, action, kind);
}

async function aboutMembership(
  ctx: ActorContext,
  action: RosterAction,
  subject: Subject,
  accountId: string,
  memberships: readonly Membership[],
): Promise<boolean> {
  const { organization } = ctx.actor;
  const spaceId = subject.spaceId ?? organization.defaultSpaceId;
  const found = memberships.find((m) => m.spaceId === spaceId);
  const member = found?.state === 'member' ? found : undefined;
  if (action === 'addToTeam') {
    const draft: Membership = found ?? {
      id: '',
      orgId: organization.id,
      accountId,
      spaceId,
      state: 'account-only',
      role: '',
      restrictions: [],
      groupIds: [],
      managerId: null,
      periods: [],
      version: 1,
    };
    if (!passes(() => refuseSelfOrOwner(ctx, accountId, action, spaceId))) return false;
    return some(
      candidateRoles(ctx, subject),
      async (role) =>
        grantable(ctx, role) &&
        allows(ctx, action, membershipSubject({ ...draft, role }, memberships, role)),
    );
  }
  if (member === undefined) return false;
  const protect = action === 'removeFromTeam' ? refuseSelf : refuseSelfOrOwner;
  if (!passes(() => protect(ctx, accountId, action, spaceId))) return false;
  if (action === 'changeRole') {
    return some(
      candidateRoles(ctx, subject),
      async (role) =>
        grantable(ctx, role) && allows(ctx, action, membershipSubject(member, memberships, role)),
    );
  }
  return allows(ctx, action, membershipSubject(member, memberships));
}

async function withSubject(ctx: ActorContext, action: RosterAction, subject: Subject) {
  const orgId = ctx.actor.organization.id;
  if (subject.roleId !== undefined) {
    const role = await ctx.tx.roles.get(orgId, subject.roleId);
    if (role === undefined) throw notFound('Role', subject.roleId);
    return allows(ctx, action, roleSubject(role));
  }
  if (subject.invitationId !== undefined) {
    const invitation = await ctx.tx.invitations.get(orgId, subject.invitationId);
    if (invitation === undefined) throw notFound('Invitation', subject.invitationId);
    return allows(ctx, action, { ...invitation, type: 'Invitation' });
  }
  if (subject.accountId === undefined) {
    const spaceId = subject.spaceId ?? ctx.actor.organization.defaultSpaceId;
    const space = await ctx.tx.spaces.get(orgId, spaceId);
    if (space === undefined) throw notFound('Space', spaceId);
    if (action === 'read') return allows(ctx, action, { ...space, type: 'Space' });
    if (action === 'renameSpace' || action === 'deleteSpace') {
      // The default space is never deleted, whoever asks.
      if (action === 'deleteSpace' && space.isDefault) return false;
      return allows(ctx, action, { ...space, type: 'Space' });
    }
    if (action === 'createGroup' || action === 'renameGroup' || action === 'deleteGroup') {
      return allows(ctx, action, { type: 'Group', orgId, spaceId });
    }
    return some(
      candidateRoles(ctx, subject),
      async (role) =>
        grantable(ctx, role) && allows(ctx, action, invitationSubject(orgId, spaceId, role)),
    );
  }
  const { accountId } = subject;
  const account = await getAccountOrThrow(ctx, orgId, accountId);
  const memberships = await ctx.tx.memberships.listByAccounts(orgId, [accountId]);
  if (subjectKindOf[action] === 'Membership') {
    return aboutMembership(ctx, action, subject, accountId, memberships);
  }
  if (action === 'read' && subject.spaceId !== undefined) {
    const membership = memberships.find((m) => m.spaceId === subject.spaceId);
    return (
      membership !== undefined && allows(ctx, action, membershipSubject(membership, memberships))
    );
  }
  if (action === 'deactivate' || action === 'reactivate') {
    if (!passes(() => refuseSelf(ctx, accountId, action))) return false;
  }
  return allows(ctx, action, accountSubject(account, memberships), subject.field);
}

function checkKnownRole(ctx: ActorContext, subject: Subject): void {
  const { role } = subject;
  if (role === undefined || ctx.deps.roles.roles.some((known) => known.name === role)) return;
  const names = ctx.deps.roles.roles.map((known) => known.name).join(', ');
  const message = `Unknown role "${role}"; known roles: ${names}.`;
  throw new RosterError('INVALID_INPUT', message, {
    issues: [{ path: ['subject', 'role'], message }],
  });
}

function ask(ctx: ActorContext, action: RosterAction, subject: Subject): Promise<boolean> {
  return keysOf(subject).length === 0
    ? withoutSubject(ctx, action)
    : withSubject(ctx, action, subject);
}

/** @internal */
export async function can(ctx: ActorContext, raw: unknown): Promise<boolean> {
  const { action, subject } = CanInput.parse(raw);
  const keys = keysOf(subject);
  if (!applicable(action, keys)) {
    const takes = allowedKeys(action);
    const message = `"${action}" is not asked about { ${keys.join(', ')} }; it takes ${takes.length === 0 ? 'no subject' : `a subject of ${takes.join(', ')}`}.`;
    throw new RosterError('INVALID_INPUT', message, { issues: [{ path: ['subject'], message }] });
  }
  checkKnownRole(ctx, subject);
  return ask(ctx, action, subject);
}

/** @internal */
export async function permissions(ctx: ActorContext, raw: unknown): Promise<ActorPermissions> {
  const subject = CanSubject.parse(raw);
  checkKnownRole(ctx, subject);
  const keys = keysOf(subject);
  const actions = {} as Record<RosterAction, boolean>;
  for (const action of rosterActions) {
    actions[action] = applicable(action, keys) ? await ask(ctx, action, subject) : false;
  }
  return { actions, grantableRoles: await grantableRoles(ctx, subject) };
}

// The roles of the invite dialog (into the subject's space) or of an
// account's role menu (change it, or add it with, in the subject's space).
async function grantableRoles(ctx: ActorContext, subject: Subject): Promise<string[]> {
  if (subject.invitationId !== undefined || subject.roleId !== undefined) return [];
  const orgId = ctx.actor.organization.id;
  const { accountId } = subject;
  const memberships =
    accountId === undefined ? [] : await ctx.tx.memberships.listByAccounts(orgId, [accountId]);
  const spaceId = subject.spaceId ?? ctx.actor.organization.defaultSpaceId;
  const isMember = memberships.some((m) => m.spaceId === spaceId && m.state === 'member');
  const result: string[] = [];
  for (const { name } of ctx.deps.roles.roles) {
    const question: Subject = { ...subject, role: name };
    const allowed =
      accountId === undefined
        ? await withSubject(ctx, 'invite', question)
        : await aboutMembership(
            ctx,
            isMember ? 'changeRole' : 'addToTeam',
            question,
            accountId,
            memberships,
          );
    if (allowed) result.push(name);
  }
  return result;
}
