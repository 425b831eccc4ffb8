import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Policy } from '../ports/policy.js';
import type { RoleCatalog } from '../ports/role-catalog.js';
import type { Store, StoreTransaction } from '../ports/store.js';
import type { AfterCommitHook } from './delivery/after-commit.js';
import type { InvitationKeys } from './invitation-keys.js';
import type { ProfileLimits } from './profile-limits.js';
import type { SeatLimitsByPlan } from './seat-limits.js';

/** Why a person is leaving what they owned, as told to a {@link ResourceHandler}. */
export type DepartureReason = 'deactivate' | 'removeFromTeam' | 'deleteOwnAccount';

/**
 * What a {@link ResourceHandler} is told when a person leaves a space or the
 * organization: whose resources to move, and to whom (`null`: unassign them).
 */
export interface Departure {
  readonly orgId: string;
  readonly accountId: string;
  readonly reason: DepartureReason;
  /** The space they leave; `null` when they leave every space (deactivation, deletion). */
  readonly spaceId: string | null;
  /** Who takes over their resources, as the command was told; `null` to leave them unassigned. */
  readonly reassignTo: string | null;
}

/**
 * A host's hook that unassigns or reassigns what a person owned (contacts,
 * tickets, phone extensions) when they are deactivated, removed or delete
 * their account (DESIGN rule 10). It runs inside the command's transaction,
 * as the `runResourceHandlers` effect of the lifecycle transition, after
 * every check of the command: after the direct reports moved (and, when an
 * account is deleted, after its memberships ended), before the person's own
 * account or membership is written. If it throws, the whole command is
 * undone and the error reaches the caller unchanged. It is not called by a
 * bulk dry run.
 *
 * Write the host's own rows through `tx.native`, the store's own transaction
 * (with `prismaStore`, your `PrismaClient`'s interactive transaction client,
 * typed from your client): those writes commit with the command or roll back
 * with it. A store may run the command again after a serialization failure
 * or a deadlock, and the handler then runs again, the failed attempt's
 * writes through `tx.native` having been rolled back. So write only through
 * `tx.native` (or rosterkit's repositories), never through another client or
 * to an outside system (an HTTP call, a queue): those writes would happen
 * once per attempt, even for a command that in the end fails. Tell outside
 * systems from the outbox, or after the command returns.
 *
 * @typeParam Native - the store's native transaction ({@link NativeTransaction}
 * of the store); `createRoster` infers it from `store`.
 *
 * @example
 * ```ts
 * const roster = createRoster({
 *   store: prismaStore(prisma),
 *   policy: createPolicy(presets.contactCenter),
 *   resourceHandlers: [
 *     {
 *       name: 'contacts',
 *       async onDeparture(departure, tx) {
 *         // tx.native: this command's Prisma transaction, typed from your client.
 *         await tx.native.contact.updateMany({
 *           where: { ownerId: departure.accountId },
 *           data: { ownerId: departure.reassignTo },
 *         });
 *       },
 *     },
 *   ],
 * });
 * ```
 */
export interface ResourceHandler<Native = unknown> {
  /** A name for errors and audit entries. */
  readonly name: string;
  // A property, not a method, so that its parameter is checked strictly: a
  // handler typed for one store's native transaction is refused for another's.
  /**
   * Moves or unassigns the departing person's resources, writing through
   * `tx.native` in the command's transaction. May run more than once for one
   * command (see {@link ResourceHandler}).
   */
  readonly onDeparture: (departure: Departure, tx: StoreTransaction<Native>) => Promise<void>;
}

/**
 * What {@link createRoster} needs, and the host's choices.
 *
 * @typeParam Native - the store's native transaction, which the resource
 * handlers receive as `tx.native`; inferred from `store`.
 */
