// The admin API on Hono: rosterkit's fetch handler mounted as it is, behind
// the host's own sign-in. The host's session knows its own user, not
// rosterkit's account: `authenticate` resolves that user to an actor with
// `roster.findAccount`. Everything rosterkit decides (who may do what, the
// statuses, the problem bodies) comes from the handler; this file only wires.
import { memoryStore } from '@rosterkit/adapter-memory';
import { type AccountActor, createRoster, type Roster } from '@rosterkit/core';
import { createRosterHandler } from '@rosterkit/http';
import { spreadsheetUploads } from '@rosterkit/http/spreadsheets';
import { createPolicy, presets } from '@rosterkit/policies';
import { createScimHandler } from '@rosterkit/scim';
import { Hono } from 'hono';

/** What the host's session holds: the host's own user id and the organization signed in to. */
export interface HostSession {
  readonly userId: string;
  readonly orgId: string;
}

/** The example's sessions: bearer token → the host's session. A product reads its own session store here. */
export type Sessions = Map<string, HostSession>;

/**
 * A roster on the memory store with the contact-centre roles, and a seeded
 * organization whose accounts carry the host's user ids (`externalId`): the
 * owner's from sign-up, the agent's linked when the invitation is accepted.
 */
export async function seededRoster(): Promise<{
  roster: Roster;
  sessions: Sessions;
  scimToken: string;
}> {
  const roster = createRoster({
    store: memoryStore(),
    policy: createPolicy(presets.contactCenter),
  });
  const { organization, owner } = await roster.createOrganization({
    name: 'Acme Support',
    owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng', externalId: 'user-ana' },
  });
  const admin = roster.as({ accountId: owner.id, orgId: organization.id });
  const { token } = await admin.invite({
    email: 'bo@acme.io',
    role: 'agent',
    firstName: 'Bo',
    lastName: 'Li',
  });
  await roster.acceptInvitation({ token, externalId: 'user-bo' });
  // The identity provider's connection: its token goes into Okta's or Entra's SCIM settings.
  const { token: scimToken } = await admin.createProvisioningConnection({
    name: 'Okta',
    defaultRole: 'agent',
  });
  const sessions: Sessions = new Map([
    ['ana-token', { userId: 'user-ana', orgId: organization.id }],
    ['bo-token', { userId: 'user-bo', orgId: organization.id }],
    // Signed in to the host, but never invited to the roster: a 401.
    ['cy-token', { userId: 'user-cy', orgId: organization.id }],
  ]);
  return { roster, sessions, scimToken };
}

/**
 * The actor of a request's `Authorization: Bearer …`: the host's session,
 * then its user's account. A user with no account is `null` (401); an account
 * that may not act (`canAct: false`) still returns its actor, so core answers
 * `ACTOR_INACTIVE` (403) and the client learns why, not just "who are you".
 */
export async function authenticate(
  roster: Roster,
  sessions: Sessions,
  request: Request,
): Promise<AccountActor | null> {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  const session = token === undefined ? undefined : sessions.get(token);
  if (session === undefined) return null;
  const found = await roster.findAccount({ orgId: session.orgId, externalId: session.userId });
  return found?.actor ?? null;
}

/**
 * The Hono app: the admin API under /api/roster, the SCIM service for
 * identity providers under /scim/v2 (its bearer token is the connection's,
 * not a session), and a page of its own beside them.
 */
export function createApp(roster: Roster, sessions: Sessions): Hono {
  const handler = createRosterHandler(roster, {
    basePath: '/api/roster',
    authenticate: (request) => authenticate(roster, sessions, request),
    uploads: spreadsheetUploads(),
    // The one unauthenticated route takes tokens: limit it (here, 20 tries a minute in all).
    rateLimit: publicLimit(20, 60_000),
    onError: (error) => console.error('unexpected error', error),
  });
  const scim = createScimHandler(roster, {
    basePath: '/scim/v2',
    onError: (error) => console.error('unexpected SCIM error', error),
  });
  const app = new Hono();
  app.get('/', (c) => c.text('rosterkit admin API: see /api/roster/openapi.json\n'));
  app.all('/api/roster/*', (c) => handler(c.req.raw));
  app.all('/scim/v2/*', (c) => scim(c.req.raw));
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
