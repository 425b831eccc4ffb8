import {
  type Account,
  type AccountActor,
  createRoster,
  type PolicyActor,
  type Roster,
} from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import { definePrismaAbilityFor, prismaWhere } from '@rosterkit/policies/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaStore } from '../src/index.js';
import { createTestDatabase, type TestClient, type TestDatabase } from './support/databases.js';

// A list through the store, filtered by an actor's read filter, must return
// exactly the accounts the policy's `check` lets that actor read: the SQL
// translation and CASL agree row by row. And the Prisma `where` that
// @rosterkit/policies/prisma builds runs on the fragment's schema (its
// `memberships` relation) with the same answer.

const roles = presets.multiSite;
const policy = createPolicy(roles);

interface World {
  roster: Roster;
  orgId: string;
  actors: Record<string, AccountActor>;
}

// Head office (default), three sites; two site admins with different sites,
// staff here and there, a former member, a deactivated one, a pending invitee.
async function seed(roster: Roster): Promise<World> {
  const { organization, owner } = await roster.createOrganization({
    name: 'Northwind',
    defaultSpaceName: 'Head office',
    owner: { email: 'gus@northwind.io', firstName: 'Gus', lastName: 'Hale' },
  });
  const orgId = organization.id;
  const gus = roster.as({ accountId: owner.id, orgId });
  const [leeds, york, bath] = [
    await gus.createSpace({ name: 'Leeds' }),
    await gus.createSpace({ name: 'York' }),
    await gus.createSpace({ name: 'Bath' }),
  ];
  const join = async (email: string, role: string, spaceId: string) => {
    const { token } = await gus.invite({ email, role, spaceId });
    const { account } = await roster.acceptInvitation({
      token,
      firstName: email.split('@')[0] ?? 'x',
      lastName: 'Test',
    });
    return account;
  };
  const hana = await join('hana@northwind.io', 'site-admin', leeds.id);
  await gus.addToTeam({ accountId: hana.id, spaceId: york.id, role: 'site-admin' });
  const ola = await join('ola@northwind.io', 'site-admin', bath.id);
  const ivy = await join('ivy@northwind.io', 'staff', leeds.id);
  await join('jon@northwind.io', 'staff', york.id);
  await join('kim@northwind.io', 'staff', bath.id);
  const lou = await join('lou@northwind.io', 'staff', leeds.id);
  await gus.addToTeam({ accountId: lou.id, spaceId: bath.id, role: 'staff' });
  const max = await join('max@northwind.io', 'staff', york.id);
  await gus.removeFromTeam({ accountId: max.id, spaceId: york.id });
  const ned = await join('ned@northwind.io', 'staff', bath.id);
  await gus.deactivate({ accountId: ned.id });
  await gus.invite({ email: 'pia@northwind.io', role: 'staff', spaceId: leeds.id });
  await join('quinn@northwind.io', 'super-admin', organization.defaultSpaceId);
  const actor = (account: Account): AccountActor => ({ accountId: account.id, orgId });
  return {
    roster,
    orgId,
    actors: { owner: actor(owner), hana: actor(hana), ola: actor(ola), ivy: actor(ivy) },
  };
}

async function policyActor(client: TestClient, actor: AccountActor): Promise<PolicyActor> {
  const store = prismaStore(client);
  return store.transaction(async (tx) => {
    const [account, organization, memberships] = [
      await tx.accounts.get(actor.orgId, actor.accountId),
      await tx.organizations.get(actor.orgId),
      await tx.memberships.listByAccounts(actor.orgId, [actor.accountId]),
    ];
    if (account === undefined || organization === undefined) throw new Error('no actor');
    return { account, organization, memberships };
  });
}

describe.each(['postgresql', 'mysql', 'sqlite'] as const)('read filter on %s', (provider) => {
  let db: TestDatabase;
  let client: TestClient;
  let world: World;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
    client = db.connect();
    world = await seed(createRoster({ store: prismaStore(client), policy }));
  });
  afterAll(async () => {
    await client?.$disconnect();
    await db?.drop();
  });

  it.each(['owner', 'hana', 'ola', 'ivy'])(
    'the accounts %s lists are exactly those check() lets them read',
    async (name) => {
      const actor = world.actors[name] as AccountActor;
      const api = world.roster.as(actor);
      const listed: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.listAccounts({ limit: 3, ...(cursor ? { cursor } : {}) });
        listed.push(...page.items.map((item) => item.account.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);

      const who = await policyActor(client, actor);
      const store = prismaStore(client);
      const everyone = await store.transaction(async (tx) => {
        const page = await tx.accounts.list({
          orgId: world.orgId,
          readFilter: { kind: 'all' },
          sort: { field: 'email', direction: 'asc' },
          limit: 500,
        });
        const memberships = await tx.memberships.listByAccounts(
          world.orgId,
          page.items.map((a) => a.id),
        );
        return page.items.map((account) => ({
          account,
          memberships: memberships.filter((m) => m.accountId === account.id),
        }));
      });
      const readable = everyone
        .filter(
          ({ account, memberships }) =>
            policy.check({
              actor: who,
              action: 'read',
              subject: { ...account, type: 'Account', memberships },
            }).allowed,
        )
        .map(({ account }) => account.id);

      expect(everyone.length).toBeGreaterThan(10);
      expect([...listed].sort()).toEqual([...readable].sort());
      // Not a vacuous agreement: the site admins and staff see some, not all.
      if (name !== 'owner') expect(readable.length).toBeLessThan(everyone.length);
      expect(readable.length).toBeGreaterThan(0);

      const where = prismaWhere(definePrismaAbilityFor(roles, who), 'read', 'Account');
      const rows = await client.rosterkitAccount.findMany({
        where: { AND: [{ orgId: world.orgId }, where] },
        select: { id: true },
      });
      expect(rows.map((row) => row.id).sort()).toEqual([...readable].sort());
    },
  );
});
