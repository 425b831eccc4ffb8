import { expect } from 'vitest';
import {
  type ConformanceContext,
  type ConformanceSuite,
  statementsOf,
} from '../conformance-context.js';
import { seedScenario } from '../domain/scenario-roster.js';
import { buildAccount, buildAuditEvent, buildMembership, buildOutboxMessage } from '../fixtures.js';
import { forEachTenantRepository } from './repository-specs.js';

// The batch-write contract (the Store port's `insertMany`, `updateMany`,
// `appendMany`, `findByEmails`, `listByAccounts`): a batch costs a number of
// statements that does not grow with its rows, so a bulk batch or a
// command's cascade stays a fixed number of round trips. Counted with the
// adapter's own `statements`; without it these tests are skipped.

const few = 1;
const many = 12;
const needs = { statements: true };

let batch = 0;
/** An organization of its own for each measurement, so that none sees another's rows. */
const freshOrg = () => {
  batch += 1;
  return `org_batch_${batch}`;
};

/** The statements of `work(n)` for `few` and for `many` rows, each after a first, warming run. */
async function costs(
  ctx: ConformanceContext,
  work: (n: number) => Promise<unknown>,
): Promise<{ few: number; many: number }> {
  await work(few);
  return {
    few: await statementsOf(ctx, () => work(few)),
    many: await statementsOf(ctx, () => work(many)),
  };
}

function expectFlat(what: string, measured: { few: number; many: number }): void {
  expect(
    measured.few,
    `${what} costs no statement at all: is the counter counting?`,
  ).toBeGreaterThan(0);
  expect({ what, [`statements for ${many}`]: measured.many }).toEqual({
    what,
    [`statements for ${many}`]: measured.few,
  });
}

const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

/** The batch-write contract, counted in statements. */
export const batchWritesSuite: ConformanceSuite = (test) => {
  test(
    `Batch writes: insertMany stores ${few} row or ${many} in as many statements, on every tenant repository`,
    async (ctx) => {
      const repositories: (() => Promise<void>)[] = [];
      forEachTenantRepository((spec) => {
        repositories.push(async () => {
          const insert = (n: number) => {
            const orgId = freshOrg();
            const rows = times(n, () => spec.build(orgId));
            return ctx.store.transaction((tx) => spec.repository(tx).insertMany(rows));
          };
          expectFlat(`${spec.subject} insertMany`, await costs(ctx, insert));
        });
      });
      for (const measure of repositories) await measure();
    },
    needs,
  );

  test(
    `Batch writes: updateMany replaces ${few} row or ${many} in as many statements, on every tenant repository`,
    async (ctx) => {
      const repositories: (() => Promise<void>)[] = [];
      forEachTenantRepository((spec) => {
        repositories.push(async () => {
          const update = async (n: number) => {
            const orgId = freshOrg();
            const rows = times(n, () => spec.build(orgId));
            await ctx.store.transaction((tx) => spec.repository(tx).insertMany(rows));
            return statementsOf(ctx, () =>
              ctx.store.transaction((tx) => spec.repository(tx).updateMany(rows.map(spec.edit))),
            );
          };
          await update(few);
          expectFlat(`${spec.subject} updateMany`, {
            few: await update(few),
            many: await update(many),
          });
        });
      });
      for (const measure of repositories) await measure();
    },
    needs,
  );

  test(
    `Batch writes: appendMany stores ${few} audit event or outbox message or ${many} in as many statements`,
    async (ctx) => {
      const events = (n: number) => {
        const orgId = freshOrg();
        const rows = times(n, () => buildAuditEvent({ orgId }));
        return ctx.store.transaction((tx) => tx.auditEvents.appendMany(rows));
      };
      expectFlat('auditEvents.appendMany', await costs(ctx, events));
      const messages = (n: number) => {
        const orgId = freshOrg();
        const rows = times(n, () => buildOutboxMessage({ orgId }));
        return ctx.store.transaction((tx) => tx.outbox.appendMany(rows));
      };
      expectFlat('outbox.appendMany', await costs(ctx, messages));
    },
    needs,
  );

  test(
    `Batch writes: findByEmails and listByAccounts read ${few} or ${many} accounts in as many statements`,
    async (ctx) => {
      const orgId = freshOrg();
      const accounts = times(many, () => buildAccount({ orgId }));
      await ctx.store.transaction(async (tx) => {
        await tx.accounts.insertMany(accounts);
        await tx.memberships.insertMany(
          accounts.map((account) => buildMembership({ orgId, accountId: account.id })),
        );
      });
      const byEmail = (n: number) =>
        ctx.store.transaction((tx) =>
          tx.accounts.findByEmails(
            orgId,
            accounts.slice(0, n).map((account) => account.email),
          ),
        );
      expectFlat('accounts.findByEmails', await costs(ctx, byEmail));
      const memberships = (n: number) =>
        ctx.store.transaction((tx) =>
          tx.memberships.listByAccounts(
            orgId,
            accounts.slice(0, n).map((account) => account.id),
          ),
        );
      expectFlat('memberships.listByAccounts', await costs(ctx, memberships));
    },
    needs,
  );

  test(
    'Batch writes: a command’s cascade costs as many statements for one report or group as for several',
    async (ctx) => {
      const org = await seedScenario(ctx.store);
      const owner = org.as(org.owner);
      let people = 0;
      const person = async (managerId: string | null = null): Promise<string> => {
        people += 1;
        const { token } = await owner.invite({
          email: `p${people}@acme.io`,
          role: 'agent',
          managerId,
        });
        const { account } = await org.roster.acceptInvitation({
          token,
          firstName: 'P',
          lastName: `${people}`,
        });
        return account.id;
      };
      const departure = (leave: 'deactivate' | 'removeFromTeam') => async (n: number) => {
        const manager = await person();
        const successor = await person();
        for (let i = 0; i < n; i += 1) await person(manager);
        return statementsOf(ctx, () =>
          owner[leave]({ accountId: manager, reassignReports: { to: successor } }),
        );
      };
      for (const leave of ['deactivate', 'removeFromTeam'] as const) {
        const measure = departure(leave);
        expectFlat(`${leave} moving reports`, {
          few: await measure(few),
          many: await measure(6),
        });
      }
      const groups: string[] = [];
      for (let i = 0; i < 6; i += 1) groups.push((await owner.createGroup({ name: `Q${i}` })).id);
      const inGroups = async (n: number) => {
        const agent = await person();
        const assign = await statementsOf(ctx, () =>
          owner.assignGroups({ accountId: agent, groupIds: groups.slice(0, n) }),
        );
        const deactivate = await statementsOf(ctx, () => owner.deactivate({ accountId: agent }));
        return { assign, deactivate };
      };
      const one = await inGroups(few);
      const several = await inGroups(6);
      expectFlat('assignGroups', { few: one.assign, many: several.assign });
      expectFlat('deactivate clearing groups', { few: one.deactivate, many: several.deactivate });
    },
    needs,
  );
};
