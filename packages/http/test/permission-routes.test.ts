import { rosterActions } from '@rosterkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionRoutes } from '../src/routes/permission-routes.js';
import { expectRoute } from './support/expect-route.js';
import { type Json, problem } from './support/json.js';
import { addPerson, startApi, type TestApi } from './support/server.js';

// "May I?" over a real HTTP server: one action, or every action with the
// grantable roles, for a subject named in the query string.

let api: TestApi;
let admin: string;
let agent: string;
let agentId: string;
const driven = new Set<string>();

beforeAll(async () => {
  api = await startApi();
  admin = api.signIn(api.ownerId);
  agentId = await addPerson(api, 'bo@acme.io', 'agent');
  agent = api.signIn(agentId);
});
afterAll(() => api.close());

describe('permissions over HTTP', () => {
  it('answers one action for a subject, as core’s can would', async () => {
    const yes = (await expectRoute(
      driven,
      'can',
      await api.call(`/me/permissions/deactivate?accountId=${agentId}`, { token: admin }),
    )) as Json;
    expect(yes).toEqual({ action: 'deactivate', allowed: true });
    const self = (await (
      await api.call(`/me/permissions/deactivate?accountId=${api.ownerId}`, { token: admin })
    ).json()) as Json;
    expect(self.allowed).toBe(false);
    const agentAsks = (await (
      await api.call(`/me/permissions/deactivate?accountId=${api.ownerId}`, { token: agent })
    ).json()) as Json;
    expect(agentAsks.allowed).toBe(false);
    const unknown = await api.call('/me/permissions/fly', { token: admin });
    expect(await problem(unknown)).toEqual([400, 'INVALID_INPUT']);
    const missing = await api.call('/me/permissions/deactivate?accountId=nobody', {
      token: admin,
    });
    expect(await problem(missing)).toEqual([404, 'NOT_FOUND']);
    const extra = await api.call('/me/permissions/deactivate?colour=red', { token: admin });
    expect(await problem(extra)).toEqual([400, 'INVALID_INPUT']);
  });

  it('answers every action and the grantable roles in one call', async () => {
    const all = (await expectRoute(
      driven,
      'permissions',
      await api.call(`/me/permissions?accountId=${agentId}`, { token: admin }),
    )) as Json;
    expect(Object.keys(all.actions).sort()).toEqual([...rosterActions].sort());
    expect(all.actions.changeRole).toBe(true);
    expect(all.grantableRoles).toEqual(expect.arrayContaining(['agent', 'manager']));
    const mine = (await (await api.call('/me/permissions', { token: agent })).json()) as Json;
    expect([mine.actions.invite, mine.grantableRoles]).toEqual([false, []]);
    const badRole = await api.call('/me/permissions?role=', { token: admin });
    expect(await problem(badRole)).toEqual([400, 'INVALID_INPUT']);
  });

  it('needs an actor', async () => {
    const response = await api.call('/me/permissions');
    expect(await problem(response)).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('drove every permission route', () => {
    expect([...driven].sort()).toEqual(permissionRoutes.map((route) => route.operationId).sort());
  });
});
