import type { RosterErrorDetailsMap } from '../errors/error-codes.js';
import type { Account } from '../model/account.js';
import type { SubjectType } from '../model/audit-event.js';
import type { Membership } from '../model/membership.js';
import type { Organization } from '../model/organization.js';
import type { ProvisioningConnection } from '../model/provisioning-connection.js';
import type { OrganizationRoles } from '../model/stored-role.js';
import type { ReadFilter } from './read-filter.js';
import type { RoleCatalog } from './role-catalog.js';

/**
 * The actions a {@link Policy} decides on. Each is the name of the command
 * that performs it, plus `read` for queries, `viewStatistics` for the
 * plan-gated statistics, `manageOutbox` for listing and retrying the
 * organization's dead outbox messages (asked of an `OutboxMessage`) and
 * `manageProvisioning` for the organization's SCIM provisioning connections
 * and their tokens (asked of a `ProvisioningConnection`).
 *
 * @category Policy port (for policy authors)
 */
export const rosterActions = [
  'read',
  'renameOrganization',
  'changePlan',
  'transferOwnership',
  'deleteOrganization',
  'invite',
  'resendInvitation',
  'revokeInvitation',
  'updateProfile',
  'deactivate',
  'reactivate',
  'requestPasswordReset',
  'linkExternalId',
  'deleteOwnAccount',
  'addToTeam',
  'removeFromTeam',
  'changeRole',
  'setRestrictions',
  'assignGroups',
  'setManager',
  'reassignReports',
  'createSpace',
  'createGroup',
  'renameSpace',
  'deleteSpace',
  'renameGroup',
  'deleteGroup',
  'viewStatistics',
  'defineRole',
  'updateRole',
  'deleteRole',
  'manageOutbox',
  'manageProvisioning',
] as const;

/**
 * An action from {@link rosterActions}.
 *
 * @category Policy port (for policy authors)
 */
export type RosterAction = (typeof rosterActions)[number];

/**
 * Everything a policy knows about an account asking: the account, its
 * organization (with the plan) and its memberships (with roles, restrictions
 * and groups). Loaded by rosterkit before it asks.
 *
 * @category Policy port (for policy authors)
 */
export interface AccountPolicyActor {
  /** Absent or `'account'`: an account acting (see {@link ProvisionerPolicyActor}). */
  readonly kind?: 'account';
  readonly account: Account;
  readonly organization: Organization;
  readonly memberships: readonly Membership[];
  /**
   * The organization's stored roles, read in the command's transaction:
   * a policy decides on them with its own (`@rosterkit/policies` merges
   * them in, and caches per `organizationRoles.version`). Absent when the
   * policy's catalog takes no stored roles (`RoleCatalog.storedRoles`).
   */
  readonly organizationRoles?: OrganizationRoles;
}

/**
 * Everything a policy knows about an identity provider asking through a
 * provisioning connection (DESIGN §8, Actors): the active connection and its
 * organization. It holds no membership and is no account, so rules about
 * one's own access never apply to it; `@rosterkit/policies` lets it manage
 * users and groups across the organization, ranked just below the owner's role.
 *
 * @category Policy port (for policy authors)
 */
export interface ProvisionerPolicyActor {
  readonly kind: 'provisioner';
  readonly connection: ProvisioningConnection;
  readonly organization: Organization;
  /** Always empty: a connection is a member of no space. */
  readonly memberships: readonly Membership[];
  /** As {@link AccountPolicyActor.organizationRoles}. */
  readonly organizationRoles?: OrganizationRoles;
}

/**
 * Who is asking, as a policy sees it: an account ({@link AccountPolicyActor})
 * or a provisioning connection ({@link ProvisionerPolicyActor}); tell them
 * apart by `kind` (or {@link isProvisionerActor}).
 *
 * @category Policy port (for policy authors)
 */
export type PolicyActor = AccountPolicyActor | ProvisionerPolicyActor;

/**
 * Whether the policy actor is a provisioning connection.
 *
 * @example
 * ```ts
 * import { isProvisionerActor, type PolicyActor } from '@rosterkit/core';
 *
 * const idOf = (actor: PolicyActor) => (isProvisionerActor(actor) ? actor.connection.id : actor.account.id);
 * ```
 *
 * @category Policy port (for policy authors)
 */
export function isProvisionerActor(actor: PolicyActor): actor is ProvisionerPolicyActor {
  return actor.kind === 'provisioner';
}

/**
 * The id that stands for the policy actor in audit trails and comparisons:
 * the account's id, or the connection's (never an account's id, so a
 * provisioner is never "oneself").
 *
 * @example
 * ```ts
 * import { actingId } from '@rosterkit/core';
 *
 * const isMe = (accountId: string) => accountId === actingId(actor);
 * ```
 *
 * @category Policy port (for policy authors)
 */
