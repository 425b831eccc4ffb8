import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Json } from './support/json.js';
import { type ScimService, startScimService } from './support/scim-service.js';

let service: ScimService;
beforeEach(async () => {
  service = await startScimService();
});
afterEach(async () => {
  await service.close();
});

const groupSchema = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const patchSchema = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

function admin() {
  return service.roster.as({ accountId: service.ownerId, orgId: service.orgId });
}

async function user(userName: string, extra: Json = {}): Promise<string> {
  const response = await service.call('/Users', { method: 'POST', json: { userName, ...extra } });
  expect(response.status).toBe(201);
  return ((await response.json()) as Json).id as string;
}

async function group(displayName: string, members: string[] = [], extra: Json = {}): Promise<Json> {
  const response = await service.call('/Groups', {
    method: 'POST',
    json: {
      schemas: [groupSchema],
      displayName,
      members: members.map((value) => ({ value })),
      ...extra,
    },
  });
  const body = (await response.json()) as Json;
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body;
}

async function read(id: string, query = ''): Promise<Json> {
  const response = await service.call(`/Groups/${id}${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

function patch(id: string, Operations: Json[]) {
  return service.call(`/Groups/${id}`, {
    method: 'PATCH',
    json: { schemas: [patchSchema], Operations },
  });
}

const memberIds = (body: Json) => (body.members as Json[]).map((member) => member.value).sort();

/** The rosterkit group a SCIM group is, and the account ids of its members. */
async function rosterGroup(name: string) {
  const groups = await admin().listGroups({ spaceId: service.spaceId });
  const found = groups.find((entry) => entry.group.name === name);
  if (found === undefined) throw new Error(`no group ${name}`);
  return found.group;
}

async function membershipOf(email: string) {
  const found = await service.roster.findAccount({ orgId: service.orgId, email });
  if (found === null) throw new Error(`no account ${email}`);
  const { account, memberships } = await admin().getAccount({ accountId: found.actor.accountId });
  const membership = memberships.find((m) => m.spaceId === service.spaceId);
  return { account, membership };
}

describe('SCIM Groups', () => {
  it('POST creates a group of the connection’s space with its members; GET renders them with display and $ref; members can be excluded', async () => {
    const bo = await user('bo@acme.io', { displayName: 'Bo Li' });
    const created = await group('Sales', [bo], { externalId: '00g1' });
    expect(created).toMatchObject({
      schemas: [groupSchema],
      displayName: 'Sales',
      externalId: '00g1',
      meta: { resourceType: 'Group' },
    });
    expect(created.members).toEqual([
      { value: bo, display: 'Bo Li', type: 'User', $ref: `${service.baseUrl}/Users/${bo}` },
    ]);
    const sales = await rosterGroup('Sales');
    expect((await membershipOf('bo@acme.io')).membership?.groupIds).toEqual([sales.id]);
    const without = await read(created.id, '?excludedAttributes=members');
    expect(without.members).toBeUndefined();
    expect(without.displayName).toBe('Sales');
    const list = (await (await service.call('/Groups?excludedAttributes=members')).json()) as Json;
    expect(list).toMatchObject({
      totalResults: 1,
      Resources: [{ id: created.id, displayName: 'Sales' }],
    });
    expect(list.Resources[0].members).toBeUndefined();
  });

  it('filters groups by displayName in the store, and a displayName the connection has is a 409', async () => {
    await group('Sales');
    await group('Support');
    const found = (await (
      await service.call(`/Groups?filter=${encodeURIComponent('displayName eq "Support"')}`)
    ).json()) as Json;
    expect(found.totalResults).toBe(1);
    expect(found.Resources[0].displayName).toBe('Support');
    const again = await service.call('/Groups', { method: 'POST', json: { displayName: 'sales' } });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ status: '409', scimType: 'uniqueness' });
  });

  it('PATCH members: add a value array, remove by members[value eq "id"] and by value array, remove all; 204 each time', async () => {
    const [a, b, c] = [await user('a@acme.io'), await user('b@acme.io'), await user('c@acme.io')];
    const created = await group('Ops');
    expect(
      (
        await patch(created.id, [
          { op: 'Add', path: 'members', value: [{ value: a }, { value: b }, { value: c }] },
        ])
      ).status,
    ).toBe(204);
    expect(memberIds(await read(created.id))).toEqual([a, b, c].sort());
    expect(
      (await patch(created.id, [{ op: 'remove', path: `members[value eq "${a}"]` }])).status,
    ).toBe(204);
    expect(
      (await patch(created.id, [{ op: 'Remove', path: 'members', value: [{ value: b }] }])).status,
    ).toBe(204);
    expect(memberIds(await read(created.id))).toEqual([c]);
    expect((await patch(created.id, [{ op: 'remove', path: 'members' }])).status).toBe(204);
    expect(memberIds(await read(created.id))).toEqual([]);
    expect((await membershipOf('c@acme.io')).membership?.groupIds).toEqual([]);
  });

  it('PATCH: Okta’s rename (replace of { id, displayName } without a path) renames the rosterkit group and keeps the members', async () => {
    const a = await user('a@acme.io');
    const created = await group('Old name', [a]);
    const before = await rosterGroup('Old name');
    const response = await patch(created.id, [
      { op: 'replace', value: { id: created.id, displayName: 'New name' } },
    ]);
    expect(response.status).toBe(204);
    const after = await read(created.id);
    expect(after.displayName).toBe('New name');
    expect(memberIds(after)).toEqual([a]);
    expect((await rosterGroup('New name')).id).toBe(before.id);
  });

  it('refuses a junk member and an unknown member id with 400, changing nothing', async () => {
    const created = await group('Ops');
    for (const value of [
      'string id 1',
      [{ value: crypto.randomUUID() }],
      [{ display: 'no value' }],
    ]) {
      const response = await patch(created.id, [{ op: 'add', path: 'members', value }]);
      expect(response.status, JSON.stringify(value)).toBe(400);
      expect(await response.json()).toMatchObject({ status: '400', scimType: 'invalidValue' });
    }
    expect(memberIds(await read(created.id))).toEqual([]);
  });

  it('PUT replaces name, externalId and members; without members it keeps them', async () => {
    const [a, b] = [await user('a@acme.io'), await user('b@acme.io')];
    const created = await group('G', [a], { externalId: 'x1' });
    const put = await service.call(`/Groups/${created.id}`, {
      method: 'PUT',
      json: { schemas: [groupSchema], displayName: 'G2', members: [{ value: b }] },
    });
    expect(put.status).toBe(200);
    const body = (await put.json()) as Json;
    expect(body.displayName).toBe('G2');
    expect(body.externalId).toBeUndefined();
    expect(memberIds(body)).toEqual([b]);
    const kept = await service.call(`/Groups/${created.id}`, {
      method: 'PUT',
      json: { displayName: 'G3' },
    });
    expect(memberIds((await kept.json()) as Json)).toEqual([b]);
  });

  it('maps a group to a role: members get it, leaving the group gives the default role back', async () => {
    const a = await user('a@acme.io');
    const created = await group('Managers');
    const managers = await rosterGroup('Managers');
    await admin().updateProvisioningConnection({
      connectionId: service.connectionId,
      groupRoles: { [managers.id]: 'manager' },
    });
    expect(
      (await patch(created.id, [{ op: 'add', path: 'members', value: [{ value: a }] }])).status,
    ).toBe(204);
    expect((await membershipOf('a@acme.io')).membership?.role).toBe('manager');
    expect(
      (await patch(created.id, [{ op: 'remove', path: `members[value eq "${a}"]` }])).status,
    ).toBe(204);
    expect((await membershipOf('a@acme.io')).membership?.role).toBe('agent');
  });

  it('a deactivated user stays listed in its SCIM groups, out of the rosterkit group until the connection reactivates it', async () => {
    const a = await user('a@acme.io');
    const created = await group('Queue', [a]);
    const queue = await rosterGroup('Queue');
    const off = await service.call(`/Users/${a}`, {
      method: 'PATCH',
      json: {
        schemas: [patchSchema],
        Operations: [{ op: 'replace', path: 'active', value: false }],
      },
    });
    expect(off.status).toBe(200);
    expect(memberIds(await read(created.id))).toEqual([a]);
    expect((await membershipOf('a@acme.io')).membership?.groupIds).toEqual([]);
    const on = await service.call(`/Users/${a}`, {
      method: 'PATCH',
      json: {
        schemas: [patchSchema],
        Operations: [{ op: 'replace', path: 'active', value: true }],
      },
    });
    expect(on.status).toBe(200);
    expect((await membershipOf('a@acme.io')).membership?.groupIds).toEqual([queue.id]);
  });

  it('DELETE removes the group and its link (404 after); deleting a user takes it out of its groups', async () => {
    const [a, b] = [await user('a@acme.io'), await user('b@acme.io')];
    const created = await group('Temp', [a, b]);
    expect((await service.call(`/Users/${a}`, { method: 'DELETE' })).status).toBe(204);
    expect(memberIds(await read(created.id))).toEqual([b]);
    expect((await service.call(`/Groups/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await service.call(`/Groups/${created.id}`)).status).toBe(404);
    const groups = await admin().listGroups({ spaceId: service.spaceId });
    expect(groups.map((entry) => entry.group.name)).not.toContain('Temp');
  });

  it('a token of one organization never reads or changes another’s groups, nor adds its users', async () => {
    const other = await service.otherOrganization('Globex');
    const theirs = await service.call('/Groups', {
      method: 'POST',
      token: other.token,
      json: { displayName: 'Theirs' },
    });
    const theirId = ((await theirs.json()) as Json).id as string;
    expect((await service.call(`/Groups/${theirId}`)).status).toBe(404);
    expect(
      (await patch(theirId, [{ op: 'replace', path: 'displayName', value: 'Mine' }])).status,
    ).toBe(404);
    expect((await service.call(`/Groups/${theirId}`, { method: 'DELETE' })).status).toBe(404);
    const mine = await group('Mine');
    const theirUser = await service.call('/Users', {
      method: 'POST',
      token: other.token,
      json: { userName: 'z@globex.io' },
    });
    const theirUserId = ((await theirUser.json()) as Json).id as string;
    expect(
      (await patch(mine.id, [{ op: 'add', path: 'members', value: [{ value: theirUserId }] }]))
        .status,
    ).toBe(400);
    const check = await service.call(`/Groups/${theirId}`, { token: other.token });
    expect(((await check.json()) as Json).displayName).toBe('Theirs');
  });
});
