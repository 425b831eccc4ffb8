import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RateLimitRequest, rosterRoutes } from '../src/index.js';
import type { Json } from './support/json.js';
import { startApi, type TestApi } from './support/server.js';

// The defaults a product ships with: every route but accepting an
// invitation needs an actor, no CORS unless configured, browsers' cross-site
// writes refused, and a rate-limit hook in front of the public route.

const concrete = (path: string) => path.replaceAll(/\{[^}]+\}/g, 'x1');

describe('authentication', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('every route but accepting and declining an invitation is 401 without credentials', async () => {
    const open: string[] = [];
    for (const route of rosterRoutes) {
      const response = await api.call(concrete(route.path), { method: route.method });
      if (response.status !== 401) open.push(route.operationId);
    }
    expect(open).toEqual(['acceptInvitation', 'declineInvitation']);
  });

  it('a bad token on the public route is a 4xx problem, not an account', async () => {
    const response = await api.call('/invitations/accept', {
      method: 'POST',
      json: { token: 'guess' },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

describe('a host’s authenticate that returns a malformed actor', () => {
  it('is a 500 handed to onError, not a 400 blaming the client', async () => {
    const errors: unknown[] = [];
    const api = await startApi({
      authenticate: () => ({ accountId: '', orgId: 'o' }),
      onError: (error) => errors.push(error),
    });
    try {
      const response = await api.call('/accounts');
      expect([response.status, ((await response.json()) as Json).code]).toEqual([500, 'INTERNAL']);
      expect(String(errors[0])).toContain('authenticate returned no valid actor');
    } finally {
      await api.close();
    }
  });
});

describe('CORS and CSRF', () => {
  let plain: TestApi;
  let cors: TestApi;
  beforeAll(async () => {
    plain = await startApi();
    cors = await startApi({ cors: { origins: ['https://admin.acme.io'], credentials: true } });
  });
  afterAll(async () => {
    await plain.close();
    await cors.close();
  });

  it('sends no CORS headers unless configured, and answers no preflight', async () => {
    const token = plain.signIn(plain.ownerId);
    const response = await plain.call('/accounts', {
      token,
      headers: { origin: 'https://admin.acme.io' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await plain.call('/accounts', {
      method: 'OPTIONS',
      headers: { origin: 'https://admin.acme.io', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(405);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the configured origin only', async () => {
    const preflight = await cors.call('/accounts', {
      method: 'OPTIONS',
      headers: { origin: 'https://admin.acme.io', 'access-control-request-method': 'PATCH' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://admin.acme.io');
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('If-Match');
    const token = cors.signIn(cors.ownerId);
    const allowed = await cors.call('/accounts', {
      token,
      headers: { origin: 'https://admin.acme.io' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://admin.acme.io');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('ETag');
    const other = await cors.call('/accounts', {
      token,
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a write from another origin, or marked cross-site, and changes nothing', async () => {
    const token = cors.signIn(cors.ownerId);
    const attempt = (headers: Record<string, string>) =>
      cors.call('/spaces', { method: 'POST', token, headers, json: { name: 'Evil' } });
    for (const headers of [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ]) {
      const response = await attempt(headers);
      expect([response.status, ((await response.json()) as Json).code]).toEqual([
        403,
        'CROSS_SITE_REQUEST',
      ]);
    }
    // Same origin, an allowed one, and a non-browser client (no such headers) pass.
    const own = new URL(cors.url).origin;
    for (const headers of [{ origin: own }, { origin: 'https://admin.acme.io' }, {}]) {
      expect((await attempt(headers)).status).toBe(201);
    }
    // An HTML form (no Origin check needed): any media type but JSON is refused, even empty.
    const form = await cors.call(`/accounts/${cors.ownerId}/password-reset`, {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect([form.status, ((await form.json()) as Json).code]).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ]);
    // Reads are never refused for their origin: a browser does not let the other site see them.
    expect(
      (await cors.call('/accounts', { token, headers: { 'sec-fetch-site': 'cross-site' } })).status,
    ).toBe(200);
  });
});

describe('rate limits', () => {
  it('the hook sees every route with its auth, and its refusal is a 429 with Retry-After', async () => {
    const seen: RateLimitRequest[] = [];
    const api = await startApi({
      rateLimit: (_request, info) => {
        seen.push(info);
        return info.auth === 'public' ? { retryAfterSeconds: 30 } : true;
      },
    });
    try {
      const response = await api.call('/invitations/accept', {
        method: 'POST',
        json: { token: 't' },
      });
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('30');
      expect(((await response.json()) as Json).code).toBe('TOO_MANY_REQUESTS');
      // Declining takes a token like accepting: the same hook guards it.
      const declined = await api.call('/invitations/decline', {
        method: 'POST',
        json: { token: 't' },
      });
      expect([declined.status, declined.headers.get('retry-after')]).toEqual([429, '30']);
      const read = await api.call('/accounts', { token: api.signIn(api.ownerId) });
      expect(read.status).toBe(200);
      expect(seen).toEqual([
        { operationId: 'acceptInvitation', auth: 'public' },
        { operationId: 'declineInvitation', auth: 'public' },
        { operationId: 'listAccounts', auth: 'actor' },
      ]);
    } finally {
      await api.close();
    }
  });
});

describe('basePath', () => {
  it('serves nothing outside it', async () => {
    const api = await startApi();
    try {
      const root = api.url.replace('/api/roster', '');
      expect((await fetch(`${root}/accounts`)).status).toBe(404);
      expect((await fetch(`${root}/api/rosterx/accounts`)).status).toBe(404);
    } finally {
      await api.close();
    }
  });
});
