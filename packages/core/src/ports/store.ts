import type { AccountRepository } from './repositories/account-repository.js';
import type { AuditEventRepository } from './repositories/audit-event-repository.js';
import type { GroupRepository } from './repositories/group-repository.js';
import type { InvitationRepository } from './repositories/invitation-repository.js';
import type { MembershipRepository } from './repositories/membership-repository.js';
import type { OrganizationRepository } from './repositories/organization-repository.js';
import type { OutboxRepository } from './repositories/outbox-repository.js';
import type { ProvisioningRepository } from './repositories/provisioning-repository.js';
import type { RoleRepository } from './repositories/role-repository.js';
import type { SpaceRepository } from './repositories/space-repository.js';

// The repositories of the port, one file each, re-exported with it.
export type {
  AccountListQuery,
  AccountRepository,
  AccountSort,
} from './repositories/account-repository.js';
export type { AccountRows, ActorRows, ActorRowsOptions } from './repositories/actor-rows.js';
export type {
  AuditEventRepository,
  AuditListQuery,
} from './repositories/audit-event-repository.js';
export type { GroupRepository } from './repositories/group-repository.js';
export type {
  InvitationListQuery,
  InvitationListStatus,
  InvitationRepository,
} from './repositories/invitation-repository.js';
export type { MembershipRepository } from './repositories/membership-repository.js';
export type {
  OrganizationRepository,
  SeatCount,
} from './repositories/organization-repository.js';
export type {
  OutboxClaim,
  OutboxDeadQuery,
  OutboxFailure,
  OutboxRepository,
} from './repositories/outbox-repository.js';
export type { ListPage, Page, TotalMode } from './repositories/page.js';
export type {
  GroupMemberLink,
  LinkListPage,
  LinkListQuery,
  ProvisioningRepository,
} from './repositories/provisioning-repository.js';
export type { RoleHolders, RoleRepository } from './repositories/role-repository.js';
export type { SpaceRepository } from './repositories/space-repository.js';
export type { TenantRepository } from './repositories/tenant-repository.js';

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
 *
 * @category Store port (for adapter authors)
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
   *
   * `options` may ask for less than the commands' isolation (see
   * `TransactionOptions`); a store may always give more.
   */
  transaction<T>(
    work: (tx: StoreTransaction<Native>) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T>;
}

/**
 * How a {@link Store.transaction} may run.
 *
 * @category Store port (for adapter authors)
 */
export interface TransactionOptions {
  /**
   * `'serializable'`: as the commands need (reads that decide writes are
   * protected). `'read-committed'`: the work's own statements are its
   * guarantee (locking reads, conditional writes): core asks for it only
   * for the outbox's claims and settlements, so that workers claiming side
   * by side do not fail each other's serializable transactions. A store
   * without the level (SQLite, memory) runs the work serializable.
   * @default 'serializable'
   */
  readonly isolation?: 'serializable' | 'read-committed';
  /**
   * `true`: the work only reads (core's queries: lists, lookups, history,
   * `can`), so nothing it reads can decide a write. A store may then run it
   * on one consistent snapshot without what serializable costs readers:
   * PostgreSQL's predicate locks, MySQL's shared lock on every row a
   * SERIALIZABLE `SELECT` reads (a searched list reads the whole
   * organization, and would hold writers off it until the end). A store
   * that ignores it runs the work at `isolation`, which is more.
   * @default false
   */
  readonly readOnly?: boolean;
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
 *
 * @category Store port (for adapter authors)
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
  /** The organization's stored roles (DESIGN §8, Roles). */
  readonly roles: RoleRepository;
  /** SCIM provisioning: identity providers' connections and their links (DESIGN §8, SCIM 2.0). */
  readonly provisioning: ProvisioningRepository;
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
