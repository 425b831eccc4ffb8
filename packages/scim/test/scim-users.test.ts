import { type OwnerProtectedDelivery, startOutboxWorker } from '@rosterkit/core';
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

const userSchema = 'urn:ietf:params:scim:schemas:core:2.0:User';
const errorSchema = 'urn:ietf:params:scim:api:messages:2.0:Error';
const patchSchema = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

async function post(body: Json): Promise<{ response: Response; body: Json }> {
  const response = await service.call('/Users', { method: 'POST', json: body });
  return { response, body: (await response.json()) as Json };
}

async function createUser(userName: string, extra: Json = {}): Promise<Json> {
  const { response, body } = await post({ schemas: [userSchema], userName, ...extra });
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body;
}

async function patch(id: string, operations: Json[], headers: Record<string, string> = {}) {
  return service.call(`/Users/${id}`, {
    method: 'PATCH',
    headers,
    json: { schemas: [patchSchema], Operations: operations },
  });
}

async function get(id: string): Promise<Json> {
  const response = await service.call(`/Users/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

/** The organization's account with this email (its full row), or null. */
async function account(email: string, orgId = service.orgId, ownerId = service.ownerId) {
  const found = await service.roster.findAccount({ orgId, email });
  if (found === null) return null;
  const admin = service.roster.as({ accountId: ownerId, orgId });
  return (await admin.getAccount({ accountId: found.actor.accountId })).account;
}

/** The roles of the account's current membership of the connection's space. */
async function rolesOf(email: string): Promise<string[]> {
  const found = await account(email);
  const admin = service.roster.as({ accountId: service.ownerId, orgId: service.orgId });
  if (found === null) throw new Error(`no account ${email}`);
  const { memberships } = await admin.getAccount({ accountId: found.id });
  return memberships
    .filter((m) => m.spaceId === service.spaceId && m.state === 'member')
    .map((m) => m.role);
}

describe('authentication', () => {
  it('answers 401 with a SCIM error and the Bearer realm challenge without a token, with a wrong one, and with a revoked one', async () => {
    for (const token of [null, 'rkscim_not-a-token']) {
      const response = await service.call('/Users', { token });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="SCIM"');
      expect(response.headers.get('content-type')).toBe('application/scim+json');
      expect(await response.json()).toMatchObject({ schemas: [errorSchema], status: '401' });
    }
    const admin = service.roster.as({ accountId: service.ownerId, orgId: service.orgId });
    await admin.revokeProvisioningConnection({ connectionId: service.connectionId });
    const revoked = await service.call('/Users');
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('www-authenticate')).toBe('Bearer realm="SCIM"');
  });

  it('serves the discovery documents without a token, endpoint names in any case', async () => {
    for (const path of [
      '/ServiceProviderConfig',
      '/ResourceTypes',
      '/Schemas',
      '/schemas',
      '/ResourceTypes/User',
    ]) {
      const response = await service.call(path, { token: null });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/scim+json');
    }
    const config = (await (
      await service.call('/ServiceProviderConfig', { token: null })
    ).json()) as Json;
    expect(config.meta.location).toBe(`${service.baseUrl}/ServiceProviderConfig`);
    expect((await service.call('/ResourceTypes/Nope', { token: null })).status).toBe(404);
  });

  it('answers 404 outside the endpoints and 405 for a method an endpoint does not take', async () => {
    expect((await service.call('/Nope')).status).toBe(404);
    const response = await service.call('/Users', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });
});

describe('POST /Users', () => {
  it('creates an active account in the connection’s space, with the email from the primary email, names from name, and keeps the attributes it does not model', async () => {
    const created = await post({
      schemas: [userSchema, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      userName: 'bo.li',
      externalId: '00u1',
      name: { givenName: 'Bo', familyName: 'Li', formatted: 'Bo Li' },
      emails: [
        { value: 'bo@home.example', type: 'home' },
        { value: 'bo@acme.io', type: 'work', Primary: 'True' },
      ],
      title: 'Agent',
      password: 'never-kept',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Sales' },
    });
    expect(created.response.status).toBe(201);
    const id = created.body.id as string;
    expect(created.response.headers.get('location')).toBe(`${service.baseUrl}/Users/${id}`);
    expect(created.response.headers.get('etag')).toBe(created.body.meta.version);
    expect(created.body).toMatchObject({
      id,
      userName: 'bo.li',
      externalId: '00u1',
      active: true,
      title: 'Agent',
      name: { givenName: 'Bo', familyName: 'Li', formatted: 'Bo Li' },
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Sales' },
      meta: { resourceType: 'User', location: `${service.baseUrl}/Users/${id}` },
    });
    expect(created.body.password).toBeUndefined();
    expect(JSON.stringify(created.body)).not.toContain('never-kept');
    const bo = await account('bo@acme.io');
    expect(bo).toMatchObject({ status: 'active', firstName: 'Bo', lastName: 'Li' });
    expect(await rolesOf('bo@acme.io')).toEqual(['agent']);
  });

  it('takes the userName as the email when no listed email is one, names from displayName, and never refuses a missing name', async () => {
    const body = await createUser('cy@acme.io', {
      displayName: 'Cy Twombly',
      emails: [{ value: 'not-an-email', primary: true }],
    });
    expect(body.name).toMatchObject({ givenName: 'Cy', familyName: 'Twombly' });
    expect((await account('cy@acme.io'))?.status).toBe('active');
    const bare = await createUser('dee@acme.io');
    expect(bare.name).toMatchObject({ givenName: 'dee', familyName: 'dee' });
  });

  it('reads Entra’s "active": "False" string, and a new inactive user is created deactivated', async () => {
    const body = await createUser('ed@acme.io', { active: 'False' });
    expect(body.active).toBe(false);
    expect((await account('ed@acme.io'))?.status).toBe('deactivated');
  });

  it('refuses with 400 and a SCIM error: no userName, no email at all, a bad active, a body that is not JSON', async () => {
    for (const bad of [
      { emails: [{ value: 'x@acme.io' }] },
      { userName: 'no-email-here' },
      { userName: 'f@acme.io', active: 'maybe' },
      { userName: 42 },
    ]) {
      const { response, body } = await post(bad);
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(body).toMatchObject({
        schemas: [errorSchema],
        status: '400',
        scimType: 'invalidValue',
      });
    }
    const junk = await service.call('/Users', {
      method: 'POST',
      headers: { 'content-type': 'application/scim+json' },
      body: '{ "acve": tre }',
    });
    expect(junk.status).toBe(400);
    expect(await junk.json()).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
    expect(await account('x@acme.io')).toBeNull();
  });

  it('answers 409 uniqueness for a userName the connection has (in any case), and changes nothing', async () => {
    await createUser('gi@acme.io');
    const { response, body } = await post({
      userName: 'GI@ACME.IO',
      emails: [{ value: 'other@acme.io' }],
    });
    expect(response.status).toBe(409);
    expect(body).toMatchObject({ schemas: [errorSchema], status: '409', scimType: 'uniqueness' });
    expect(await account('other@acme.io')).toBeNull();
  });

  it('adopts an account the organization already has with that email instead of creating a second one', async () => {
    const admin = service.roster.as({ accountId: service.ownerId, orgId: service.orgId });
    const { account: invited } = await admin.invite({ email: 'ha@acme.io', role: 'agent' });
    const body = await createUser('ha', { emails: [{ value: 'HA@acme.io', primary: true }] });
    expect((await account('ha@acme.io'))?.id).toBe(invited.id);
    expect(body.active).toBe(true);
  });
});

describe('GET /Users', () => {
  it('filters in the store: userName eq is case-insensitive, a random userName answers an empty list, and the window is SCIM’s', async () => {
    for (const name of ['ann@acme.io', 'ben@acme.io', 'cat@acme.io']) await createUser(name);
    const found = (await (
      await service.call(`/Users?filter=${encodeURIComponent('userName eq "ANN@acme.io"')}`)
    ).json()) as Json;
    expect(found).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
    });
    expect(found.Resources[0].userName).toBe('ann@acme.io');
    const none = (await (
      await service.call(
        `/Users?filter=${encodeURIComponent('userName eq "b1d4c9e2@example.com"')}`,
      )
    ).json()) as Json;
    expect(none).toMatchObject({ totalResults: 0, itemsPerPage: 0, Resources: [] });
    const page = (await (await service.call('/Users?startIndex=2&count=1')).json()) as Json;
    expect(page).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
    expect(page.Resources[0].userName).toBe('ben@acme.io');
    const clamped = (await (await service.call('/Users?startIndex=0&count=-4')).json()) as Json;
    expect(clamped).toMatchObject({ totalResults: 3, startIndex: 1, itemsPerPage: 0 });
  });

  it('refuses a filter it cannot read with 400 invalidFilter, and ignores unknown query parameters', async () => {
    const response = await service.call(`/Users?filter=${encodeURIComponent('userName sw O')}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: '400', scimType: 'invalidFilter' });
    expect((await service.call('/Users?sortBy=userName&foo=bar')).status).toBe(200);
  });

  it('returns only the attributes asked for (with id and schemas), or all but the excluded ones', async () => {
    await createUser('ivy@acme.io', {
      title: 'Lead',
      name: { givenName: 'Ivy', familyName: 'Sun' },
    });
    const only = (await (
      await service.call('/Users?attributes=userName,name.givenName')
    ).json()) as Json;
    expect(Object.keys(only.Resources[0]).sort()).toEqual(['id', 'name', 'schemas', 'userName']);
    expect(only.Resources[0].name).toEqual({ givenName: 'Ivy' });
    const without = (await (
      await service.call('/Users?excludedAttributes=title,emails')
    ).json()) as Json;
    expect(without.Resources[0].title).toBeUndefined();
    expect(without.Resources[0].emails).toBeUndefined();
    // Names may carry their schema's URN, in any case; an extension's sub-attribute is picked alone.
    const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
    await createUser('max@acme.io', { [enterprise]: { department: 'Ops', costCenter: '7' } });
    const filter = encodeURIComponent('userName eq "max@acme.io"');
    const urns = (await (
      await service.call(
        `/Users?filter=${filter}&attributes=${userSchema}:UserName,${enterprise}:department`,
      )
    ).json()) as Json;
    expect(urns.Resources[0]).toEqual({
      schemas: [userSchema],
      id: expect.any(String),
      userName: 'max@acme.io',
      [enterprise]: { department: 'Ops' },
    });
    expect(without.Resources[0].userName).toBe('ivy@acme.io');
  });
});

