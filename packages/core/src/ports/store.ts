import type { Account, AccountStatus } from '../model/account.js';
import type { AuditEvent, SubjectType } from '../model/audit-event.js';
import type { Group } from '../model/group.js';
import type { Invitation } from '../model/invitation.js';
import type { Membership } from '../model/membership.js';
import type { Organization } from '../model/organization.js';
import type { OutboxMessage } from '../model/outbox-message.js';
import type { Space } from '../model/space.js';
import type { ReadFilter } from './read-filter.js';

/**
 * The storage port (DESIGN §7): where rosterkit keeps its state. An adapter
 * (`@rosterkit/adapter-memory`, `@rosterkit/adapter-prisma`, or a host's own)
 * implements it and proves itself with `runStoreConformance` from
 * `@rosterkit/conformance`.
 *
 * Every command runs in one {@link Store.transaction}: its reads, its writes,
 * its audit event and its outbox messages commit together or not at all.
 *
 * @typeParam Native - the adapter's own handle on a transaction, offered as
 * {@link StoreTransaction.native} (the Prisma store's is your client's
 * interactive transaction client; the memory store's is `undefined`).
 * `Store` alone (`unknown`) is any store.
 *
 * @example
 * ```ts
 * import type { Store } from '@rosterkit/core';
 *
 * async function renameAll(store: Store, orgId: string, name: string) {
 *   await store.transaction(async (tx) => {
 *     const org = await tx.organizations.get(orgId);
 *     if (org) await tx.organizations.update({ ...org, name });
 *   });
 * }
 * ```
 */
export interface Store<Native = unknown> {
  /**
   * Runs `work` in one transaction. If `work` resolves, every write it made
   * commits; if it throws, none does, and the error is rethrown unchanged.
   * Writes made through `tx` are visible to later reads through the same `tx`.
   *
   * Adapters retry serialization failures and deadlocks a bounded number of
   * times by running `work` again (so `work` must be safe to re-run), then
   * throw `CONFLICT` with reason `retry-exhausted`.
   *
   * Core never catches an error of the store inside `work` to go on with the
   * same transaction: a failed write (`CONFLICT`, `NOT_FOUND`) or a driver
   * error ends it, and where core carries on (a bulk batch run again row by
   * row) it does so in a new transaction. So an adapter needs no savepoints,
   * and may leave a transaction the database has aborted (PostgreSQL after a
   * failed statement) for the error to end.
   */
  transaction<T>(work: (tx: StoreTransaction<Native>) => Promise<T>): Promise<T>;
}

/**
 * The native transaction type of a store: what `native` is in its
 * transactions, and so what a {@link ResourceHandler} for it is typed with.
 *
 * @example
 * ```ts
 * import type { NativeTransaction, ResourceHandler } from '@rosterkit/core';
 *
 * const store = prismaStore(prisma);
 * const tickets: ResourceHandler<NativeTransaction<typeof store>> = {
 *   name: 'tickets',
 *   async onDeparture(departure, tx) {
 *     await tx.native.ticket.updateMany({
 *       where: { assigneeId: departure.accountId },
 *       data: { assigneeId: departure.reassignTo },
 *     });
 *   },
 * };
 * ```
 */
export type NativeTransaction<S extends Store<unknown>> =
  S extends Store<infer Native> ? Native : never;

/**
 * The repositories a transaction reads and writes through, and the
 * adapter's own transaction.
 *
 * @typeParam Native - the type of {@link StoreTransaction.native}.
 */
