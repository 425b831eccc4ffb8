// The preamble of `<!-- snippet fragment=prisma database=postgresql -->` blocks:
// the host's PrismaClient on the PostgreSQL database the checker made for the
// block (DATABASE_URL), rosterkit's tables created, and a multi-site company
// whose owner (super admin) is `actor`.
import { PrismaPg } from '@prisma/adapter-pg';
import { applyMigrations, prismaStore } from '@rosterkit/adapter-prisma';
import { createRoster, type PolicyActor } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import { PrismaClient } from '../generated/prisma/client.js';

/** The host's client: one per process. */
export const prisma = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
await applyMigrations(prisma, { provider: 'postgresql' });

const roles = presets.multiSite;
export const roster = createRoster({
  store: prismaStore(prisma),
  policy: createPolicy(roles),
});
const { organization, owner } = await roster.createOrganization({
  name: 'Northwind Care',
  owner: { email: 'gus@northwind.io', firstName: 'Gus', lastName: 'Hale' },
});
export const orgId = organization.id;
const admin = roster.as({ accountId: owner.id, orgId });
await admin.invite({ email: 'hana@northwind.io', role: 'staff' });

/** Gus as the policy sees him: his account, organization and memberships. */
export const actor: PolicyActor = {
  account: owner,
  organization,
  memberships: (await admin.getAccount({ accountId: owner.id })).memberships,
};
