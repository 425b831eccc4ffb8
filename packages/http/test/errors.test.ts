import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemStatuses } from '../src/index.js';
import type { Json } from './support/json.js';
import { addPerson, startApi, type TestApi } from './support/server.js';

// Core's refusals, reached through real requests: each arrives with the
// table's status, and a refused request changes nothing.

let api: TestApi;
let owner: string;
let adminId: string;
let admin: string;
let agentId: string;
let agent: string;

beforeAll(async () => {
  api = await startApi({ maxBodyBytes: 4096 }, { requiredProfileFields: ['profile.phone'] });
  owner = api.signIn(api.ownerId);
  adminId = await addPerson(api, 'adi@acme.io', 'administrator');
  admin = api.signIn(adminId);
  agentId = await addPerson(api, 'bo@acme.io', 'agent', { managerId: adminId });
  agent = api.signIn(agentId);
});
afterAll(() => api.close());

async function problem(response: Response): Promise<[number, string, Json]> {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = (await response.json()) as Json;
  expect(body.status).toBe(response.status);
  expect(problemStatuses[body.code as keyof typeof problemStatuses]).toBe(response.status);
  return [response.status, body.code, body];
}

async function versionOf(accountId: string): Promise<number> {
  const body = (await (await api.call(`/accounts/${accountId}`, { token: owner })).json()) as Json;
  return body.account.version;
}

