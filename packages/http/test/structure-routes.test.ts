import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { structureRoutes } from '../src/routes/structure-routes.js';
import { expectRoute } from './support/expect-route.js';
import { type Json, problem } from './support/json.js';
import { addPerson, startApi, type TestApi } from './support/server.js';

// The spaces and groups of the organization, over a real HTTP server: each
// route's success (status, headers, body by its schema) and its refusals.

let api: TestApi;
let admin: string;
const driven = new Set<string>();

beforeAll(async () => {
  api = await startApi();
  admin = api.signIn(api.ownerId);
});
afterAll(() => api.close());

describe('spaces over HTTP', () => {
  let leeds: Json;

  it('creates a space (201, ETag, Location) and lists the spaces, the default first', async () => {
    const created = await api.call('/spaces', {
      method: 'POST',
      token: admin,
      json: { name: 'Leeds' },
    });
    leeds = (await expectRoute(driven, 'createSpace', created)) as Json;
    expect(created.headers.get('etag')).toBe(`"${leeds.version}"`);
    expect(created.headers.get('location')).toBe(`/api/roster/spaces/${leeds.id}`);
    const listed = (await expectRoute(
      driven,
      'listSpaces',
      await api.call('/spaces', { token: admin }),
    )) as Json;
    expect(listed.map((space: Json) => space.id)).toEqual([api.defaultSpaceId, leeds.id]);
    const query = await api.call('/spaces?name=Leeds', { token: admin });
    expect(await problem(query)).toEqual([400, 'INVALID_INPUT']);
  });

  it('renames a space with If-Match; a stale version is 412 and changes nothing', async () => {
    const renamed = await api.call(`/spaces/${leeds.id}/name`, {
      method: 'PUT',
      token: admin,
      headers: { 'if-match': `"${leeds.version}"` },
      json: { name: 'Leeds North' },
    });
    const body = (await expectRoute(driven, 'renameSpace', renamed)) as Json;
    expect([body.name, renamed.headers.get('etag')]).toEqual([
      'Leeds North',
      `"${leeds.version + 1}"`,
    ]);
    const stale = await api.call(`/spaces/${leeds.id}/name`, {
      method: 'PUT',
      token: admin,
      headers: { 'if-match': `"${leeds.version}"` },
      json: { name: 'Lost' },
    });
    expect(await problem(stale)).toEqual([412, 'PRECONDITION_FAILED']);
    const empty = await api.call(`/spaces/${leeds.id}/name`, {
      method: 'PUT',
      token: admin,
      json: { name: ' ' },
    });
    expect(await problem(empty)).toEqual([400, 'INVALID_INPUT']);
    const spaces = (await (await api.call('/spaces', { token: admin })).json()) as Json;
    expect(spaces[1].name).toBe('Leeds North');
    leeds = spaces[1];
  });

  it('lists, renames and deletes the groups of a space', async () => {
    const sales = (await expectRoute(
      driven,
      'createGroup',
      await api.call(`/spaces/${leeds.id}/groups`, {
        method: 'POST',
        token: admin,
        json: { name: 'Sales', kind: 'queue' },
      }),
    )) as Json;
    const bo = await addPerson(api, 'bo@acme.io', 'agent');
    const member = `/spaces/${leeds.id}/members/${bo}`;
    await api.call(member, { method: 'PUT', token: admin, json: { role: 'agent' } });
    await api.call(`${member}/groups`, {
      method: 'PUT',
      token: admin,
      json: { groupIds: [sales.id] },
    });
    const groups = (await expectRoute(
      driven,
      'listGroups',
      await api.call(`/spaces/${leeds.id}/groups`, { token: admin }),
    )) as Json;
    expect(groups.map((entry: Json) => [entry.group.name, entry.memberCount])).toEqual([
      ['Sales', 1],
    ]);
    const missing = await api.call('/spaces/nope/groups', { token: admin });
    expect(await problem(missing)).toEqual([404, 'NOT_FOUND']);

    const renamed = await api.call(`/spaces/${leeds.id}/groups/${sales.id}/name`, {
      method: 'PUT',
      token: admin,
      headers: { 'if-match': `"${sales.version}"` },
      json: { name: 'Inside sales' },
    });
    const body = (await expectRoute(driven, 'renameGroup', renamed)) as Json;
    expect([body.name, renamed.headers.get('etag')]).toEqual([
      'Inside sales',
      `"${sales.version + 1}"`,
    ]);
    // A group route names its space: the group under another space is not there.
    const elsewhere = await api.call(`/spaces/${api.defaultSpaceId}/groups/${sales.id}/name`, {
      method: 'PUT',
      token: admin,
      json: { name: 'Moved' },
    });
    expect(await problem(elsewhere)).toEqual([404, 'NOT_FOUND']);
    const stale = await api.call(`/spaces/${leeds.id}/groups/${sales.id}`, {
      method: 'DELETE',
      token: admin,
      headers: { 'if-match': `"${sales.version}"` },
    });
    expect(await problem(stale)).toEqual([412, 'PRECONDITION_FAILED']);

    const deleted = (await expectRoute(
      driven,
      'deleteGroup',
      await api.call(`/spaces/${leeds.id}/groups/${sales.id}`, {
        method: 'DELETE',
        token: admin,
        headers: { 'if-match': `"${body.version}"` },
      }),
    )) as Json;
    expect(deleted.id).toBe(sales.id);
    const after = (await (await api.call(`/accounts/${bo}`, { token: admin })).json()) as Json;
    expect(after.memberships.find((m: Json) => m.spaceId === leeds.id).groupIds).toEqual([]);
    const twice = await api.call(`/spaces/${leeds.id}/groups/${sales.id}`, {
      method: 'DELETE',
      token: admin,
    });
    expect(await problem(twice)).toEqual([404, 'NOT_FOUND']);
  });

  it('deletes a space: its members leave, its invitations are revoked; never the default one', async () => {
    const invited = (await (
      await api.call('/invitations', {
        method: 'POST',
        token: admin,
        json: { email: 'cy@acme.io', role: 'agent', spaceId: leeds.id },
      })
    ).json()) as Json;
    const refused = await api.call(`/spaces/${api.defaultSpaceId}`, {
      method: 'DELETE',
      token: admin,
    });
    expect(await problem(refused)).toEqual([403, 'DEFAULT_SPACE_PROTECTED']);
    const stale = await api.call(`/spaces/${leeds.id}`, {
      method: 'DELETE',
      token: admin,
      headers: { 'if-match': `"${leeds.version - 1}"` },
    });
    expect(await problem(stale)).toEqual([412, 'PRECONDITION_FAILED']);
    const deleted = (await expectRoute(
      driven,
      'deleteSpace',
      await api.call(`/spaces/${leeds.id}`, {
        method: 'DELETE',
        token: admin,
        headers: { 'if-match': `"${leeds.version}"` },
      }),
    )) as Json;
    expect(deleted.space.id).toBe(leeds.id);
    expect(deleted.endedMemberships.map((m: Json) => m.state)).toEqual(['account-only']);
    expect(deleted.revokedInvitations.map((i: Json) => i.id)).toEqual([invited.invitation.id]);
    expect(deleted.revokedInvitations[0]).not.toHaveProperty('tokenHash');
    const spaces = (await (await api.call('/spaces', { token: admin })).json()) as Json;
    expect(spaces.map((space: Json) => space.id)).toEqual([api.defaultSpaceId]);
  });

  it('an agent may not change the structure', async () => {
    const agent = api.signIn(await addPerson(api, 'dee@acme.io', 'agent'));
    const response = await api.call('/spaces', {
      method: 'POST',
      token: agent,
      json: { name: 'Mine' },
    });
    expect(await problem(response)).toEqual([403, 'FORBIDDEN']);
  });

  it('drove every structure route', () => {
    expect([...driven].sort()).toEqual(structureRoutes.map((route) => route.operationId).sort());
  });
});