export interface StoreTransaction<Native = unknown> {
  readonly organizations: OrganizationRepository;
  readonly accounts: AccountRepository;
  readonly spaces: SpaceRepository;
  readonly memberships: MembershipRepository;
  readonly groups: GroupRepository;
  readonly invitations: InvitationRepository;
  readonly auditEvents: AuditEventRepository;
  readonly outbox: OutboxRepository;
  /**
   * The adapter's own transaction, for the host's writes that must commit or
   * roll back with the command: the Prisma store's is the interactive
   * transaction client of your `PrismaClient` (your models, your raw SQL);
   * the memory store's is `undefined`, as it has no transaction beyond
   * rosterkit's rows. Whatever is written through it belongs to this
   * transaction. An adapter may run a transaction's work again after a
   * serialization failure or deadlock; what was written through `native`
   * in the failed attempt is rolled back with it, so work that writes only
   * through `native` and the repositories is safe to run again.
   */
  readonly native: Native;
}

/**
 * The writes every versioned row supports, scoped to one organization
 * (DESIGN rule 11: nothing is read or written across organizations).
 *
 * Optimistic concurrency (DESIGN rule 14): a row carries the `version` it was
 * read at. `update` and `delete` succeed only if the stored version is still
 * that one, and `update` stores the row with `version + 1`; otherwise they
 * throw `CONFLICT` with reason `stale-version`, and nothing changes.
 *
 * @typeParam T - the row type.
 */
export interface TenantRepository<T extends { id: string; orgId: string; version: number }> {
  /** The row with this id in this organization, or `undefined` (also when it belongs to another organization). */
  get(orgId: string, id: string): Promise<T | undefined>;
  /** The rows with these ids in this organization, in no particular order; missing ids are skipped. */
  getMany(orgId: string, ids: readonly string[]): Promise<T[]>;
  /**
   * Stores a new row; its `version` must be 1.
   *
   * @throws `CONFLICT` (reason `unique`) when the id, or another unique key, is taken; `INVALID_INPUT` when `version` is not 1.
   */
  insert(row: T): Promise<T>;
  /**
   * Stores several new rows at once (a bulk import's batch: one round trip, not
   * one per row); each `version` must be 1. All or nothing: when one row fails,
   * none is stored. An empty array is a no-op.
   *
   * @throws `CONFLICT` (reason `unique`) when an id or another unique key is
   * taken, by a stored row or by another row of `rows`; `INVALID_INPUT` when a
   * `version` is not 1.
   */
  insertMany(rows: readonly T[]): Promise<void>;
  /**
   * Replaces the row read at `row.version` and returns it as stored (`version + 1`).
   *
   * @throws `CONFLICT` (reason `stale-version`) when the stored version differs; `NOT_FOUND` when the row is gone.
   */
  update(row: T): Promise<T>;
  /**
   * Replaces several rows, each read at its `row.version`, as {@link update}
   * would one by one, but in a number of statements that does not grow with
   * the number of rows (a manager's reports, a person's memberships): the
   * cascades of a command stay a fixed number of round trips.
   *
   * All or nothing in effect: when any row is stale or gone it throws, and
   * the caller must let the error end the transaction (a SQL adapter may have
   * written part of the batch before it found out).
   *
   * @returns the rows as stored (`version + 1`), in the order given.
   * @throws `CONFLICT` (reason `stale-version`) when a stored version differs; `NOT_FOUND` when a row is gone.
   */
  updateMany(rows: readonly T[]): Promise<T[]>;
  /**
   * Deletes the row read at `version`.
   *
   * @throws `CONFLICT` (reason `stale-version`) when the stored version differs; `NOT_FOUND` when the row is gone.
   */
  delete(orgId: string, id: string, version: number): Promise<void>;
  /** Deletes every row of the organization, returning how many (for `deleteOrganization`). */
  deleteAllInOrganization(orgId: string): Promise<number>;
}

/** Organizations: the tenants themselves. Same version rules as {@link TenantRepository}. */
export interface OrganizationRepository {
  /** The organization, or `undefined`. */
  get(id: string): Promise<Organization | undefined>;
  /** Stores a new organization (`version` 1); `CONFLICT` (`unique`) if the id is taken. */
  insert(row: Organization): Promise<Organization>;
  /** Replaces the organization read at `row.version`; `CONFLICT` (`stale-version`) otherwise. */
  update(row: Organization): Promise<Organization>;
  /** Deletes the organization read at `version`; `CONFLICT` (`stale-version`) otherwise. */
  delete(id: string, version: number): Promise<void>;
}

