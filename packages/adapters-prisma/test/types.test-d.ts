import {
  createRoster,
  type NativeTransaction,
  type Policy,
  type ResourceHandler,
  type Store,
  type StoreTransaction,
} from '@rosterkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type PrismaTransactionClientOf,
  prismaStore,
  type RosterkitPrismaClient,
  type RosterkitPrismaTransactionClient,
} from '../src/index.js';
import type { Prisma, PrismaClient } from './generated/postgresql/client/client.js';

// The native transaction of `prismaStore(client)` is the host's own client's
// transaction client, down to the host's models (host.prisma) and its
// extensions, and resource handlers are typed with it.

declare const client: PrismaClient;
const policy = {} as Policy;

describe('prismaStore native transaction types', () => {
  it("is the client's Prisma.TransactionClient", () => {
    expectTypeOf<
      PrismaTransactionClientOf<PrismaClient>
    >().toEqualTypeOf<Prisma.TransactionClient>();
    const store = prismaStore(client);
    expectTypeOf(store).toEqualTypeOf<Store<Prisma.TransactionClient>>();
    expectTypeOf<NativeTransaction<typeof store>>().toEqualTypeOf<Prisma.TransactionClient>();
    expectTypeOf(store).toMatchTypeOf<Store>();
  });

  it('reaches the resource handlers through createRoster, with the host models', () => {
    createRoster({
      store: prismaStore(client),
      policy,
      resourceHandlers: [
        {
          name: 'contacts',
          async onDeparture(departure, tx) {
            expectTypeOf(tx.native).toEqualTypeOf<Prisma.TransactionClient>();
            await tx.native.hostContact.updateMany({
              where: { ownerId: departure.accountId },
              data: { ownerId: departure.reassignTo },
            });
            // @ts-expect-error the host's models are checked: no such field
            await tx.native.hostContact.updateMany({ where: { owner: departure.accountId } });
          },
        },
      ],
    });
  });

  it('takes handlers declared apart for the client', () => {
    const contacts: ResourceHandler<PrismaTransactionClientOf<PrismaClient>> = {
      name: 'contacts',
      onDeparture: async (departure, tx) => {
        await tx.native.hostHandover.create({
          data: { id: departure.accountId, accountId: departure.accountId, reason: 'x' },
        });
      },
    };
    const anyStore: ResourceHandler = { name: 'log', onDeparture: async () => {} };
    createRoster({
      store: prismaStore(client),
      policy,
      resourceHandlers: [contacts, anyStore],
    });
    const memoryOnly: ResourceHandler<undefined> = { name: 'memory', onDeparture: async () => {} };
    // @ts-expect-error a handler for a store without a native transaction
    createRoster({ store: prismaStore(client), policy, resourceHandlers: [memoryOnly] });
  });

  it("follows the client's extensions", () => {
    const extended = client.$extends({
      model: {
        hostContact: {
          orphans() {
            return 'orphans' as const;
          },
        },
      },
    });
    const store = prismaStore(extended);
    createRoster({
      store,
      policy,
      resourceHandlers: [
        {
          name: 'contacts',
          async onDeparture(_departure, tx) {
            expectTypeOf(tx.native.hostContact.orphans()).toEqualTypeOf<'orphans'>();
          },
        },
      ],
    });
  });

  it("falls back to rosterkit's own view of a client described only structurally", () => {
    const structural = {} as RosterkitPrismaClient;
    expectTypeOf(prismaStore(structural)).toEqualTypeOf<Store<RosterkitPrismaTransactionClient>>();
    expectTypeOf<
      StoreTransaction<RosterkitPrismaTransactionClient>['native']['$executeRawUnsafe']
    >().toBeFunction();
  });
});
