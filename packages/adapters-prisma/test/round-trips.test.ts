import { type Actor, createRoster, type Roster } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaStore } from '../src/index.js';
import { createTestDatabase, type TestClient, type TestDatabase } from './support/databases.js';

// No N+1: a command sends the same number of statements to the database
// whatever the size of its cascade (the reports that move, the groups that
// are cleared or assigned). Counted on PostgreSQL and SQLite from Prisma's
// query events (which leave out BEGIN and SET TRANSACTION, and include
// COMMIT), as the conformance suite's batch-write tests count them on every
// provider.

const roles = presets.contactCenter;

// What the main commands send at most (COMMIT included): the actor and the
// target in one read (accounts.loadActor), then the command's own reads and
// its writes. A command that reads its actor or its target piecemeal again,
// or rewrites group rows it left alone, goes over.
const budgets = {
  invite: 7, // actor; email taken?; account, invitation, outbox, audit; COMMIT
  acceptInvitation: 7, // invitation; organization, inviter, roles, invitee; 4 writes; COMMIT
  changeRole: 4, // actor and target; membership, audit; COMMIT
  deactivate: 6, // actor and target; reports; account, outbox, audit; COMMIT
  reactivate: 4, // actor and target; account, audit; COMMIT
  removeFromTeam: 5, // actor and target; reports; membership, audit; COMMIT
} as const;

describe.each(['postgresql', 'sqlite'] as const)('round trips on %s', (provider) => {
  let db: TestDatabase;
  let client: TestClient;
  let statements = 0;
  let roster: Roster;
  let admin: ReturnType<Roster['as']>;
  let orgId: string;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    client = db.connect(() => {
      statements += 1;
    });
    roster = createRoster({ store: prismaStore(client), policy: createPolicy(roles) });
    const { organization, owner } = await roster.createOrganization({
      name: 'Acme',
      owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' },
    });
    orgId = organization.id;
    admin = roster.as({ accountId: owner.id, orgId } satisfies Actor);
  });
  afterAll(async () => {
    await client?.$disconnect();
    await db?.drop();
  });

  let people = 0;
  async function person(role: string, managerId: string | null = null): Promise<string> {
    people += 1;
    const { token } = await admin.invite({ email: `p${people}@acme.io`, role, managerId });
    const { account } = await roster.acceptInvitation({
      token,
      firstName: 'P',
      lastName: `${people}`,
    });
    return account.id;
  }
  async function count(command: () => Promise<unknown>): Promise<number> {
    statements = 0;
    await command();
    return statements;
  }

  it('deactivating or removing a manager costs the same with 1 or 12 reports to move', async () => {
    const measure = async (reports: number, leave: 'deactivate' | 'removeFromTeam') => {
      const manager = await person('manager');
      const successor = await person('manager');
      for (let i = 0; i < reports; i += 1) await person('agent', manager);
      return count(() => admin[leave]({ accountId: manager, reassignReports: { to: successor } }));
    };
    for (const leave of ['deactivate', 'removeFromTeam'] as const) {
      const few = await measure(1, leave);
      const many = await measure(12, leave);
      expect(few).toBeGreaterThan(0);
      expect({ leave, statements: many }).toEqual({ leave, statements: few });
    }
  });

  it('reassigning 1 or 12 reports costs the same', async () => {
    const measure = async (reports: number) => {
      const manager = await person('manager');
      const successor = await person('manager');
      for (let i = 0; i < reports; i += 1) await person('agent', manager);
      return count(() =>
        admin.reassignReports({ managerId: manager, reassignment: { to: successor } }),
      );
    };
    const few = await measure(1);
    expect(few).toBeGreaterThan(0);
    expect(await measure(12)).toBe(few);
  });

  it('assigning 1 or 20 groups, and deactivating someone in them, cost the same', async () => {
    const space = (await admin.createSpace({ name: 'Support' })).id;
    const groups: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      groups.push(
        (await admin.createGroup({ name: `Queue ${i}`, spaceId: space, kind: 'queue' })).id,
      );
    }
    const measure = async (n: number) => {
      const agent = await person('agent');
      await admin.addToTeam({ accountId: agent, spaceId: space, role: 'agent' });
      const assign = await count(() =>
        admin.assignGroups({ accountId: agent, spaceId: space, groupIds: groups.slice(0, n) }),
      );
      const deactivate = await count(() => admin.deactivate({ accountId: agent }));
      return { assign, deactivate };
    };
    expect(await measure(20)).toEqual(await measure(1));
  });

  it('a bulk update of 2 or 20 rows costs the same: role changes, managers set, deactivations', async () => {
    const lead = (await admin.getAccount({ accountId: await person('manager') })).account.email;
    const measure = async (n: number) => {
      const emails: string[] = [];
      for (let i = 0; i < n; i += 1) {
        emails.push((await admin.getAccount({ accountId: await person('agent') })).account.email);
      }
      // Half the rows promote and clear a manager, half deactivate and set one.
      const rows = emails.map((email, index) =>
        index % 2 === 0
          ? { email, role: 'manager', manager: null }
          : { email, deactivated: true, manager: lead },
      );
      return count(async () => {
        const report = await admin.bulkUpdate(rows);
        expect(report.rows.map((row) => row.error?.code ?? row.status)).toEqual(
          Array(n).fill('updated'),
        );
      });
    };
    const few = await measure(2);
    expect(few).toBeGreaterThan(0);
    expect(await measure(20)).toBe(few);
  });
  it('the main commands stay within their statement budgets', async () => {
    const sent: Record<string, number> = {};
    const { token } = await admin.invite({ email: 'budget@acme.io', role: 'agent' });
    sent.invite = await count(() => admin.invite({ email: 'budget2@acme.io', role: 'agent' }));
    let accountId = '';
    sent.acceptInvitation = await count(async () => {
      ({
        account: { id: accountId },
      } = await roster.acceptInvitation({
        token,
        firstName: 'B',
        lastName: 'Udget',
      }));
    });
    sent.changeRole = await count(() => admin.changeRole({ accountId, role: 'manager' }));
    sent.deactivate = await count(() => admin.deactivate({ accountId }));
    sent.reactivate = await count(() => admin.reactivate({ accountId }));
    sent.removeFromTeam = await count(() => admin.removeFromTeam({ accountId }));
    for (const [command, budget] of Object.entries(budgets)) {
      expect(sent[command], command).toBeLessThanOrEqual(budget);
    }
  });

  it('inviting into and accepting 1 or 20 groups, and changing the role of someone in them, cost the same', async () => {
    const space = (await admin.createSpace({ name: `Sales ${provider}` })).id;
    const groups: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      groups.push(
        (await admin.createGroup({ name: `Desk ${i}`, spaceId: space, kind: 'queue' })).id,
      );
    }
    const measure = async (n: number) => {
      people += 1;
      let token = '';
      const invite = await count(async () => {
        ({ token } = await admin.invite({
          email: `g${people}@acme.io`,
          role: 'agent',
          spaceId: space,
          groupIds: groups.slice(0, n),
        }));
      });
      let accountId = '';
      const accept = await count(async () => {
        ({
          account: { id: accountId },
        } = await roster.acceptInvitation({
          token,
          firstName: 'G',
          lastName: `${people}`,
        }));
      });
      const changeRole = await count(() =>
        admin.changeRole({ accountId, spaceId: space, role: 'manager' }),
      );
      return { invite, accept, changeRole };
    };
    expect(await measure(20)).toEqual(await measure(1));
  });
});