/**
 * Accounts. The store itself enforces that an email is unique in its
 * organization: an `insert` (or `update`) that would make two accounts of one
 * organization share an email throws `CONFLICT` with reason `unique`, also
 * when two transactions race.
 */
export interface AccountRepository extends TenantRepository<Account> {
  /** The account with this (normalized) email in this organization, or `undefined`. */
  findByEmail(orgId: string, email: string): Promise<Account | undefined>;
  /**
   * The accounts with these (normalized) emails in this organization, in one
   * round trip, in no particular order; emails without an account are skipped.
   */
  findByEmails(orgId: string, emails: readonly string[]): Promise<Account[]>;
  /** One page of accounts matching `query`, with the total count; see {@link AccountListQuery}. */
  list(query: AccountListQuery): Promise<Page<Account>>;
  /**
   * Records when the person was last seen. Does not change `version` (presence
   * must never make an admin's edit stale) and never moves `lastSeenAt` back.
   * It is the only write of `lastSeenAt`: `update` keeps the stored value (and
   * returns it), so an edit made from an earlier read never erases presence.
   *
   * @throws `NOT_FOUND` when the organization has no account with this id (one
   * of another organization included), changing nothing.
   */
  setLastSeen(orgId: string, id: string, at: Date): Promise<void>;
}

/** Spaces of an organization. */
export interface SpaceRepository extends TenantRepository<Space> {
  /** Every space of the organization, the default one first, then by name. */
  listByOrganization(orgId: string): Promise<Space[]>;
}

/** Memberships: an account's access to one space. At most one per account and space (unique). */
export interface MembershipRepository extends TenantRepository<Membership> {
  /** The membership of this account in this space, current or former, or `undefined`. */
  find(orgId: string, accountId: string, spaceId: string): Promise<Membership | undefined>;
  /** Every membership (current and former) of these accounts, in one round trip. */
  listByAccounts(orgId: string, accountIds: readonly string[]): Promise<Membership[]>;
  /** The current memberships (state `member`) whose manager is `managerId`: the manager's direct reports. */
  listReports(orgId: string, managerId: string): Promise<Membership[]>;
}

/** Groups (departments, queues) of a space. */
export interface GroupRepository extends TenantRepository<Group> {
  /** Every group of the space, by name. */
  listBySpace(orgId: string, spaceId: string): Promise<Group[]>;
}

/** Invitations. The token hash is unique across all organizations. */
export interface InvitationRepository extends TenantRepository<Invitation> {
  /**
   * The invitation whose token hashes to `tokenHash`, in any organization
   * (the token is what identifies it when it is accepted), or `undefined`.
   */
  findByTokenHash(tokenHash: string): Promise<Invitation | undefined>;
  /** Every invitation sent to this account, newest first. */
  listByAccount(orgId: string, accountId: string): Promise<Invitation[]>;
}

/** The audit trail: append-only. */
export interface AuditEventRepository {
  /** Appends one event. */
  append(event: AuditEvent): Promise<void>;
  /** Appends several events in one round trip (a bulk batch's); an empty array is a no-op. */
  appendMany(events: readonly AuditEvent[]): Promise<void>;
  /** One page of an organization's events, newest first (ties by id, descending), optionally about one target. */
  list(query: AuditListQuery): Promise<Page<AuditEvent>>;
  /** Deletes every event of the organization (only when the organization itself is deleted). */
  deleteAllInOrganization(orgId: string): Promise<number>;
  /**
   * Erases personal data from the trail: sets `before` and `after` to `null`
   * on every event of the organization about one of `targets`. The events
   * stay, with the targets' ids as pseudonyms (DESIGN §3, account deletion).
   *
   * @returns how many events were changed: events already erased (`before`
   * and `after` both `null`) are left as they are and not counted, so erasing
   * twice returns 0 the second time.
   */
  eraseSnapshots(
    orgId: string,
    targets: readonly { readonly type: SubjectType; readonly id: string }[],
  ): Promise<number>;
}

