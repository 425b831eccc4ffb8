import { type Roster, RosterError } from '@rosterkit/core';
import { parseJson, readBody } from '@rosterkit/http';
import { ScimError } from '../scim-error.js';
import { discovery } from './discovery-endpoints.js';
import {
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  patchGroup,
  replaceGroup,
} from './group-endpoints.js';
import type { ScimContext } from './scim-context.js';
import type { ScimHandlerOptions } from './scim-handler-options.js';
import { toScimError } from './to-scim-error.js';
import {
  createUser,
  deleteUser,
  getUser,
  listUsers,
  patchUser,
  replaceUser,
} from './user-endpoints.js';

/**
 * A Web-standard request handler for a SCIM service: `(request) =>
 * Promise<Response>`. It never rejects: every failure is a SCIM error body.
 *
 * @category Handler
 */
export type ScimHandler = (request: Request) => Promise<Response>;

/** The challenge of every 401 (RFC 7644 §2, RFC 6750 §3). */
const challenge = { 'www-authenticate': 'Bearer realm="SCIM"' };

type Endpoint = (ctx: ScimContext, id: string) => Promise<Response>;
type Resource = {
  collection: Partial<Record<string, (ctx: ScimContext) => Promise<Response>>>;
  item: Partial<Record<string, Endpoint>>;
};

// Endpoint names are matched case-insensitively: Microsoft's collection
// calls `/users` (its request paths are lower case) where RFC 7644 writes `/Users`.
const resources: Record<string, Resource> = {
  users: {
    collection: { GET: listUsers, POST: createUser },
    item: { GET: getUser, PUT: replaceUser, PATCH: patchUser, DELETE: deleteUser },
  },
  groups: {
    collection: { GET: listGroups, POST: createGroup },
    item: { GET: getGroup, PUT: replaceGroup, PATCH: patchGroup, DELETE: deleteGroup },
  },
};

function normalizeBase(basePath: string | undefined): string {
  const trimmed = (basePath ?? '/scim/v2').replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function unauthenticated(detail: string): ScimError {
  return new ScimError(401, undefined, detail);
}

function methodNotAllowed(methods: readonly string[]): Response {
  const response = new ScimError(405, undefined, `Allowed: ${methods.join(', ')}.`).toResponse();
  response.headers.set('allow', methods.join(', '));
  return response;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ScimError(
      400,
      'invalidSyntax',
      `The path segment ${segment} is not valid percent-encoding.`,
    );
  }
}

function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}

/**
 * A SCIM 2.0 service (RFC 7643, RFC 7644) for identity providers (Okta,
 * Microsoft Entra ID, OneLogin, JumpCloud) as one fetch handler: `/Users`
 * and `/Groups` (list with `filter`, `startIndex`, `count`, `attributes`,
 * `excludedAttributes`; POST, GET, PUT, PATCH, DELETE), and the discovery
 * documents `/ServiceProviderConfig`, `/ResourceTypes` and `/Schemas`
 * (without authentication). Every other request needs a provisioning
 * connection's token (`Authorization: Bearer rkscim_…`, from
 * `createProvisioningConnection`): the organization and the connection
 * come from the token alone, so one token never reads or changes another
 * organization. Responses are `application/scim+json`; errors are SCIM
 * error bodies (`status` as a string, `scimType`), a 401 carries
 * `WWW-Authenticate: Bearer realm="SCIM"`; `ETag`, `If-Match` and
 * `If-None-Match` carry a resource's version.
 *
 * What a SCIM User and Group are in rosterkit (an account and its
 * membership of the connection's space; a group of that space, with roles
 * by group) is the provisioning guide's mapping table. Mount it as it is
 * where the platform speaks `Request`/`Response`, or through
 * `toNodeListener` of `@rosterkit/http/node`.
 *
 * @category Handler
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { toNodeListener } from '@rosterkit/http/node';
 * import { createScimHandler } from '@rosterkit/scim';
 *
 * const scim = createScimHandler(roster, { basePath: '/scim/v2' });
 * createServer(toNodeListener(scim)).listen(3000);
 * // In Okta: SCIM connector base URL https://app.acme.io/scim/v2, HTTP header auth with the connection's token.
 * ```
 */
export function createScimHandler(roster: Roster, options: ScimHandlerOptions = {}): ScimHandler {
  const basePath = normalizeBase(options.basePath);
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const configuredBase = options.baseUrl?.replace(/\/+$/, '');

  async function serve(request: Request, url: URL, baseUrl: string): Promise<Response> {
    const path = url.pathname.slice(basePath.length);
    const segments = path
      .split('/')
      .filter((segment) => segment !== '')
      .map(decodeSegment);
    if (request.method === 'GET' || request.method === 'HEAD') {
      const document = discovery(baseUrl, segments);
      if (document !== undefined) return document;
    }
    const [name, id, ...rest] = segments;
    const resource = name === undefined ? undefined : resources[name.toLowerCase()];
    if (resource === undefined || rest.length > 0) {
      throw new ScimError(404, undefined, `No SCIM endpoint is ${url.pathname}.`);
    }
    const methods = id === undefined ? resource.collection : resource.item;
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const endpoint = methods[method];
    if (endpoint === undefined) return methodNotAllowed(Object.keys(methods));
    const token = bearerToken(request);
    if (token === undefined)
      throw unauthenticated('Send the connection’s token as a Bearer token.');
    const found = await roster.authenticateProvisioner(token);
    if (found === null) throw unauthenticated('The token is not a provisioning connection’s.');
    let body: Promise<unknown> | undefined;
    const ctx: ScimContext = {
      api: roster.as(found.actor),
      request,
      url,
      baseUrl,
      userPatchResponse: options.userPatchResponse ?? 'resource',
      body: () => {
        body ??= readBody(request, maxBodyBytes).then(parseJson);
        return body;
      },
    };
    const response = await endpoint(ctx, id as string);
    if (request.method !== 'HEAD') return response;
    return new Response(null, { status: response.status, headers: response.headers });
  }

  return async (request) => {
    try {
      const url = new URL(request.url);
      const inside = url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
      if (!inside) throw new ScimError(404, undefined, `No SCIM endpoint is ${url.pathname}.`);
      const baseUrl = configuredBase ?? `${url.origin}${basePath}`;
      return await serve(request, url, baseUrl);
    } catch (error) {
      // A connection revoked (or deleted) between authentication and the call is unauthenticated too.
      if (
        RosterError.isInstance(error, 'ACTOR_UNKNOWN') ||
        RosterError.isInstance(error, 'ACTOR_INACTIVE')
      ) {
        const response = unauthenticated('The connection’s token no longer works.').toResponse();
        for (const [key, value] of Object.entries(challenge)) response.headers.set(key, value);
        return response;
      }
      const scim = toScimError(error);
      if (scim === undefined) {
        options.onError?.(error, request);
        return new ScimError(500, undefined, 'The service failed; try again later.').toResponse();
      }
      const response = scim.toResponse();
      if (scim.status === 401) {
        for (const [key, value] of Object.entries(challenge)) response.headers.set(key, value);
      }
      return response;
    }
  };
}
