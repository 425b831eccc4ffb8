import { describe, expect, it } from 'vitest';
import { createApp, seededRoster } from '../src/app.js';

// The example as a newcomer tries it: the curl lines the server prints.
describe('the Hono example', () => {
  it('serves the admin API with rosterkit’s statuses and problem bodies', async () => {
    const { roster, sessions } = await seededRoster();
    const app = createApp(roster, sessions);
    const as = (token: string) => ({
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    });
    const list = await app.request('/api/roster/accounts', { headers: as('ana-token') });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { total: number }).total).toBe(2);
    const invite = await app.request('/api/roster/invitations', {
      method: 'POST',
      headers: as('ana-token'),
      body: JSON.stringify({ email: 'cy@acme.io', role: 'agent' }),
    });
    expect(invite.status).toBe(201);
    const refused = await app.request('/api/roster/invitations', {
      method: 'POST',
      headers: as('bo-token'),
      body: JSON.stringify({ email: 'di@acme.io', role: 'agent' }),
    });
    expect([refused.status, refused.headers.get('content-type')]).toEqual([
      403,
      'application/problem+json',
    ]);
    expect((await app.request('/api/roster/accounts')).status).toBe(401);
    const document = (await (await app.request('/api/roster/openapi.json')).json()) as {
      openapi: string;
    };
    expect(document.openapi).toBe('3.1.1');
  });

  it("resolves the host's user with findAccount: unknown is 401, deactivated is ACTOR_INACTIVE", async () => {
    const { roster, sessions } = await seededRoster();
    const app = createApp(roster, sessions);
    const get = (token: string) =>
      app.request('/api/roster/accounts', { headers: { authorization: `Bearer ${token}` } });
    expect((await get('bo-token')).status).toBe(200);
    // Signed in to the host, no account in the roster.
    const unknown = await get('cy-token');
    expect([unknown.status, unknown.headers.get('content-type')]).toEqual([
      401,
      'application/problem+json',
    ]);
    // Bo's account is deactivated: his session still resolves, and core says why he may not act.
    const orgId = sessions.get('ana-token')?.orgId ?? '';
    const ana = await roster.findAccount({ orgId, externalId: 'user-ana' });
    const bo = await roster.findAccount({ orgId, externalId: 'user-bo' });
    if (ana === null || bo === null) throw new Error('the seeded accounts are linked');
    await roster.as(ana.actor).deactivate({ accountId: bo.actor.accountId });
    const inactive = await get('bo-token');
    expect(inactive.status).toBe(403);
    expect(((await inactive.json()) as { code: string }).code).toBe('ACTOR_INACTIVE');
  });

  it('limits the public route', async () => {
    const { roster, sessions } = await seededRoster();
    const app = createApp(roster, sessions);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      const response = await app.request('/api/roster/invitations/accept', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: `guess-${i}` }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 20).every((status) => status !== 429)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('serves the SCIM service to the identity provider with the connection’s token', async () => {
    const { roster, sessions, scimToken } = await seededRoster();
    const app = createApp(roster, sessions);
    const scim = (token: string) => ({
      authorization: `Bearer ${token}`,
      'content-type': 'application/scim+json',
    });
    expect((await app.request('/scim/v2/ServiceProviderConfig')).status).toBe(200);
    const created = await app.request('/scim/v2/Users', {
      method: 'POST',
      headers: scim(scimToken),
      body: JSON.stringify({ userName: 'di@acme.io', name: { givenName: 'Di', familyName: 'Wu' } }),
    });
    expect(created.status).toBe(201);
    const found = await app.request('/scim/v2/Users?filter=userName%20eq%20%22DI@acme.io%22', {
      headers: scim(scimToken),
    });
    expect(((await found.json()) as { totalResults: number }).totalResults).toBe(1);
    // A session token is not a provisioning token.
    const refused = await app.request('/scim/v2/Users', { headers: scim('ana-token') });
    expect([refused.status, refused.headers.get('www-authenticate')]).toEqual([
      401,
      'Bearer realm="SCIM"',
    ]);
    const list = await app.request('/api/roster/accounts', { headers: scim('ana-token') });
    expect(((await list.json()) as { total: number }).total).toBe(3);
  });
});
