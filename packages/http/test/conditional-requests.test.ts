import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterRoutes } from '../src/index.js';
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
      ].sort(),
    );
    const gets = rosterRoutes.filter((route) => route.method === 'GET' && route.etag !== undefined);
    expect(gets.map((route) => route.operationId).sort()).toEqual([
      'getAccount',
      'getOrganization',
    ]);
  });
});