export function actingId(actor: PolicyActor): string {
  return isProvisionerActor(actor) ? actor.connection.id : actor.account.id;
}

/**
 * What the action is on: the record's type, its organization, and the
 * attributes rules may read (for an account, also its memberships so that
 * rank and scope can be checked; for a membership, the roles its account
 * holds anywhere in the organization, so that rank is compared account to
 * account, DESIGN §8).
 *
 * @category Policy port (for policy authors)
 */
export interface PolicySubject {
  /** The kind of record. */
  readonly type: SubjectType;
  /** The record's organization; a policy refuses anything of another tenant. */
  readonly orgId: string;
  /** The record's id, when it exists already. */
  readonly id?: string;
  /**
   * Any other attribute a rule may read (role, spaceId, accountId...). For an
   * `Account`, rosterkit passes its `memberships` and, derived from the current
   * ones, `roles` (the roles held) and `spaceIds` (the spaces it is a member of).
   * For a `Membership`, `accountRoles`: every role its account holds in a
   * current membership of any space; and `grantedRole` when a role is granted.
   */
  readonly [attribute: string]: unknown;
}

/**
 * One question to a {@link Policy}.
 *
 * @category Policy port (for policy authors)
 */
export interface PolicyRequest {
  readonly actor: PolicyActor;
  readonly action: RosterAction;
  readonly subject: PolicySubject;
  /** The field being changed, for field-level rules (`'firstName'`, `'role'`...). */
  readonly field?: string;
}

/**
 * A question about a kind of record rather than one record: "may this actor
 * do this action on some `subjectType`?" (a button above a list). See
 * {@link Policy.checkAny}.
 *
 * @category Policy port (for policy authors)
 */
export interface PolicyAnyRequest {
  readonly actor: PolicyActor;
  readonly action: RosterAction;
  readonly subjectType: SubjectType;
}

/**
 * A {@link Policy}'s answer: allowed, or denied with a reason a person can
 * read. A refusal by rank (DESIGN rule 4) carries the ranks compared in
 * `rank`, and rosterkit raises it as `RANK_EXCEEDED` with them as `details`;
 * any other refusal is `FORBIDDEN`.
 *
 * @category Policy port (for policy authors)
 */
export type PolicyDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly reason: string;
      /** Set when the refusal is rule 4's: the actor's rank against the target account's or the granted role's. */
      readonly rank?: RosterErrorDetailsMap['RANK_EXCEEDED'];
    };

/**
 * The port through which every command asks "may this actor do this action on
 * this subject?" before it changes anything (DESIGN rule 5). `@rosterkit/policies`
 * implements it with CASL; a host may bring its own.
 *
 * A policy must refuse anything whose `subject.orgId` differs from the
 * actor's organization (DESIGN rule 11).
 *
 * @example
 * ```ts
 * import { matchAll, matchNothing, type Policy, type PolicyActor } from '@rosterkit/core';
 *
 * // A policy for a prototype: only the owner may do anything.
 * const isOwner = (actor: PolicyActor) => actor.kind !== 'provisioner' && actor.organization.ownerId === actor.account.id;
 * const ownerOnly: Policy = {
 *   roles: { ownerRole: { name: 'owner' }, roles: [{ name: 'owner' }, { name: 'member' }] },
 *   check: ({ actor, subject }) =>
 *     subject.orgId === actor.organization.id && isOwner(actor)
 *       ? { allowed: true }
 *       : { allowed: false, reason: 'Only the owner may do this.' },
 *   readFilter: (actor) => (isOwner(actor) ? matchAll : matchNothing),
 * };
 * ```
 *
 * @category Policy port (for policy authors)
 */
export interface Policy {
  /**
   * The roles this policy decides on, and which one an organization's owner
   * holds: `createRoster` takes them from here, so the roles commands grant
   * are the ones the policy knows.
   */
  readonly roles: RoleCatalog;
  /** Decides one request. May be asynchronous for policies that consult a service. */
  check(request: PolicyRequest): PolicyDecision | Promise<PolicyDecision>;
  /**
   * Whether the actor may do the action on at least some record of the
   * type, conditions aside (CASL's check on a subject type): what
   * `can(action)` and `permissions()` answer without a subject. A refusal
   * without conditions (the plan, an inactive actor) refuses it; one with
   * conditions (rank, scope) does not, as some other record may pass.
   * Optional: without it, rosterkit asks {@link Policy.check} about a
   * record of the type that has only its `type` and `orgId`.
   */
  checkAny?(request: PolicyAnyRequest): PolicyDecision | Promise<PolicyDecision>;
  /**
   * The condition a store applies so that a list of `subjectType` returns only
   * what the actor may `read`: `matchNothing` when the actor may read none,
   * `matchAll` (within the organization) when it may read all.
   */
  readFilter(actor: PolicyActor, subjectType: SubjectType): ReadFilter | Promise<ReadFilter>;
}