describe('GET, PUT, PATCH, DELETE /Users/{id}', () => {
  it('answers 404 with a SCIM error for an unknown id, one that cannot be an id, and after DELETE', async () => {
    const user = await createUser('jo@acme.io');
    for (const id of ['010101001010101', crypto.randomUUID(), 'x'.repeat(300)]) {
      const response = await service.call(`/Users/${id}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ schemas: [errorSchema], status: '404' });
    }
    expect((await service.call(`/Users/${user.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await service.call(`/Users/${user.id}`)).status).toBe(404);
  });

  it('DELETE deprovisions: deactivated, out of every space, unlinked, the account kept; a re-POST gets a new id', async () => {
    const user = await createUser('ka@acme.io');
    expect((await service.call(`/Users/${user.id}`, { method: 'DELETE' })).status).toBe(204);
    const kept = await account('ka@acme.io');
    expect(kept?.status).toBe('deactivated');
    expect(await rolesOf('ka@acme.io')).toEqual([]);
    const again = await createUser('ka@acme.io');
    expect(again.id).not.toBe(user.id);
    expect((await account('ka@acme.io'))?.id).toBe(kept?.id);
  });

  it('ETags: GET sends the version, If-None-Match gives 304, a stale If-Match gives 412 and changes nothing', async () => {
    const user = await createUser('lu@acme.io');
    const first = await service.call(`/Users/${user.id}`);
    const tag = first.headers.get('etag') as string;
    expect(tag).toMatch(/^W\/"\d+\.\d+"$/);
    expect(
      (await service.call(`/Users/${user.id}`, { headers: { 'if-none-match': tag } })).status,
    ).toBe(304);
    const changed = await patch(user.id, [{ op: 'replace', path: 'title', value: 'Boss' }], {
      'if-match': tag,
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
    const stale = await patch(user.id, [{ op: 'replace', path: 'title', value: 'Nope' }], {
      'if-match': tag,
    });
    expect(stale.status).toBe(412);
    expect((await get(user.id)).title).toBe('Boss');
  });

  it('PUT replaces the attributes, takes names, and without active deactivates nobody; a PUT without userName is a 400', async () => {
    const user = await createUser('mo@acme.io', { title: 'Agent', nickName: 'M' });
    const put = await service.call(`/Users/${user.id}`, {
      method: 'PUT',
      json: {
        schemas: [userSchema],
        userName: 'mo@acme.io',
        name: { givenName: 'Mo', familyName: 'Ray', formatted: 'NewName' },
      },
    });
    expect(put.status).toBe(200);
    const body = (await put.json()) as Json;
    expect(body).toMatchObject({
      active: true,
      name: { givenName: 'Mo', familyName: 'Ray', formatted: 'NewName' },
    });
    expect(body.title).toBeUndefined();
    expect((await account('mo@acme.io'))?.status).toBe('active');
    const bad = await service.call(`/Users/${user.id}`, {
      method: 'PUT',
      json: { userame: 'x', active: false },
    });
    expect(bad.status).toBe(400);
    expect((await account('mo@acme.io'))?.status).toBe('active');
  });

  it('PATCH: ops in any case, active as "False", replace without a path with dotted and URN keys, a filtered path that creates the entry, null ignored', async () => {
    const user = await createUser('ned@acme.io', {
      emails: [{ value: 'ned@acme.io', type: 'work', primary: true }],
    });
    expect((await patch(user.id, [{ op: 'Replace', path: 'active', value: 'False' }])).status).toBe(
      200,
    );
    expect((await account('ned@acme.io'))?.status).toBe('deactivated');
    expect((await patch(user.id, [{ op: 'replace', value: { active: true } }])).status).toBe(200);
    expect((await account('ned@acme.io'))?.status).toBe('active');
    const response = await patch(user.id, [
      {
        op: 'Replace',
        value: {
          'name.givenName': 'Ned',
          'urn:ietf:params:scim:schemas:core:2.0:User:title': 'Chief',
          nickName: null,
        },
      },
      { op: 'add', path: 'phoneNumbers[type eq "work"].value', value: '555-0100' },
    ]);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    expect(body.name.givenName).toBe('Ned');
    expect(body.title).toBe('Chief');
    expect(body.phoneNumbers).toEqual([{ type: 'work', value: '555-0100' }]);
    expect((await account('ned@acme.io'))?.firstName).toBe('Ned');
    // Entra sets the work email through a filtered path; on a user without a work email it creates the entry.
    const plain = await createUser('rae@acme.io');
    const work = await patch(plain.id, [
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'rae@acme.io' },
    ]);
    expect(work.status).toBe(200);
    expect(((await work.json()) as Json).emails).toContainEqual({
      type: 'work',
      value: 'rae@acme.io',
    });
  });

  it('PATCH refuses a changed email (rule 6), a bad body and a remove without a path with 400, changing nothing', async () => {
    const user = await createUser('ola@acme.io');
    const email = await patch(user.id, [
      { op: 'replace', path: 'emails', value: [{ value: 'new@acme.io', primary: true }] },
    ]);
    expect(email.status).toBe(400);
    expect(await email.json()).toMatchObject({ status: '400', scimType: 'invalidValue' });
    expect((await patch(user.id, [{ op: 'remove' }])).status).toBe(400);
    const notPatch = await service.call(`/Users/${user.id}`, {
      method: 'PATCH',
      json: { Operations: [] },
    });
    expect(notPatch.status).toBe(400);
    expect((await get(user.id)).emails).toEqual([{ value: 'ola@acme.io', primary: true }]);
  });

  it('the owner cannot be deactivated or deleted: 403, nothing changed, and an outbox alert for the admins', async () => {
    const owner = await createUser(service.ownerEmail);
    const response = await patch(owner.id, [{ op: 'replace', path: 'active', value: false }]);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ schemas: [errorSchema], status: '403' });
    expect((await service.call(`/Users/${owner.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await account(service.ownerEmail))?.status).toBe('active');
    const delivered: OwnerProtectedDelivery[] = [];
    const worker = startOutboxWorker(service.roster, {
      handlers: { 'provisioning.owner-protected': (payload) => void delivered.push(payload) },
      pollMs: 10,
    });
    await expect.poll(() => delivered.length).toBe(2);
    await worker.stop();
    expect(delivered.map(({ orgId: _, ...payload }) => payload)).toEqual([
      { accountId: service.ownerId, connectionId: service.connectionId, attempted: 'deactivate' },
      { accountId: service.ownerId, connectionId: service.connectionId, attempted: 'deprovision' },
    ]);
  });
});

describe('tenant isolation', () => {
  it('a token of one organization never reads or changes another’s users, and a POST of another org’s email never touches it', async () => {
    const other = await service.otherOrganization('Globex');
    const theirs = await service.call('/Users', {
      method: 'POST',
      token: other.token,
      json: { userName: 'pat@globex.io' },
    });
    expect(theirs.status).toBe(201);
    const theirId = ((await theirs.json()) as Json).id as string;
    expect((await service.call(`/Users/${theirId}`)).status).toBe(404);
    expect((await patch(theirId, [{ op: 'replace', path: 'active', value: false }])).status).toBe(
      404,
    );
    expect((await service.call(`/Users/${theirId}`, { method: 'DELETE' })).status).toBe(404);
    expect(((await (await service.call('/Users')).json()) as Json).totalResults).toBe(0);
    // The same email in this organization is a new account of this organization.
    const mine = await createUser('pat@globex.io');
    expect(mine.id).not.toBe(theirId);
    const pat = await account('pat@globex.io', other.orgId, other.ownerId);
    expect(pat?.status).toBe('active');
    expect((await account('pat@globex.io'))?.id).not.toBe(pat?.id);
  });
});
