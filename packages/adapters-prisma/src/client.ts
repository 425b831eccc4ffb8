/**
 * The arguments of a model call. The generated delegates' methods are generic
 * over their exact argument types (`<T extends FindManyArgs>(args: SelectSubset<T, …>)`),
 * which only `any` lets TypeScript instantiate from a structural type;
 * rosterkit builds the arguments itself and its tests run them against
 * clients generated from the fragment.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above: no other type accepts every generated delegate.
export type RosterkitModelArgs = any;

/** The calls rosterkit makes on one model of the host's client. */
export interface RosterkitModelDelegate {
  findUnique(args: RosterkitModelArgs): PromiseLike<unknown>;
  findFirst(args: RosterkitModelArgs): PromiseLike<unknown>;
  findMany(args: RosterkitModelArgs): PromiseLike<unknown>;
  count(args: RosterkitModelArgs): PromiseLike<unknown>;
  groupBy(args: RosterkitModelArgs): PromiseLike<unknown>;
  create(args: RosterkitModelArgs): PromiseLike<unknown>;
  createMany(args: RosterkitModelArgs): PromiseLike<unknown>;
  update(args: RosterkitModelArgs): PromiseLike<unknown>;
  updateMany(args: RosterkitModelArgs): PromiseLike<unknown>;
  deleteMany(args: RosterkitModelArgs): PromiseLike<unknown>;
}

/**
 * What a transaction client offers rosterkit: the delegates of the models of
 * the schema fragment (`prisma/rosterkit.prisma`) and raw SQL.
 */
export interface RosterkitPrismaTransactionClient {
  readonly rosterkitOrganization: RosterkitModelDelegate;
  readonly rosterkitAccount: RosterkitModelDelegate;
  readonly rosterkitSpace: RosterkitModelDelegate;
  readonly rosterkitMembership: RosterkitModelDelegate;
  readonly rosterkitMembershipGroup: RosterkitModelDelegate;
  readonly rosterkitGroup: RosterkitModelDelegate;
  readonly rosterkitInvitation: RosterkitModelDelegate;
  readonly rosterkitAuditEvent: RosterkitModelDelegate;
  readonly rosterkitOutboxMessage: RosterkitModelDelegate;
  readonly rosterkitRole: RosterkitModelDelegate;
  readonly rosterkitProvisioningConnection: RosterkitModelDelegate;
  readonly rosterkitProvisioningLink: RosterkitModelDelegate;
  readonly rosterkitProvisioningGroupMember: RosterkitModelDelegate;
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
  $queryRawUnsafe(query: string, ...values: unknown[]): PromiseLike<unknown>;
}

/**
 * The host's `PrismaClient`, generated from a schema that includes
 * rosterkit's fragment, with any driver adapter. rosterkit never imports a
 * generated client of its own: it calls the one you pass, so your schema,
 * your generator settings and your connection pool are the ones in use.
 */
export interface RosterkitPrismaClient extends RosterkitPrismaTransactionClient {
  $transaction<R>(
    work: (tx: RosterkitPrismaTransactionClient) => Promise<R>,
    options?: {
      maxWait?: number;
      timeout?: number;
      isolationLevel?: 'ReadUncommitted' | 'ReadCommitted' | 'RepeatableRead' | 'Serializable';
    },
  ): Promise<R>;
}

/**
 * The transaction client `Client`'s interactive `$transaction` hands its
 * callback: for a generated `PrismaClient`, `Prisma.TransactionClient`
 * (every model of your schema, raw SQL); for an extended client, its
 * extended transaction client. It is what `native` is in the transactions
 * of `prismaStore(client)`, so resource handlers are typed with your own
 * models.
 *
 * @typeParam Client - your `PrismaClient` (or an extension of it).
 *
 * @example
 * ```ts
 * import type { PrismaTransactionClientOf } from '@rosterkit/adapter-prisma';
 * import type { ResourceHandler } from '@rosterkit/core';
 * import type { PrismaClient } from './generated/prisma/client.js';
 *
 * const contacts: ResourceHandler<PrismaTransactionClientOf<PrismaClient>> = {
 *   name: 'contacts',
 *   async onDeparture(departure, tx) {
 *     await tx.native.contact.updateMany({
 *       where: { ownerId: departure.accountId },
 *       data: { ownerId: departure.reassignTo },
 *     });
 *   },
 * };
 * ```
 */
// `infer` on an overloaded method reads its last overload, which in every
// generated and extended client is the interactive form (the array form comes first).
export type PrismaTransactionClientOf<Client> = Client extends {
  $transaction(work: (tx: infer Tx) => infer _Result, options?: infer _Options): infer _Promise;
}
  ? Tx
  : never;
