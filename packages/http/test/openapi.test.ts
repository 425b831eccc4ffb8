import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenApiDocument, rosterRoutes } from '../src/index.js';
import type { Json } from './support/json.js';
import { startApi, type TestApi } from './support/server.js';

// The document the handler serves validates as OpenAPI 3.1, and it lists
// exactly the operations the handler serves: none missing, none extra.

let api: TestApi;
let document: Json;
beforeAll(async () => {
  api = await startApi();
  const response = await api.call('/openapi.json');
  expect(response.status).toBe(200);
  document = (await response.json()) as Json;
});
afterAll(() => api.close());

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

function documented(): string[] {
  return Object.entries(document.paths as Record<string, Json>).flatMap(([path, item]) =>
    methods
      .filter((method) => item[method] !== undefined)
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** What a `$ref` inside the document points at; anything else as it is. */
function resolved(value: Json): Json {
  if (typeof value.$ref !== 'string') return value;
  const target = (value.$ref as string)
    .replace(/^#\//, '')
    .split('/')
    .reduce((node: Json, key) => node?.[key], document);
  if (target === undefined) throw new Error(`dangling ${value.$ref}`);
  return resolved(target);
}

/** Every `$ref` in a value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === '$ref' && typeof item === 'string' ? [item] : refsIn(item),
  );
}

/** A concrete path for a template: every parameter a made-up id. */
const concrete = (path: string) => path.replaceAll(/\{[^}]+\}/g, 'x1');

function matches(template: string, path: string): boolean {
  const a = template.split('/');
  const b = path.split('/');
  return (
    a.length === b.length &&
    a.every((segment, index) => segment.startsWith('{') || segment === b[index])
  );
}

describe('the OpenAPI document', () => {
  it('is served without credentials and validates as OpenAPI 3.1', async () => {
    expect(document.openapi).toBe('3.1.1');
    expect(document.servers).toEqual([{ url: '/api/roster' }]);
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('is what createOpenApiDocument makes of the route table', () => {
    expect(document).toEqual(
      createOpenApiDocument(rosterRoutes, {
        serverUrl: '/api/roster',
        documentPath: '/openapi.json',
      }),
    );
  });

  it('lists every route of the table, and nothing else', () => {
    const fromTable = [
      ...rosterRoutes.map((route) => `${route.method} ${route.path}`),
      'GET /openapi.json',
    ];
    expect(documented().sort()).toEqual(fromTable.sort());
    const operationIds = documented().map((entry) => {
      const [method, path] = entry.split(' ') as [string, string];
      return document.paths[path][method.toLowerCase()].operationId;
    });
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it('every documented operation is served: none answers 404 ROUTE_NOT_FOUND or 405', async () => {
    for (const entry of documented()) {
      const [method, path] = entry.split(' ') as [string, string];
      const response = await api.call(concrete(path), { method, token: api.signIn(api.ownerId) });
      const body = response.status === 204 ? {} : ((await response.json()) as Json);
      expect([entry, body.code]).not.toEqual([entry, 'ROUTE_NOT_FOUND']);
      expect([entry, response.status]).not.toEqual([entry, 405]);
    }
  });

  it('no method is served on a documented path that the document does not list', async () => {
    for (const path of Object.keys(document.paths as Record<string, Json>)) {
      // A literal path can also match a template (`/invitations/accept` and
      // `/invitations/{invitationId}`): what it answers is the methods of both.
      const allowed = new Set(
        Object.entries(document.paths as Record<string, Json>)
          .filter(([template]) => matches(template, concrete(path)))
          .flatMap(([, other]) => methods.filter((candidate) => other[candidate] !== undefined))
          .map((method) => method.toUpperCase()),
      );
      // A GET route answers HEAD too (its body left out), and Allow says so.
      const allow = allowed.has('GET') ? [...allowed, 'HEAD'] : [...allowed];
      for (const method of methods.map((m) => m.toUpperCase()).filter((m) => !allowed.has(m))) {
        const response = await api.call(concrete(path), { method, token: api.signIn(api.ownerId) });
        expect([method, path, response.status]).toEqual([method, path, 405]);
        expect((response.headers.get('allow') ?? '').split(', ').sort()).toEqual(allow.sort());
      }
    }
  });

  it('documents bodies from core’s schemas, the upload, If-Match and the problem responses', () => {
    const invite = document.paths['/invitations'].post;
    const schema = invite.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['email', 'role']);
    expect(schema.additionalProperties).toBe(false);
    const patch = document.paths['/accounts/{accountId}'].patch;
    expect(patch.requestBody.content['application/json'].schema.properties).not.toHaveProperty(
      'accountId',
    );
    expect(patch.parameters.map((parameter: Json) => resolved(parameter).name)).toEqual([
      'accountId',
      'If-Match',
    ]);
    expect(resolved(patch.responses['412']).content).toHaveProperty('application/problem+json');
    expect(resolved(patch.responses['412']).description).toBe('PRECONDITION_FAILED');
    const bulk = document.paths['/bulk/import'].post;
    expect(Object.keys(bulk.requestBody.content)).toEqual([
      'application/json',
      'multipart/form-data',
    ]);
    expect(bulk.parameters.map((parameter: Json) => parameter.name)).toEqual(['dryRun', 'space']);
    const list = document.paths['/accounts'].get;
    expect(list.parameters.map((parameter: Json) => parameter.name)).toEqual([
      'search',
      'status',
      'role',
      'spaceId',
      'groupId',
      'sort',
      'cursor',
      'limit',
    ]);
    const get = document.paths['/accounts/{accountId}'].get;
    expect(get.parameters.map((parameter: Json) => resolved(parameter).name)).toEqual([
      'accountId',
      'If-None-Match',
    ]);
    expect(Object.keys(get.responses)).toEqual(expect.arrayContaining(['200', '304']));
    expect(document.paths['/invitations/accept'].post.security).toEqual([]);
    const publicOps = documented().filter((entry) => {
      const [method, path] = entry.split(' ') as [string, string];
      return document.paths[path][method.toLowerCase()].security.length === 0;
    });
    expect(publicOps.sort()).toEqual([
      'GET /openapi.json',
      'POST /invitations/accept',
      'POST /invitations/decline',
    ]);
  });

  it('writes each shared schema once, as a component, and refers to it with $ref', () => {
    const schemas = document.components.schemas as Record<string, Json>;
    for (const name of ['Account', 'Membership', 'Organization', 'Space', 'Group', 'Invitation'])
      expect(schemas).toHaveProperty(name);
    const body = (path: string, method: string, status: string) =>
      document.paths[path][method].responses[status].content['application/json'].schema;
    expect(body('/accounts/{accountId}', 'get', '200')).toEqual({
      $ref: '#/components/schemas/AccountWithMemberships',
    });
    expect(body('/accounts/{accountId}', 'patch', '200')).toEqual({
      $ref: '#/components/schemas/Account',
    });
    expect(schemas.AccountWithMemberships?.properties.account).toEqual({
      $ref: '#/components/schemas/Account',
    });
    // No copy of a component is left inline anywhere in the paths.
    const paths = JSON.stringify(document.paths);
    for (const [name, schema] of Object.entries(schemas)) {
      if (JSON.stringify(schema).length < 200) continue;
      expect([name, paths.includes(JSON.stringify(schema))]).toEqual([name, false]);
    }
    // Every reference resolves, and every component is referred to.
    const refs = new Set(refsIn(document));
    for (const ref of refs) expect(() => resolved({ $ref: ref })).not.toThrow();
    for (const kind of ['schemas', 'responses', 'parameters', 'headers'] as const) {
      for (const name of Object.keys(document.components[kind] as Json))
        expect([kind, name, refs.has(`#/components/${kind}/${name}`)]).toEqual([kind, name, true]);
    }
  });
});