/**
 * The outbox: messages for the host to deliver, written with the change that
 * caused them, across every organization (the host drains them, not a tenant).
 *
 * The store keeps the delivery schedule; core computes it. A message is
 * **due** at `now` when `deliveredAt` and `deadAt` are `null` and
 * `nextAttemptAt <= now`. `recordFailure` stores what core decided (the next
 * attempt time, or dead), so an adapter does no back-off arithmetic.
 *
 * Rows are never deleted, not even with their organization (a
 * `sessions.revoke` or `organization.deleted` must still go out), so an id
 * that `markDelivered` or `recordFailure` does not know is a caller's
 * mistake: `NOT_FOUND`.
 */
export interface OutboxRepository {
  /**
   * Appends one message exactly as given, every field included: `deliveredAt`,
   * `attempts`, `lastError`, `nextAttemptAt` and `deadAt` are stored as they
   * are, not reset. (Core appends new messages: undelivered, 0 attempts,
   * `nextAttemptAt` = `createdAt`.)
   */
  append(message: OutboxMessage): Promise<void>;
  /** Appends several messages as given, in one round trip; an empty array is a no-op. */
  appendMany(messages: readonly OutboxMessage[]): Promise<void>;
  /**
   * Up to `limit` messages of every organization due at `now` (undelivered,
   * not dead, `nextAttemptAt <= now`), in the order they became due:
   * `nextAttemptAt`, then `createdAt`, then `id`, each ascending. A message
   * waiting out its back-off is not listed, so it never holds back the ones
   * behind it.
   *
   * @param now - the drainer's current time.
   * @param limit - at most this many (a positive integer; core passes 1 to 1000, the adapter kit's `maxDueBatchSize`).
   */
  listDue(now: Date, limit: number): Promise<OutboxMessage[]>;
  /**
   * Marks a message delivered at `at`, dead or not (a handler that succeeded
   * did deliver it; a delivered message is no longer listed dead).
   *
   * @returns `false` if it was already delivered (another drainer won).
   * @throws `NOT_FOUND` when no message has this id.
   */
  markDelivered(id: string, at: Date): Promise<boolean>;
  /**
   * Records one failed delivery: stores `failure.attempts` as the message's
   * count, `failure.error` as `lastError`, `failure.nextAttemptAt`, and
   * `failure.deadAt` (set: the message is parked dead). It writes only if the
   * message is undelivered, not dead, and its stored `attempts` is still
   * `failure.attempts - 1`, in one conditional write: of two drainers that
   * both saw the same attempt fail, one records it.
   *
   * @returns `true` if recorded; `false` if the message was delivered, parked
   * dead, or had this attempt recorded by someone else meanwhile (nothing changes).
   * @throws `NOT_FOUND` when no message has this id.
   */
  recordFailure(id: string, failure: OutboxFailure): Promise<boolean>;
  /**
   * One page of dead messages (`deadAt` set, undelivered), of one
   * organization or of all, the most recently parked first (`deadAt`
   * descending, ties by `id` descending).
   */
  listDead(query: OutboxDeadQuery): Promise<Page<OutboxMessage>>;
}

/**
 * One failed delivery of an outbox message, as core scheduled it, for
 * {@link OutboxRepository.recordFailure}.
 */
export interface OutboxFailure {
  /** The message's failure count including this one: its `attempts` as read, plus one. */
  readonly attempts: number;
  /** Why it failed, at most {@link outboxErrorMaxLength} code units. */
  readonly error: string;
  /** When it may be tried again (when parked dead: the time it was parked). */
  readonly nextAttemptAt: Date;
  /** When set, the message is parked dead at that instant and never listed as due again. */
  readonly deadAt: Date | null;
}

