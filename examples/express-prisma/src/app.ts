// The admin API on Express, over the Prisma store on PostgreSQL. The
// rosterkit listener is mounted before express.json(): the handler reads and
// caps the body itself. The host's own routes (sign-up) come after it.
import { PrismaPg } from '@prisma/adapter-pg';
import { applyMigrations, prismaStore } from '@rosterkit/adapter-prisma';
import { createRoster, RosterError } from '@rosterkit/core';
import { createRosterHandler } from '@rosterkit/http';
import { toNodeListener } from '@rosterkit/http/node';
import { createPolicy, presets } from '@rosterkit/policies';
import express, { type Express } from 'express';
import { PrismaClient } from './generated/prisma/client.js';
import { createSessionTable, openSession, sessionOf } from './sessions.js';

/** The host's client, its tables and rosterkit's, ready to serve. */
export async function connect(databaseUrl: string): Promise<PrismaClient> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  await applyMigrations(prisma, { provider: 'postgresql' });
  await createSessionTable(prisma);
  return prisma;
}

/** The Express app: the API under /api/roster, and the host's sign-up. */
export function createApp(prisma: PrismaClient): Express {
  const roster = createRoster({
    store: prismaStore(prisma),
    policy: createPolicy(presets.contactCenter),
  });
  const handler = createRosterHandler(roster, {
    basePath: '/api/roster',
    // The host's session, then its user's account. A user with no account is
    // null (401); an account that may not act still returns its actor, so core
    // answers ACTOR_INACTIVE (403) and the client learns why.
    authenticate: async (request) => {
      const session = await sessionOf(prisma, request);
      if (session === null) return null;
      const found = await roster.findAccount({ orgId: session.orgId, email: session.email });
      return found?.actor ?? null;
    },
    onError: (error) => console.error('unexpected error', error),
  });
  const app = express();
  app.use('/api/roster', toNodeListener(handler));
  app.use(express.json());
  // Sign-up is the host's flow (rosterkit's createOrganization is not an API
  // route): a new organization, its owner, and a session for them.
  app.post('/signup', async (request, response) => {
    try {
      const { company, email, firstName, lastName } = request.body ?? {};
      const { organization, owner } = await roster.createOrganization({
        name: company,
        owner: { email, firstName, lastName },
      });
      const token = await openSession(prisma, { email: owner.email, orgId: organization.id });
      response.status(201).json({ organizationId: organization.id, accountId: owner.id, token });
    } catch (error) {
      if (!RosterError.isInstance(error)) throw error;
      response.status(400).json(error.toJSON());
    }
  });
  // Anyone signs in the host's way (a product checks a password or an IdP;
  // this example takes the email on trust). Whether they may use the API is
  // rosterkit's answer, on each request: an email with no account is a 401.
  app.post('/signin', async (request, response) => {
    const { email, orgId } = request.body ?? {};
    if (typeof email !== 'string' || typeof orgId !== 'string') {
      response.status(400).json({ error: 'email and orgId are required' });
      return;
    }
    response.status(201).json({ token: await openSession(prisma, { email, orgId }) });
  });
  return app;
}