describe('401 and 403', () => {
  it('is 401 without credentials, with a challenge', async () => {
    const response = await api.call('/accounts');
    expect((await problem(response)).slice(0, 2)).toEqual([401, 'UNAUTHENTICATED']);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('is 401 for credentials the host does not recognize', async () => {
    const response = await api.call('/accounts', { token: 'forged' });
    expect((await problem(response)).slice(0, 2)).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('is 403 for a known actor without the permission, and nothing is created', async () => {
    const response = await api.call('/invitations', {
      method: 'POST',
      token: agent,
      json: { email: 'new@acme.io', role: 'agent' },
    });
    expect((await problem(response)).slice(0, 2)).toEqual([403, 'FORBIDDEN']);
    const list = (await (await api.call('/accounts?search=new', { token: owner })).json()) as Json;
    expect(list.total).toBe(0);
  });

  it('is 403 for SELF_ACTION and OWNER_PROTECTED', async () => {
    expect(
      (
        await problem(
          await api.call(`/accounts/${adminId}/deactivate`, { method: 'POST', token: admin }),
        )
      ).slice(0, 2),
    ).toEqual([403, 'SELF_ACTION']);
    expect(
      (
        await problem(
          await api.call(`/accounts/${api.ownerId}/deactivate`, { method: 'POST', token: admin }),
        )
      ).slice(0, 2),
    ).toEqual([403, 'OWNER_PROTECTED']);
  });
});

describe('the rest of core’s codes, from real requests', () => {
  it('INVALID_INPUT is 400 with the field paths', async () => {
    const [status, code, body] = await problem(
      await api.call('/invitations', {
        method: 'POST',
        token: owner,
        json: { email: 'nope', role: 'agent' },
      }),
    );
    expect([status, code]).toEqual([400, 'INVALID_INPUT']);
    expect(body.details.issues.map((issue: Json) => issue.path)).toEqual([['email']]);
  });

  it('a path field repeated in the body is INVALID_INPUT, not silently overridden', async () => {
    const [status, , body] = await problem(
      await api.call(`/accounts/${agentId}`, {
        method: 'PATCH',
        token: owner,
        json: { accountId: api.ownerId, firstName: 'X' },
      }),
    );
    expect(status).toBe(400);
    expect(body.details.issues).toEqual([{ path: ['accountId'], message: 'Unknown field' }]);
  });

  it('NOT_FOUND is 404', async () => {
    expect(
      (await problem(await api.call('/accounts/missing', { token: owner }))).slice(0, 2),
    ).toEqual([404, 'NOT_FOUND']);
  });

  it('INVALID_TRANSITION, ACCOUNT_EXISTS, EMAIL_IMMUTABLE and HAS_DIRECT_REPORTS are 409', async () => {
    const reactivate = await api.call(`/accounts/${agentId}/reactivate`, {
      method: 'POST',
      token: owner,
    });
    expect((await problem(reactivate)).slice(0, 2)).toEqual([409, 'INVALID_TRANSITION']);
    const exists = await api.call('/invitations', {
      method: 'POST',
      token: owner,
      json: { email: 'bo@acme.io', role: 'agent' },
    });
    expect((await problem(exists)).slice(0, 2)).toEqual([409, 'ACCOUNT_EXISTS']);
    const email = await api.call(`/accounts/${agentId}`, {
      method: 'PATCH',
      token: owner,
      json: { email: 'other@acme.io' },
    });
    expect((await problem(email)).slice(0, 2)).toEqual([409, 'EMAIL_IMMUTABLE']);
    const reports = await api.call(`/accounts/${adminId}/deactivate`, {
      method: 'POST',
      token: owner,
    });
    expect((await problem(reports)).slice(0, 3)[1]).toBe('HAS_DIRECT_REPORTS');
  });

  it('PROFILE_INCOMPLETE is 409 and lists the missing fields', async () => {
    const { account, token } = await api.roster
      .as({ accountId: api.ownerId, orgId: api.orgId })
      .invite({ email: 'cy@acme.io', role: 'agent', firstName: 'Cy', lastName: 'Wu' });
    await api.roster.acceptInvitation({ token });
    const [status, code, body] = await problem(
      await api.call(`/accounts/${account.id}/deactivate`, { method: 'POST', token: owner }),
    );
    expect([status, code, body.details.missingFields]).toEqual([
      409,
      'PROFILE_INCOMPLETE',
      ['profile.phone'],
    ]);
  });

  it('INVITATION_EXPIRED is 410', async () => {
    const { token } = await api.roster
      .as({ accountId: api.ownerId, orgId: api.orgId })
      .invite({ email: 'late@acme.io', role: 'agent' });
    api.clock.advance(8 * 24 * 3600 * 1000);
    const response = await api.call('/invitations/accept', {
      method: 'POST',
      json: { token, firstName: 'La', lastName: 'Te' },
    });
    expect((await problem(response)).slice(0, 2)).toEqual([410, 'INVITATION_EXPIRED']);
  });

  it('a deactivated actor is 403 (a known account that may not act), not 401', async () => {
    const temp = await addPerson(api, 'temp@acme.io', 'administrator');
    const session = api.signIn(temp);
    await api.call(`/accounts/${temp}/deactivate`, { method: 'POST', token: owner });
    const response = await api.call('/accounts', { token: session });
    expect((await problem(response)).slice(0, 2)).toEqual([403, 'ACTOR_INACTIVE']);
  });
});

describe('If-Match', () => {
  it('is 412 on a stale version, and the account is unchanged', async () => {
    const before = await versionOf(agentId);
    const response = await api.call(`/accounts/${agentId}`, {
      method: 'PATCH',
      token: owner,
      headers: { 'if-match': `"${before - 1 || 99}"` },
      json: { firstName: 'Stale' },
    });
    const [status, code, body] = await problem(response);
    expect([status, code, body.details.currentEtag]).toEqual([
      412,
      'PRECONDITION_FAILED',
      `"${before}"`,
    ]);
    expect(await versionOf(agentId)).toBe(before);
  });

  it('holds for the current version, a list holding it, and *; never for a weak tag', async () => {
    let version = 0;
    for (const tagOf of [(v: number) => `"${v}"`, (v: number) => `"0", "${v}"`, () => '*']) {
      version = await versionOf(agentId);
      const tag = tagOf(version);
      const response = await api.call(`/accounts/${agentId}`, {
        method: 'PATCH',
        token: owner,
        headers: { 'if-match': tag },
        json: { lastName: `L${version}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe(`"${version + 1}"`);
    }
    version = await versionOf(agentId);
    const weak = await api.call(`/accounts/${agentId}`, {
      method: 'PATCH',
      token: owner,
      headers: { 'if-match': `W/"${version}"` },
      json: { lastName: 'Weak' },
    });
    expect(weak.status).toBe(412);
  });

  it('of two writers that read the same version, the second gets 412 and its change is not applied', async () => {
    const read = (await (
      await api.call(`/spaces/${api.defaultSpaceId}/members?search=bo`, { token: owner })
    ).json()) as Json;
    const membership = read.items[0].memberships.find(
      (m: Json) => m.spaceId === api.defaultSpaceId,
    );
    const tag = `"${membership.version}"`;
    const write = (restrictions: string[]) =>
      api.call(`/spaces/${api.defaultSpaceId}/members/${agentId}/restrictions`, {
        method: 'PUT',
        token: owner,
        headers: { 'if-match': tag },
        json: { restrictions },
      });
    expect((await write(['first'])).status).toBe(200);
    const second = await write(['second']);
    expect((await problem(second)).slice(0, 2)).toEqual([412, 'PRECONDITION_FAILED']);
    const after = (await (await api.call(`/accounts/${agentId}`, { token: owner })).json()) as Json;
    expect(
      after.memberships.find((m: Json) => m.spaceId === api.defaultSpaceId).restrictions,
    ).toEqual(['first']);
  });

  it('is 428 when required and missing', async () => {
    const strict = await startApi({ requireIfMatch: true });
    try {
      const token = strict.signIn(strict.ownerId);
      const response = await strict.call(`/accounts/${strict.ownerId}`, {
        method: 'PATCH',
        token,
        json: { firstName: 'X' },
      });
      expect((await problem(response)).slice(0, 2)).toEqual([428, 'PRECONDITION_REQUIRED']);
    } finally {
      await strict.close();
    }
  });
});

describe('bodies the handler refuses before anything is read', () => {
  const invite = (init: RequestInit) =>
    api.call('/invitations', { method: 'POST', token: owner, ...init });
  const invited = async () =>
    ((await (await api.call('/accounts?search=zed', { token: owner })).json()) as Json).total;

  it('malformed JSON is 400 MALFORMED_BODY', async () => {
    const response = await invite({
      headers: { 'content-type': 'application/json' },
      body: '{"email": "zed@',
    });
    expect((await problem(response)).slice(0, 2)).toEqual([400, 'MALFORMED_BODY']);
    expect(await invited()).toBe(0);
  });

  it('a body that is not JSON is 415, listing what is accepted', async () => {
    const response = await invite({
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ email: 'zed@acme.io', role: 'agent' }),
    });
    const [status, code, body] = await problem(response);
    expect([status, code, body.details.accepted]).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      ['application/json'],
    ]);
    expect(await invited()).toBe(0);
  });

  it('a body over maxBodyBytes is 413, whether declared or streamed', async () => {
    const big = JSON.stringify({
      email: 'zed@acme.io',
      role: 'agent',
      firstName: 'x'.repeat(5000),
    });
    const declared = await invite({ headers: { 'content-type': 'application/json' }, body: big });
    const [status, code, body] = await problem(declared);
    expect([status, code, body.details.limit]).toEqual([413, 'PAYLOAD_TOO_LARGE', 4096]);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await invite({
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect((await problem(streamed)).slice(0, 2)).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(await invited()).toBe(0);
  });

  it('a missing required body, a repeated or unknown query parameter are 400', async () => {
    expect((await problem(await invite({}))).slice(0, 2)).toEqual([400, 'INVALID_INPUT']);
    const twice = await api.call('/accounts?limit=1&limit=2', { token: owner });
    expect((await problem(twice))[2].details.issues[0].path).toEqual(['limit']);
    const unknown = await api.call('/accounts?colour=red', { token: owner });
    expect((await problem(unknown))[2].details.issues[0].path).toEqual(['colour']);
    const bad = await api.call('/accounts?status=active,asleep&sort=age', { token: owner });
    const paths = (await problem(bad))[2].details.issues.map((issue: Json) => issue.path[0]);
    expect(paths.sort()).toEqual(['sort', 'status']);
  });
});

describe('paths and methods', () => {
  it('is 404 outside the routes and 405 with Allow for a wrong method', async () => {
    expect((await problem(await api.call('/nothing-here', { token: owner }))).slice(0, 2)).toEqual([
      404,
      'ROUTE_NOT_FOUND',
    ]);
    const outside = await fetch(api.url.replace('/api/roster', '/elsewhere'));
    expect(outside.status).toBe(404);
    const wrong = await api.call('/accounts', { method: 'DELETE', token: owner });
    expect((await problem(wrong)).slice(0, 2)).toEqual([405, 'METHOD_NOT_ALLOWED']);
    // A GET route answers HEAD too, so Allow lists it (RFC 9110 §9.3.2).
    expect(wrong.headers.get('allow')).toBe('GET, HEAD');
  });
});
