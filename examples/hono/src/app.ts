// The admin API on Hono: rosterkit's fetch handler mounted as it is, behind
// the host's own sign-in. Everything rosterkit decides (who may do what, the
// statuses, the problem bodies) comes from the handler; this file only wires.
import { memoryStore } from '@rosterkit/adapter-memory';
import { type AccountActor, createRoster, type Roster } from '@rosterkit/core';
import { createRosterHandler } from '@rosterkit/http';
import { spreadsheetUploads } from '@rosterkit/http/spreadsheets';
import { createPolicy, presets } from '@rosterkit/policies';
import { Hono } from 'hono';

/** The example's sessions: bearer token → actor. A product reads its own session store here. */
export type Sessions = Map<string, AccountActor>;

/** A roster on the memory store with the contact-centre roles, and a seeded organization. */
export async function seededRoster(): Promise<{ roster: Roster; sessions: Sessions }> {
  const roster = createRoster({
    store: memoryStore(),
    policy: createPolicy(presets.contactCenter),
  });
  const { organization, owner } = await roster.createOrganization({
    name: 'Acme Support',
    owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' },
  });
  const admin = roster.as({ accountId: owner.id, orgId: organization.id });
  const { token } = await admin.invite({
    email: 'bo@acme.io',
    role: 'agent',
    firstName: 'Bo',
    lastName: 'Li',
  });
  const { account: bo } = await roster.acceptInvitation({ token });
  const sessions: Sessions = new Map([
    ['ana-token', { accountId: owner.id, orgId: organization.id }],
    ['bo-token', { accountId: bo.id, orgId: organization.id }],
  ]);
  return { roster, sessions };
}

/** The Hono app: the API under /api/roster, and a page of its own beside it. */
export function createApp(roster: Roster, sessions: Sessions): Hono {
  const handler = createRosterHandler(roster, {
    basePath: '/api/roster',
    authenticate: (request) => {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
      return (token === undefined ? undefined : sessions.get(token)) ?? null;
    },
    uploads: spreadsheetUploads(),
    // The one unauthenticated route takes tokens: limit it (here, 20 tries a minute in all).
    rateLimit: publicLimit(20, 60_000),
    onError: (error) => console.error('unexpected error', error),
  });
  const app = new Hono();
  app.get('/', (c) => c.text('rosterkit admin API: see /api/roster/openapi.json\n'));
  app.all('/api/roster/*', (c) => handler(c.req.raw));
  return app;
}

/** A fixed-window limit on the public routes; a product keys it by client address, in a shared store. */
function publicLimit(max: number, windowMs: number) {
  let windowStart = 0;
  let used = 0;
  return (_request: Request, { auth }: { auth: 'actor' | 'public' }) => {
    if (auth !== 'public') return true as const;
    const now = Date.now();
    if (now - windowStart >= windowMs) {
      windowStart = now;
      used = 0;
    }
    used += 1;
    return used <= max
      ? (true as const)
      : { retryAfterSeconds: Math.ceil((windowStart + windowMs - now) / 1000) };
  };
}
