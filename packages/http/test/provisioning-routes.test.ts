import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisioningRoutes } from '../src/routes/provisioning-routes.js';
import { expectRoute } from './support/expect-route.js';
import { type Json, problem } from './support/json.js';
import { addPerson, startApi, type TestApi } from './support/server.js';

// The organization's provisioning connections over a real HTTP server:
// created with the token in the 201 only, listed without hashes, changed and
// rotated with If-Match, revoked; an agent is 403, an unknown id 404.

let api: TestApi;
let owner: string;
const driven = new Set<string>();

beforeAll(async () => {
  api = await startApi();
  owner = api.signIn(api.ownerId);
});
afterAll(() => api.close());

describe('provisioning connections over HTTP', () => {
  let connection: Json;
  let token: string;

  it('creates one: 201 with the token once, ETag and Location, no hash; bad input is 400', async () => {
    const created = await api.call('/provisioning-connections', {
      method: 'POST',
      token: owner,
      json: { name: 'Okta', defaultRole: 'agent' },
    });
    const body = (await expectRoute(driven, 'createProvisioningConnection', created)) as Json;
    ({ connection, token } = body);
    expect(token).toMatch(/^rkscim_/);
    expect(connection).toMatchObject({ name: 'Okta', status: 'active', version: 1 });
    expect(connection.tokenHash).toBeUndefined();
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(
      `/api/roster/provisioning-connections/${connection.id}`,
    );
    const bad = await api.call('/provisioning-connections', {
      method: 'POST',
      token: owner,
      json: { name: 'Okta', defaultRole: 'agent', tokenHash: 'f'.repeat(64) },
    });
    expect(await problem(bad)).toEqual([400, 'INVALID_INPUT']);
    expect((await api.roster.authenticateProvisioner(token))?.connection.id).toBe(connection.id);
  });

  it('lists the connections without their hashes', async () => {
    const list = (await expectRoute(
      driven,
      'listProvisioningConnections',
      await api.call('/provisioning-connections', { token: owner }),
    )) as Json[];
    expect(list.map((c) => c.id)).toEqual([connection.id]);
    expect(JSON.stringify(list)).not.toContain('tokenHash');
  });

  it('updates with If-Match; a stale version is 412 and changes nothing', async () => {
    const updated = await api.call(`/provisioning-connections/${connection.id}`, {
      method: 'PATCH',
      token: owner,
      headers: { 'if-match': '"1"' },
      json: { name: 'Okta EU', onCreate: 'invite' },
    });
    const body = (await expectRoute(driven, 'updateProvisioningConnection', updated)) as Json;
    expect([body.name, body.onCreate, updated.headers.get('etag')]).toEqual([
      'Okta EU',
      'invite',
      '"2"',
    ]);
    const stale = await api.call(`/provisioning-connections/${connection.id}`, {
      method: 'PATCH',
      token: owner,
      headers: { 'if-match': '"1"' },
      json: { name: 'Lost' },
    });
    expect(await problem(stale)).toEqual([412, 'PRECONDITION_FAILED']);
    connection = body;
  });

  it('rotates the token: the new one in the response, the old one stops', async () => {
    const rotated = await api.call(`/provisioning-connections/${connection.id}/rotate-token`, {
      method: 'POST',
      token: owner,
      headers: { 'if-match': `"${connection.version}"` },
    });
    const body = (await expectRoute(driven, 'rotateProvisioningToken', rotated)) as Json;
    expect(body.token).not.toBe(token);
    expect(body.connection.version).toBe(3);
    expect(await api.roster.authenticateProvisioner(token)).toBeNull();
    token = body.token;
    expect(await api.roster.authenticateProvisioner(token)).not.toBeNull();
  });

  it('an agent is 403, an unknown connection 404', async () => {
    const agent = api.signIn(await addPerson(api, 'cy@acme.io', 'agent'));
    expect(await problem(await api.call('/provisioning-connections', { token: agent }))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    expect(
      await problem(
        await api.call('/provisioning-connections/con_missing', {
          method: 'DELETE',
          token: owner,
        }),
      ),
    ).toEqual([404, 'NOT_FOUND']);
  });

  it('revokes for good: the token authenticates nothing, a rotation is refused', async () => {
    const revoked = await api.call(`/provisioning-connections/${connection.id}`, {
      method: 'DELETE',
      token: owner,
    });
    const body = (await expectRoute(driven, 'revokeProvisioningConnection', revoked)) as Json;
    expect(body.status).toBe('revoked');
    expect(await api.roster.authenticateProvisioner(token)).toBeNull();
    const again = await api.call(`/provisioning-connections/${connection.id}/rotate-token`, {
      method: 'POST',
      token: owner,
    });
    expect((await problem(again))[1]).toBe('INVALID_TRANSITION');
  });

  it('drove every provisioning route', () => {
    expect([...driven].sort()).toEqual(provisioningRoutes.map((route) => route.operationId).sort());
  });
});
