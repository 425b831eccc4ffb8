import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Route, rosterRoutes } from '../src/index.js';
import { roleRoutes } from '../src/routes/role-routes.js';
import { expectRoute } from './support/expect-route.js';
import { type Json, problem } from './support/json.js';
import { addPerson, startApi, type TestApi } from './support/server.js';

// The organization's roles over a real HTTP server: presets and stored roles
// listed, a role defined, changed with If-Match (core checks the version in
// the write), and deleted.

let api: TestApi;
let admin: string;
const driven = new Set<string>();

beforeAll(async () => {
  api = await startApi();
  admin = api.signIn(api.ownerId);
});
afterAll(() => api.close());

describe('roles over HTTP', () => {
  let lead: Json;

  it('defines a role: 201 with ETag and Location; a taken name is ROLE_EXISTS', async () => {
    const created = await api.call('/roles', {
      method: 'POST',
      token: admin,
      json: { name: 'lead', rank: 2, permissions: ['manageUsers'] },
    });
    lead = (await expectRoute(driven, 'defineRole', created)) as Json;
    expect(lead).toMatchObject({ name: 'lead', rank: 2, version: 1 });
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(`/api/roster/roles/${lead.id}`);
    const again = await api.call('/roles', {
      method: 'POST',
      token: admin,
      json: { name: 'lead', rank: 1, permissions: [] },
    });
    expect(await problem(again)).toEqual([409, 'ROLE_EXISTS']);
    const unknown = await api.call('/roles', {
      method: 'POST',
      token: admin,
      json: { name: 'x', rank: 1, permissions: [], colour: 'red' },
    });
    const body = (await unknown.json()) as Json;
    expect([unknown.status, body.details.issues[0].path]).toEqual([400, ['colour']]);
  });

  it('lists the presets and the stored roles', async () => {
    const list = (await expectRoute(
      driven,
      'listRoles',
      await api.call('/roles', { token: admin }),
    )) as Json;
    expect(list.stored.map((role: Json) => role.name)).toEqual(['lead']);
    expect(list.presets.map((role: Json) => role.name)).toEqual(
      expect.arrayContaining(['administrator', 'agent']),
    );
  });

  it('updates a role with If-Match; a stale version is 412 and changes nothing', async () => {
    const updated = await api.call(`/roles/${lead.id}`, {
      method: 'PATCH',
      token: admin,
      headers: { 'if-match': '"1"' },
      json: { label: 'Team lead' },
    });
    const role = (await expectRoute(driven, 'updateRole', updated)) as Json;
    expect([role.label, updated.headers.get('etag')]).toEqual(['Team lead', '"2"']);
    const stale = await api.call(`/roles/${lead.id}`, {
      method: 'PATCH',
      token: admin,
      headers: { 'if-match': '"1"' },
      json: { label: 'Lost' },
    });
    expect(await problem(stale)).toEqual([412, 'PRECONDITION_FAILED']);
    const nothing = await api.call(`/roles/${lead.id}`, {
      method: 'PATCH',
      token: admin,
      json: {},
    });
    expect(await problem(nothing)).toEqual([400, 'INVALID_INPUT']);
    const list = (await (await api.call('/roles', { token: admin })).json()) as Json;
    expect(list.stored[0]).toMatchObject({ label: 'Team lead', version: 2 });
    lead = list.stored[0];
  });

  it('a writer that slips in between the If-Match check and the write still gets a 412', async () => {
    // The check reads version 2; another writer then makes it 3 before the
    // command runs: core compares the If-Match version inside the write.
    const racing = rosterRoutes.map(
      (route): Route =>
        route.operationId !== 'updateRole'
          ? route
          : {
              ...route,
              currentVersion: async (context) => {
                const version = await (route.currentVersion?.(context) ?? Promise.resolve(0));
                const { roleId } = context.params as { roleId: string };
                await context.api.updateRole({ roleId, description: 'sneaked in' });
                return version;
              },
            },
    );
    const raced = await startApi({ routes: racing });
    try {
      const owner = raced.signIn(raced.ownerId);
      const role = (await (
        await raced.call('/roles', {
          method: 'POST',
          token: owner,
          json: { name: 'lead', rank: 2, permissions: [] },
        })
      ).json()) as Json;
      const response = await raced.call(`/roles/${role.id}`, {
        method: 'PATCH',
        token: owner,
        headers: { 'if-match': `"${role.version}"` },
        json: { label: 'Mine' },
      });
      expect(await problem(response)).toEqual([412, 'PRECONDITION_FAILED']);
      const list = (await (await raced.call('/roles', { token: owner })).json()) as Json;
      expect(list.stored[0]).toMatchObject({ label: 'lead', description: 'sneaked in' });
    } finally {
      await raced.close();
    }
  });

  it('deletes a role nobody holds; a held one is ROLE_IN_USE', async () => {
    const held = (await (
      await api.call('/roles', {
        method: 'POST',
        token: admin,
        json: { name: 'senior', rank: 1, permissions: [] },
      })
    ).json()) as Json;
    await addPerson(api, 'bo@acme.io', 'senior');
    const inUse = await api.call(`/roles/${held.id}`, { method: 'DELETE', token: admin });
    expect(await problem(inUse)).toEqual([409, 'ROLE_IN_USE']);
    const stale = await api.call(`/roles/${lead.id}`, {
      method: 'DELETE',
      token: admin,
      headers: { 'if-match': `"${lead.version - 1}"` },
    });
    expect(await problem(stale)).toEqual([412, 'PRECONDITION_FAILED']);
    const deleted = (await expectRoute(
      driven,
      'deleteRole',
      await api.call(`/roles/${lead.id}`, {
        method: 'DELETE',
        token: admin,
        headers: { 'if-match': `"${lead.version}"` },
      }),
    )) as Json;
    expect(deleted.id).toBe(lead.id);
    const gone = await api.call(`/roles/${lead.id}`, { method: 'DELETE', token: admin });
    expect(await problem(gone)).toEqual([404, 'NOT_FOUND']);
  });

  it('an agent may not define roles', async () => {
    const agent = api.signIn(await addPerson(api, 'cy@acme.io', 'agent'));
    const response = await api.call('/roles', {
      method: 'POST',
      token: agent,
      json: { name: 'mine', rank: 0, permissions: [] },
    });
    expect(await problem(response)).toEqual([403, 'FORBIDDEN']);
  });

  it('drove every role route', () => {
    expect([...driven].sort()).toEqual(roleRoutes.map((route) => route.operationId).sort());
  });
});
