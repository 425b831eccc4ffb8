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

function errorResponses(route: Route): Record<string, unknown> {
  const statuses = new Set<number>([400, 403, 404, 409, 413, 415, 429]);
  if (route.auth === 'actor') statuses.add(401);
  if (route.currentVersion !== undefined) statuses.add(412);
  const responses: Record<string, unknown> = {};
  for (const status of [...statuses].sort()) {
    const codes = (Object.keys(problemStatuses) as ProblemCode[])
      .filter((code) => problemStatuses[code] === status)
      .sort();
    responses[String(status)] = {
      description: codes.join(', '),
      content: problemContent,
    };
  }
  responses['500'] = { description: 'INTERNAL', content: problemContent };
  return responses;
}

function operation(route: Route, components: SchemaComponents): JsonSchema {
  const parameters = [...pathParameters(route.path), ...queryParameters(route, components)];
  if (route.currentVersion !== undefined) {
    parameters.push({
      name: 'If-Match',
      in: 'header',
      required: false,
      description:
        'The version read (`"3"`, the `ETag` or the body’s `version`); a stale one is a 412.',
      schema: { type: 'string' },
    });
  }
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
  if (route.etag !== undefined) {
    success.headers = {
      ETag: { description: 'The version, for `If-Match`.', schema: { type: 'string' } },
    };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    security: route.auth === 'public' ? [] : [{ rosterActor: [] }],
    parameters,
    ...(Object.keys(content).length === 0
      ? {}
      : { requestBody: { required: route.bodyRequired ?? false, content } }),
    responses: { [String(route.status)]: success, ...errorResponses(route) },
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
  for (const route of routes) {
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
