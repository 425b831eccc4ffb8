import { type ProblemCode, problemStatuses } from '../problem/problem-statuses.js';
import type { Route } from '../routes/route.js';
import { type JsonSchema, SchemaComponents } from './json-schema.js';

/**
 * Options of {@link createOpenApiDocument}.
 *
 * @category OpenAPI
 */
export interface OpenApiOptions {
  /** The server URL the paths are under (the handler's `basePath`). @defaultValue '/' */
  readonly serverUrl?: string;
  readonly title?: string;
  readonly version?: string;
  readonly description?: string;
  /** The path the document itself is served at, listed as an operation; none when absent. */
  readonly documentPath?: string;
}

/**
 * An OpenAPI 3.1 document, as plain JSON data.
 *
 * @category OpenAPI
 */
export type OpenApiDocument = { readonly openapi: '3.1.1' } & Readonly<Record<string, unknown>>;

const problemContent = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
};

function problemSchema(): JsonSchema {
  return {
    type: 'object',
    description: 'RFC 9457 problem details; `code` is the stable code to branch on.',
    required: ['type', 'title', 'status', 'detail', 'code', 'details'],
    properties: {
      type: { type: 'string', format: 'uri' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      code: { type: 'string', enum: Object.keys(problemStatuses).sort() },
      details: { type: 'object', additionalProperties: true },
    },
  };
}

function pathParameters(path: string): JsonSchema[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string', minLength: 1, maxLength: 191 },
  }));
}

function queryParameters(route: Route, components: SchemaComponents): JsonSchema[] {
  if (route.query === undefined) return [];
  const schema = components.convert(route.query, 'input');
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: 'query',
      required: required.has(name),
      ...(description === undefined ? {} : { description }),
      schema: rest,
    };
  });
}

// Every problem response of a status is the same (its codes, the Problem
// schema), so each is written once under `components.responses` and each
// operation refers to the ones it can answer.
const problemResponseName = (status: number) => `Problem${status}`;

function problemResponse(status: number): JsonSchema {
  const codes = (Object.keys(problemStatuses) as ProblemCode[])
    .filter((code) => problemStatuses[code] === status)
    .sort();
  return { description: codes.join(', '), content: problemContent };
}

function errorStatuses(route: Route): number[] {
  const statuses = new Set<number>([400, 403, 404, 409, 413, 415, 429, 500]);
  if (route.auth === 'actor') statuses.add(401);
  if (route.currentVersion !== undefined) statuses.add(412);
  return [...statuses].sort();
}

function errorResponses(route: Route): Record<string, unknown> {
  return Object.fromEntries(
    errorStatuses(route).map((status) => [
      String(status),
      { $ref: `#/components/responses/${problemResponseName(status)}` },
    ]),
  );
}

function operation(route: Route, components: SchemaComponents): JsonSchema {
  const parameters = [...pathParameters(route.path), ...queryParameters(route, components)];
  if (route.currentVersion !== undefined)
    parameters.push({ $ref: '#/components/parameters/IfMatch' });
  const conditionalGet = route.method === 'GET' && route.etag !== undefined;
  if (conditionalGet) parameters.push({ $ref: '#/components/parameters/IfNoneMatch' });
  const content: Record<string, unknown> = {};
  if (route.body !== undefined && route.method !== 'GET') {
    content['application/json'] = { schema: components.convert(route.body, 'input') };
  }
  if (route.upload !== undefined) {
    content['multipart/form-data'] = {
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: {
            type: 'string',
            contentMediaType: 'application/octet-stream',
            description: `The ${route.upload} sheet, as .csv or .xlsx.`,
          },
        },
      },
    };
  }
  const success: JsonSchema = { description: route.summary };
  if (route.response !== undefined) {
    success.content = {
      'application/json': { schema: components.convert(route.response, 'input') },
    };
  }
  const headers: Record<string, unknown> = {};
  if (route.etag !== undefined) headers.ETag = { $ref: '#/components/headers/ETag' };
  if (route.location !== undefined) headers.Location = { $ref: '#/components/headers/Location' };
  if (Object.keys(headers).length > 0) success.headers = headers;
  const notModified = conditionalGet
    ? {
        '304': {
          description: 'Not modified: `If-None-Match` holds the current version.',
          headers: { ETag: { $ref: '#/components/headers/ETag' } },
        },
      }
    : {};
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    security: route.auth === 'public' ? [] : [{ rosterActor: [] }],
    parameters,
    ...(Object.keys(content).length === 0
      ? {}
      : { requestBody: { required: route.bodyRequired ?? false, content } }),
    responses: { [String(route.status)]: success, ...notModified, ...errorResponses(route) },
  };
}

/**
 * The OpenAPI 3.1 document of a route table, generated from the routes'
 * zod schemas (core's command inputs and models) with zod's JSON Schema
 * output. The handler serves it (`openApiPath`); a build can write it out.
 *
 * @category OpenAPI
 * @example
 * ```ts
 * import { createOpenApiDocument, rosterRoutes } from '@rosterkit/http';
 *
 * const document = createOpenApiDocument(rosterRoutes, { serverUrl: '/api/roster', title: 'Acme admin API' });
 * ```
 */
export function createOpenApiDocument(
  routes: readonly Route[],
  options: OpenApiOptions = {},
): OpenApiDocument {
  const components = new SchemaComponents();
  const paths: Record<string, Record<string, unknown>> = {};
  const statuses = new Set<number>();
  for (const route of routes) {
    for (const status of errorStatuses(route)) statuses.add(status);
    const item = paths[route.path] ?? {};
    item[route.method.toLowerCase()] = operation(route, components);
    paths[route.path] = item;
  }
  if (options.documentPath !== undefined) {
    paths[options.documentPath] = {
      get: {
        operationId: 'getOpenApiDocument',
        summary: 'This document.',
        tags: ['Meta'],
        security: [],
        responses: {
          '200': {
            description: 'The OpenAPI document.',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      },
    };
  }
  return {
    openapi: '3.1.1',
    info: {
      title: options.title ?? 'rosterkit admin API',
      version: options.version ?? '1',
      ...(options.description === undefined ? {} : { description: options.description }),
    },
    servers: [
      {
        url: options.serverUrl === undefined || options.serverUrl === '' ? '/' : options.serverUrl,
      },
    ],
    paths,
    components: {
      schemas: { Problem: problemSchema(), ...components.schemas },
      responses: Object.fromEntries(
        [...statuses]
          .sort()
          .map((status) => [problemResponseName(status), problemResponse(status)]),
      ),
      parameters: {
        IfMatch: {
          name: 'If-Match',
          in: 'header',
          required: false,
          description:
            'The version read (`"3"`, the `ETag` or the body’s `version`); a stale one is a 412. Checked in the write itself.',
          schema: { type: 'string' },
        },
        IfNoneMatch: {
          name: 'If-None-Match',
          in: 'header',
          required: false,
          description: 'The version the client holds; unchanged, the answer is a 304 with no body.',
          schema: { type: 'string' },
        },
      },
      headers: {
        ETag: { description: 'The version, for `If-Match`.', schema: { type: 'string' } },
        Location: { description: 'The created resource.', schema: { type: 'string' } },
      },
      securitySchemes: {
        rosterActor: {
          type: 'http',
          scheme: 'bearer',
          description:
            'Whatever the host’s `authenticate` accepts (a bearer token, a session cookie).',
        },
      },
    },
  };
}