export interface RosterOptions<Native = unknown> {
  /** Where state lives: `memoryStore()` from `@rosterkit/adapter-memory`, the Prisma store, or the host's own. */
  readonly store: Store<Native>;
  /** Who may do what: `createPolicy(...)` from `@rosterkit/policies`, or the host's own. */
  readonly policy: Policy;
  /** @default systemClock */
  readonly clock?: Clock;
  /** @default uuidIdGenerator */
  readonly ids?: IdGenerator;
  /**
   * Profile fields that must be filled in before an account is deactivated or
   * reactivated (DESIGN rule 9): `firstName`, `lastName` or `profile.<key>`
   * for a host profile field (`profile.phone`): the same names the Policy is
   * asked about and `PROFILE_INCOMPLETE` lists.
   * @default []
   */
  readonly requiredProfileFields?: readonly string[];
  /**
   * How many fields and bytes a profile may hold, wherever one enters.
   * @default { maxFields: 100, maxBytes: 32768 }
   */
  readonly profileLimits?: ProfileLimits;
  /**
   * How long an invitation stays valid, in milliseconds.
   * @default 604800000 (7 days)
   */
  readonly invitationTtlMs?: number;
  /**
   * The host keys invitation links are derived with (see {@link InvitationKeys}).
   * With them, each `invitation.created` message carries a nonce and a key
   * id, and `startOutboxWorker` rebuilds the link's token from them on any
   * server, after any crash; the database still holds only the token's
   * hash. Without them, the token is random and known only to the caller of
   * `invite` or `resendInvitation`, and the worker cannot send the link.
   * @default undefined (no keys)
   */
  readonly invitationKeys?: InvitationKeys;
  /**
   * Told of the outbox messages of each committed command (see
   * {@link AfterCommitHook}): best effort, for what should happen at once
   * in this process; the outbox stays the guaranteed path.
   * @default undefined
   */
  readonly afterCommit?: AfterCommitHook;
  /**
   * The host's hooks for resources a departing person owned, run in the
   * command's transaction (see {@link ResourceHandler}).
   * @default []
   */
  readonly resourceHandlers?: readonly ResourceHandler<Native>[];
  /**
   * When a person counts as online or away, from how long ago they were last seen.
   * @default { onlineWithinMs: 300000, awayWithinMs: 1800000 } (5 and 30 minutes)
   */
  readonly presence?: { readonly onlineWithinMs: number; readonly awayWithinMs: number };
  /**
   * The seats each plan allows (see {@link SeatLimits}): commands that would
   * take a seat past its plan's cap are refused with `SEAT_LIMIT`.
   *
   * @default `{}`: no plan is capped.
   */
  readonly seatLimits?: SeatLimitsByPlan;
}

/**
 * The permissions that make a role one that "can manage the team" (the
 * seeds' "Can Manage Team" and "Manage Users" settings): the names
 * `@rosterkit/policies` gives them.
 */
export const teamManagementPermissions = ['manageUsers', 'manageTeam'] as const;

/**
 * Whether holders of `role` can manage the team, which a bulk update never
 * deactivates (DESIGN §4 rule 8: they are deactivated one by one, after their
 * reports are reassigned). Decided from the catalog's data, not from role
 * names: the owner role always counts, and so does every role whose
 * `permissions` include one of {@link teamManagementPermissions}. A role
 * listed without `permissions` (a host catalog that does not say) does not.
 *
 * @example
 * ```ts
 * import { presets } from '@rosterkit/policies';
 * import { roleCanManageTeam } from '@rosterkit/core';
 *
 * roleCanManageTeam(presets.managedTeams, 'team-leader'); // true: it has manageTeam
 * roleCanManageTeam(presets.managedTeams, 'user'); // false
 * ```
 */
export function roleCanManageTeam(catalog: RoleCatalog, role: string): boolean {
  if (role === catalog.ownerRole.name) return true;
  const permissions = catalog.roles.find((known) => known.name === role)?.permissions ?? [];
  return teamManagementPermissions.some((permission) => permissions.includes(permission));
}
