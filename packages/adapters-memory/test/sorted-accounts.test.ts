import { buildAccount } from '@rosterkit/conformance/fixtures';
import type { AccountSort } from '@rosterkit/core';
import { accountSortKey, compareAccountSortKeys } from '@rosterkit/core/adapter';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listEntry } from '../src/list-entry.js';
import { SortedAccounts } from '../src/sorted-accounts.js';

const days = [0, 1, 2].map((day) => new Date(Date.UTC(2026, 0, 1 + day)));
const accountArb = fc.record({
  id: fc.constantFrom(...Array.from({ length: 60 }, (_, i) => `acc_${(i * 7) % 60}`)),
  firstName: fc.constantFrom('Ana', 'ana', 'Bo', 'Zoë', 'ÅSA', ''),
  lastName: fc.constantFrom('Ng', 'ng', 'Li', ''),
  email: fc.constantFrom('a@x.io', 'B@x.io', 'b@x.io', 'zed@x.io'),
  createdAt: fc.constantFrom(...days),
  lastSeenAt: fc.option(fc.constantFrom(...days), { nil: null }),
});
const sorts: AccountSort[] = (['name', 'email', 'createdAt', 'lastSeenAt'] as const).flatMap(
  (field) => (['asc', 'desc'] as const).map((direction) => ({ field, direction })),
);

const entryOf = (draft: Parameters<typeof buildAccount>[0]) =>
  listEntry(buildAccount(draft), [], []);

describe('SortedAccounts', () => {
  it('walks accounts in the adapter kit order, in both directions, through any changes', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(accountArb, { selector: (a) => a.id, maxLength: 40 }),
        fc.array(fc.array(fc.tuple(accountArb, fc.boolean()), { maxLength: 40 }), { maxLength: 4 }),
        (initial, batches) => {
          const current = new Map(initial.map((draft) => [draft.id, entryOf(draft)]));
          const orders = (['name', 'email', 'createdAt', 'lastSeenAt'] as const).map(
            (field) => new SortedAccounts(field, current.values()),
          );
          const check = () => {
            for (const sort of sorts) {
              const order = orders.find((o) => o.field === sort.field) as SortedAccounts;
              const expected = [...current.values()]
                .map((entry) => ({ key: accountSortKey(sort.field, entry.account), id: entry.id }))
                .sort((a, b) => compareAccountSortKeys(sort, a, b));
              const walked = Array.from({ length: order.size }, (_, i) => order.at(sort, i).id);
              expect(walked).toEqual(expected.map((row) => row.id));
              for (const [i, row] of expected.entries()) {
                expect(order.firstAfter(sort, row)).toBe(i + 1);
              }
            }
          };
          check();
          for (const batch of batches) {
            const changes = new Map<string, ReturnType<typeof entryOf> | undefined>();
            for (const [draft, remove] of batch) {
              const entry = remove ? undefined : entryOf(draft);
              changes.set(draft.id, entry);
              if (entry === undefined) current.delete(draft.id);
              else current.set(draft.id, entry);
            }
            for (const order of orders) order.apply(changes);
            check();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