/** Which dead messages {@link OutboxRepository.listDead} returns. */
export interface OutboxDeadQuery {
  /** Only this organization's; every organization's when absent. */
  readonly orgId?: string;
  /** From {@link Page.nextCursor} of the previous page; a cursor the store cannot read is `INVALID_INPUT`. */
  readonly cursor?: string;
  /** Rows per page, an integer from 1 to 500, the adapter kit's `maxPageSize` (`INVALID_INPUT` otherwise). */
  readonly limit: number;
}

/** One page of a list, and how to get the next. */
export interface Page<T> {
  /** The rows of this page, in the query's order. */
  readonly items: readonly T[];
  /** Pass as `cursor` to get the next page; `null` on the last page. Opaque. */
  readonly nextCursor: string | null;
  /** How many rows match the query in all (every page), ignoring `cursor` and `limit`. */
  readonly total: number;
}

/**
 * The orders a list of accounts can be sorted in. Ties are always broken by
 * `id` (compared by code units, in the same direction as the sort), so pages are stable.
 */
export interface AccountSort {
  /**
   * - `name`: lower-cased `firstName`, then lower-cased `lastName`, compared by code units
   *   (lower-cased by JavaScript's `toLowerCase`, the adapter kit's `lowerText`; not SQLite's
   *   ASCII-only `lower()`);
   * - `email`, `createdAt`;
   * - `lastSeenAt`: accounts never seen come last in either direction.
   */
  readonly field: 'name' | 'email' | 'createdAt' | 'lastSeenAt';
  readonly direction: 'asc' | 'desc';
}

/**
 * What {@link AccountRepository.list} returns: All Users (every account of
 * the organization) or, with `memberOf`, a space's team. Every criterion
 * given must hold.
 */
export interface AccountListQuery {
  /** The organization; a store never returns or counts another's rows. */
  readonly orgId: string;
  /**
   * What the actor may read (from the Policy). It is evaluated, with the
   * semantics of `matchesFilter`, over the account's own fields plus two
   * derived from its current memberships (state `member`): `roles` (the roles
   * held) and `spaceIds` (the spaces it is a member of).
   */
  readonly readFilter: ReadFilter;
  /**
   * Case-insensitive substring of the email, the first name, the last name,
   * or "first last" (both sides lower-cased by JavaScript's `toLowerCase`:
   * the adapter kit's `searchText` and `matchesSearch`). Blank means no search. Every character means itself:
   * `%`, `_` and `\` are not wildcards or escapes, even where the store
   * searches with SQL's `LIKE`.
   */
  readonly search?: string;
  /** Only accounts in one of these statuses. */
  readonly statuses?: readonly AccountStatus[];
  /** Only accounts that are current members of this space (the Team page). */
  readonly memberOf?: string;
  /** Only accounts holding one of these roles in a current membership (of `memberOf` when given). */
  readonly roles?: readonly string[];
  /** Only accounts currently in this group. */
  readonly groupId?: string;
  /** The order; ties broken by `id`. */
  readonly sort: AccountSort;
  /**
   * From {@link Page.nextCursor} of the previous page, with the same sort; absent
   * for the first page. A cursor the store cannot read, or one returned for
   * another sort field or direction, is `INVALID_INPUT`.
   */
  readonly cursor?: string;
  /** Rows per page, an integer from 1 to 500, the adapter kit's `maxPageSize` (`INVALID_INPUT` otherwise). */
  readonly limit: number;
}

/** What {@link AuditEventRepository.list} returns. */
export interface AuditListQuery {
  readonly orgId: string;
  /** Only events about this record. */
  readonly target?: { readonly type: SubjectType; readonly id: string };
  /** From {@link Page.nextCursor} of the previous page; a cursor the store cannot read is `INVALID_INPUT`. */
  readonly cursor?: string;
  /** Rows per page, an integer from 1 to 500, the adapter kit's `maxPageSize` (`INVALID_INPUT` otherwise). */
  readonly limit: number;
}
