import { createRoster, type NativeTransaction, type Policy, type Store } from '@rosterkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import { type MemoryStore, memoryStore } from '../src/index.js';

describe('memory store types', () => {
  it('has no native transaction: handlers see undefined', () => {
    const store = memoryStore();
    expectTypeOf(store).toEqualTypeOf<MemoryStore>();
    expectTypeOf(store).toMatchTypeOf<Store<undefined>>();
    expectTypeOf(store).toMatchTypeOf<Store>();
    expectTypeOf<NativeTransaction<MemoryStore>>().toBeUndefined();
    createRoster({
      store,
      policy: {} as Policy,
      resourceHandlers: [
        {
          name: 'tickets',
          async onDeparture(_departure, tx) {
            expectTypeOf(tx.native).toBeUndefined();
          },
        },
      ],
    });
  });
});
