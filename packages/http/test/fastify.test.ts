import type { AddressInfo } from 'node:net';
import { memoryStore } from '@rosterkit/adapter-memory';
import { type Actor, createRoster } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRosterHandler } from '../src/index.js';
import { toNodeListener } from '../src/node/index.js';
import { spreadsheetUploads } from '../src/spreadsheets/index.js';
import type { Json } from './support/json.js';

// The guide says the Node listener serves Fastify: this mounts it exactly as
// the guide's snippet does, on a real Fastify server, and drives it with
// fetch. What can go wrong is Fastify's own body parsing, so the requests
// carry JSON and multipart bodies.

let app: FastifyInstance;
let url: string;
const sessions = new Map<string, Actor>();

beforeAll(async () => {
  const roster = createRoster({
    store: memoryStore(),
    policy: createPolicy(presets.contactCenter),
  });
  const { organization, owner } = await roster.createOrganization({
    name: 'Acme',
    owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' },
  });
  sessions.set('ana-token', { accountId: owner.id, orgId: organization.id });
  const handler = createRosterHandler(roster, {
    basePath: '/api/roster',
    authenticate: (request) => {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
      return (token === undefined ? undefined : sessions.get(token)) ?? null;
    },
    uploads: spreadsheetUploads(),
  });

  // docs/guides/http.md, "Mount it": the Fastify lines as they are there.
  const fastify = Fastify();
  const listener = toNodeListener(handler);
  fastify.register(async (api) => {
    api.removeAllContentTypeParsers();
    api.addContentTypeParser('*', (_request, _payload, done) => done(null));
    api.all('/api/roster/*', (request, reply) => {
      reply.hijack();
      listener(request.raw, reply.raw);
    });
  });

  app = fastify;
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/roster`;
});
afterAll(() => app.close());

function call(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const { token = 'ana-token', ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token !== '') headers.set('authorization', `Bearer ${token}`);
  return fetch(`${url}${path}`, { ...rest, headers });
}

describe('mounted on Fastify as the guide shows', () => {
  it('serves a GET with its ETag, and a 304 for that ETag', async () => {
    const first = await call('/organization');
    expect(first.status).toBe(200);
    expect(((await first.json()) as Json).name).toBe('Acme');
    const tag = first.headers.get('etag') ?? '';
    expect(tag).toMatch(/^"\d+"$/);
    const again = await call('/organization', { headers: { 'if-none-match': tag } });
    expect([again.status, await again.text()]).toEqual([304, '']);
  });

  it('reads a JSON body Fastify left unparsed', async () => {
    const created = await call('/spaces', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Leeds' }),
    });
    expect(created.status).toBe(201);
    expect(((await created.json()) as Json).name).toBe('Leeds');
    expect(created.headers.get('etag')).toMatch(/^"\d+"$/);
  });

  it('reads a multipart upload', async () => {
    const form = new FormData();
    const csv = ['Email*,First name,Last name,Role*', 'eve@acme.io,Eve,Ames,agent'].join('\n');
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'people.csv');
    const response = await call('/bulk/import?dryRun=true', { method: 'POST', body: form });
    expect(response.status).toBe(200);
    const report = (await response.json()) as Json;
    expect(report.lines.map((line: Json) => [line.row, line.status])).toEqual([[2, 'created']]);
  });

  it('answers an error as problem+json', async () => {
    const missing = await call('/accounts/nobody');
    expect([missing.status, missing.headers.get('content-type')]).toEqual([
      404,
      'application/problem+json',
    ]);
    expect(((await missing.json()) as Json).code).toBe('NOT_FOUND');
    const invalid = await call('/spaces', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect([invalid.status, invalid.headers.get('content-type')]).toEqual([
      400,
      'application/problem+json',
    ]);
  });

  it('answers a request without a session 401', async () => {
    const anonymous = await call('/accounts', { token: '' });
    expect([anonymous.status, anonymous.headers.get('content-type')]).toEqual([
      401,
      'application/problem+json',
    ]);
  });
});
