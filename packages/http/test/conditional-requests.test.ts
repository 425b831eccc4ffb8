import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Route, rosterRoutes } from '../src/index.js';
import type { Json } from './support/json.js';
import { startApi, type TestApi } from './support/server.js';

// HEAD on every GET route, If-None-Match (304) where a GET sends an ETag,
// and which writes take If-Match: every route that returns a versioned
// resource sends its ETag.

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startApi();
  admin = api.signIn(api.ownerId);
});
afterAll(() => api.close());

describe('HEAD', () => {
  it('answers like GET, headers and status, with no body', async () => {
    for (const path of ['/accounts', `/accounts/${api.ownerId}`, '/organization', '/spaces']) {
      const get = await api.call(path, { token: admin });
      const head = await api.call(path, { method: 'HEAD', token: admin });
      expect([path, head.status]).toEqual([path, get.status]);
      expect(await head.text()).toBe('');
      for (const name of ['content-type', 'etag', 'cache-control'])
        expect([path, name, head.headers.get(name)]).toEqual([path, name, get.headers.get(name)]);
    }
  });

  it('answers the document, and its errors keep their status without a body', async () => {
    const document = await api.call('/openapi.json', { method: 'HEAD' });
    expect([document.status, await document.text()]).toEqual([200, '']);
    const missing = await api.call('/accounts/nobody', { method: 'HEAD', token: admin });
    expect([missing.status, missing.headers.get('content-type'), await missing.text()]).toEqual([
      404,
      'application/problem+json',
      '',
    ]);
    const unauthenticated = await api.call('/accounts', { method: 'HEAD' });
    expect(unauthenticated.status).toBe(401);
    // A path with no GET route has no HEAD either.
    const post = await api.call('/bulk/import', { method: 'HEAD', token: admin });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'POST']);
  });
});

describe('If-None-Match', () => {
  it('is a 304 with the ETag and no body when the version is the one the client has', async () => {
    const first = await api.call(`/accounts/${api.ownerId}`, { token: admin });
    const tag = first.headers.get('etag') ?? '';
    expect(tag).toMatch(/^"\d+"$/);
    for (const header of [tag, `W/${tag}`, `"0", ${tag}`, '*']) {
      const again = await api.call(`/accounts/${api.ownerId}`, {
        token: admin,
        headers: { 'if-none-match': header },
      });
      expect([header, again.status, again.headers.get('etag'), await again.text()]).toEqual([
        header,
        304,
        tag,
        '',
      ]);
    }
    const head = await api.call('/organization', {
      method: 'HEAD',
      token: admin,
      headers: {
        'if-none-match':
          (await api.call('/organization', { token: admin })).headers.get('etag') ?? '',
      },
    });
    expect(head.status).toBe(304);
  });

  it('is the full 200 when the version changed', async () => {
    const before = await api.call('/organization', { token: admin });
    const tag = before.headers.get('etag') ?? '';
    await api.call('/organization/name', {
      method: 'PUT',
      token: admin,
      headers: { 'if-match': tag },
      json: { name: 'Acme 2' },
    });
    const after = await api.call('/organization', {
      token: admin,
      headers: { 'if-none-match': tag },
    });
    expect(after.status).toBe(200);
    expect(((await after.json()) as Json).name).toBe('Acme 2');
    expect(after.headers.get('etag')).not.toBe(tag);
  });

  it('is ignored by a write and by a GET without a version', async () => {
    const list = await api.call('/accounts', {
      token: admin,
      headers: { 'if-none-match': '*' },
    });
    expect(list.status).toBe(200);
  });
});

describe('If-Match against a racing writer', () => {
  it('a writer that slips in between the check and the command still makes it a 412: core checks the version in the write', async () => {
    // The check reads the version; another writer then changes the account
    // before the command runs. Core compares If-Match's version in its transaction.
    const racing = rosterRoutes.map(
      (route): Route =>
        route.operationId !== 'updateProfile'
          ? route
          : {
              ...route,
              currentVersion: async (context) => {
                const version = await (route.currentVersion?.(context) ?? Promise.resolve(0));
                const { accountId } = context.params as { accountId: string };
                await context.api.updateProfile({ accountId, lastName: 'Sneaked' });
                return version;
              },
            },
    );
    const raced = await startApi({ routes: racing });
    try {
      const owner = raced.signIn(raced.ownerId);
      const read = await raced.call(`/accounts/${raced.ownerId}`, { token: owner });
      const response = await raced.call(`/accounts/${raced.ownerId}`, {
        method: 'PATCH',
        token: owner,
        headers: { 'if-match': read.headers.get('etag') ?? '' },
        json: { firstName: 'Mine' },
      });
      expect([response.status, ((await response.json()) as Json).code]).toEqual([
        412,
        'PRECONDITION_FAILED',
      ]);
      const after = (await (
        await raced.call(`/accounts/${raced.ownerId}`, { token: owner })
      ).json()) as Json;
      expect([after.account.firstName, after.account.lastName]).toEqual(['Ana', 'Sneaked']);
    } finally {
      await raced.close();
    }
  });

  it('a stale `version` in the body (no If-Match) is core’s 409 CONFLICT', async () => {
    const read = (await (
      await api.call(`/accounts/${api.ownerId}`, { token: admin })
    ).json()) as Json;
    const response = await api.call(`/accounts/${api.ownerId}`, {
      method: 'PATCH',
      token: admin,
      json: { firstName: 'Body', version: read.account.version + 5 },
    });
    const body = (await response.json()) as Json;
    expect([response.status, body.code, body.details.reason]).toEqual([
      409,
      'CONFLICT',
      'stale-version',
    ]);
  });
});

describe('ETag and If-Match in the route table', () => {
  it('every write that checks If-Match answers 412 in the document, and GETs of one resource send an ETag', () => {
    const checked = rosterRoutes.filter((route) => route.currentVersion !== undefined);
    expect(checked.map((route) => route.operationId).sort()).toEqual(
      [
        'updateProfile',
        'deactivate',
        'reactivate',
        'linkExternalId',
        'removeFromTeam',
        'changeRole',
        'setRestrictions',
        'assignGroups',
        'setManager',
        'renameOrganization',
        'changePlan',
        'transferOwnership',
        'deleteOrganization',
        'renameSpace',
        'deleteSpace',
        'renameGroup',
        'deleteGroup',
        'updateRole',
        'deleteRole',
        'updateProvisioningConnection',
        'rotateProvisioningToken',
        'revokeProvisioningConnection',
      ].sort(),
    );
    const gets = rosterRoutes.filter((route) => route.method === 'GET' && route.etag !== undefined);
    expect(gets.map((route) => route.operationId).sort()).toEqual([
      'getAccount',
      'getOrganization',
    ]);
  });
});
