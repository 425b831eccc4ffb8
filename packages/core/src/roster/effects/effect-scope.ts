import type { AccountEffect, AccountEvent } from '../../machines/account-machine.js';
import type { MembershipEffect, MembershipEvent } from '../../machines/membership-machine.js';
import type { Account } from '../../model/account.js';
import type { Invitation } from '../../model/invitation.js';
import type { Membership } from '../../model/membership.js';
import type { Organization } from '../../model/organization.js';
import type { OutboxMessage } from '../../model/outbox-message.js';
import type { ReportReassignment } from '../../rules/direct-reports.js';
import type { CommandContext } from '../command-context.js';
import type { InvitationSecret } from '../invitation-token.js';

/** An effect either lifecycle machine asks of its caller. @internal */
export type LifecycleEffect = AccountEffect | MembershipEffect;

/** An event of either lifecycle machine. @internal */
export type LifecycleEvent = AccountEvent | MembershipEvent;

/** Where a departing person's reports and resources go (deactivation, removal, deletion). @internal */
export interface DepartureInput {
  /** The space left, or `null` for every space. */
  readonly spaceId: string | null;
  /** The memberships that report to the person (in the space left, or anywhere). */
  readonly reports: readonly Membership[];
  /** Where those reports go; the `reportsReassigned` guard checked it covers them. */
  readonly reassignment: ReportReassignment | undefined;
  /** Who takes over the host's resources; `null` to leave them unassigned. */
  readonly reassignResourcesTo: string | null;
}

/**
 * An event about one account. `account`, `memberships` and `invitation` are
 * drafts: the effects change them, and the command writes what is left of
 * them once, after every effect ran (so a membership whose groups are cleared
 * and whose period ends is written once). Rows beyond these (the reports, the
 * host's resources, the audit trail) the effects write themselves.
 * @internal
 */
export interface AccountTarget {
  readonly kind: 'account';
  /** The account, its new status already set by the command from the transition. */
  account: Account;
  /** The memberships the event is about: every one of the account, or the one of the space left or joined. */
  memberships: Membership[];
  /** The memberships the effects deleted (`endMemberships`), for the erasure of their snapshots. */
  readonly ended: Membership[];
  /** The invitation the event is about (resend, revoke, accept). */
  invitation?: Invitation;
  /** For the events of a departure. */
  readonly departure?: DepartureInput;
}

/** An event about every account of the organization at once (`deleteOrganization`). @internal */
export interface OrganizationTarget {
  readonly kind: 'organization';
  readonly organization: Organization;
  /** How many accounts `erasePersonalData` deleted. */
  deletedAccounts?: number;
}

/** What the effects of one transition act on, and what they leave for the command to write. @internal */
export interface EffectScope {
  readonly ctx: CommandContext;
  readonly orgId: string;
  /** The event the machine accepted. */
  readonly event: LifecycleEvent;
  readonly target: AccountTarget | OrganizationTarget;
  /**
   * The outbox messages the effects ask for, appended by the command with its
   * other writes (by a bulk batch, with every row's, in one call).
   */
  readonly messages: OutboxMessage[];
  /** The new invitation token `rotateInvitationToken` made: shown to the caller once, never stored. */
  token?: string;
  /** The secret it was made with, whose derivation (key id, nonce) the e-mail's message keeps. */
  secret?: InvitationSecret;
}

/** Performs one effect on a scope (DESIGN §8: each effect through one handler). @internal */
export type EffectHandler = (scope: EffectScope) => Promise<void> | void;

/**
 * A handler for every effect of both machines: a table that gains an effect
 * does not compile until the effect has its handler.
 * @internal
 */
export type EffectHandlers = { readonly [E in LifecycleEffect]: EffectHandler };

/**
 * The scope of an event about one account: `account` with its new status,
 * and copies of the lists, so the drafts the effects change are the scope's.
 * @internal
 */
export function accountScope(
  ctx: CommandContext,
  event: LifecycleEvent,
  target: {
    readonly account: Account;
    readonly memberships: readonly Membership[];
    readonly invitation?: Invitation;
    readonly departure?: DepartureInput;
  },
): EffectScope & { readonly target: AccountTarget } {
  return {
    ctx,
    orgId: target.account.orgId,
    event,
    target: { ...target, kind: 'account', memberships: [...target.memberships], ended: [] },
    messages: [],
  };
}

/** The membership drafts the effects replaced: what the command writes. @internal */
export function changedMemberships(
  before: readonly Membership[],
  after: readonly Membership[],
): Membership[] {
  return after.filter((membership) => !before.includes(membership));
}

/** Writes the membership drafts the effects replaced, in one batch (none: no call). @internal */
export async function saveMemberships(
  ctx: CommandContext,
  before: readonly Membership[],
  after: readonly Membership[],
): Promise<Membership[]> {
  const changed = changedMemberships(before, after);
  return changed.length === 0 ? [] : ctx.tx.memberships.updateMany(changed);
}

/** The scope of an event about every account of the organization at once. @internal */
export function organizationScope(
  ctx: CommandContext,
  event: LifecycleEvent,
  organization: Organization,
): EffectScope & { readonly target: OrganizationTarget } {
  return {
    ctx,
    orgId: organization.id,
    event,
    target: { kind: 'organization', organization },
    messages: [],
  };
}
