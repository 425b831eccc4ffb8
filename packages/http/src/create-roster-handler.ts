import { Actor, type ActorApi, type BulkReport, type Roster, RosterError } from '@rosterkit/core';
import { createOpenApiDocument, type OpenApiDocument } from './openapi/openapi-document.js';
import type { RosterHandlerOptions } from './options.js';
import { HttpProblem } from './problem/http-problem.js';
import { checkCrossSite, corsHeaders, preflight } from './request/cross-origin.js';
import { ifMatchHolds, ifNoneMatchHolds, preconditionFailed, versionTag } from './request/etag.js';
import { readRouteInput } from './request/route-input.js';
import { jsonResponse, problemResponse } from './respond.js';
import { compileRoutes } from './routes/match-route.js';
import type { Route, RouteContext } from './routes/route.js';
import { rosterRoutes } from './routes/route-table.js';

/**
 * A Web-standard request handler: `(request) => Promise<Response>`. It never
 * rejects: every failure is a problem+json response.
 *
 * @category Handler
 */
export type RosterHandler = (request: Request) => Promise<Response>;

function normalizeBase(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** A HEAD's answer: the GET's status and headers, no body. */
function withoutBody(head: boolean, response: Response): Response {
  if (!head) return response;
  return new Response(null, { status: response.status, headers: response.headers });
}

/**
 * A stale version that core found inside the write (another writer got in
 * between the `If-Match` check and the command) is the same failed
 * precondition as one found before: a 412, not a 409.
 */
function staleAsPrecondition(error: unknown, route: Route, request: Request): unknown {
  const header = request.headers.get('if-match');
  if (header === null || route.currentVersion === undefined) return error;
  if (!RosterError.isInstance(error, 'CONFLICT')) return error;
  if ((error.details as { reason?: string }).reason !== 'stale-version') return error;
  return new HttpProblem(
    'PRECONDITION_FAILED',
    `The resource changed while this request ran; If-Match asked for ${header}. Reload it and retry.`,
    { ifMatch: header },
  );
}

/**
 * The admin API of a roster as one fetch handler: every route of
 * {@link rosterRoutes} (or `options.routes`), JSON bodies validated by core's
 * zod schemas, errors as RFC 9457 problem details by {@link problemStatuses},
 * versions as `ETag` / `If-Match` (a stale one is a 412), `If-None-Match`
 * (a 304) and HEAD on every GET route, and the OpenAPI document at
 * `{basePath}/openapi.json`. Mount it as it is where the platform speaks
 * `Request`/`Response` (Next.js route handlers, Hono's `c.req.raw`, Bun,
 * Deno), or through `@rosterkit/http/node` on `node:http`, Express, Fastify.
 *
 * Security defaults: every route but `POST /invitations/accept` and
 * `POST /invitations/decline` needs an actor from `authenticate`; no CORS headers unless `cors` is given; a
 * browser's cross-site write is refused; bodies are capped; a 500 says
 * nothing of its cause.
 *
 * @category Handler
 * @example
 * ```ts
 * import { createRosterHandler } from '@rosterkit/http';
 *
 * const handler = createRosterHandler(roster, {
 *   basePath: '/api/roster',
 *   authenticate: async (request) => {
 *     const session = await sessions.read(request.headers.get('authorization'));
 *     return session === null ? null : { accountId: session.accountId, orgId: session.orgId };
 *   },
 * });
 * const response = await handler(new Request('http://localhost/api/roster/accounts'));
 * ```
 */
export function createRosterHandler(roster: Roster, options: RosterHandlerOptions): RosterHandler {
  const basePath = normalizeBase(options.basePath);
  const routes = options.routes ?? rosterRoutes;
  const matcher = compileRoutes(routes);
  const documentPath =
    options.openApiPath === false ? undefined : (options.openApiPath ?? '/openapi.json');
  let document: OpenApiDocument | undefined;
  const limits = {
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    maxUploadBytes: options.maxUploadBytes ?? 10 * 1024 * 1024,
    uploads: options.uploads,
  };
  const allowedOrigins = new Set([
    ...(options.cors?.origins ?? []),
    ...(options.trustedOrigins ?? []),
  ]);

  async function serve(request: Request, url: URL, path: string): Promise<Response> {
    // HEAD is a GET whose body is left out: the same checks, status and headers.
    const head = request.method === 'HEAD';
    if (documentPath !== undefined && path === documentPath) {
      if (request.method !== 'GET' && !head) {
        throw new HttpProblem(
          'METHOD_NOT_ALLOWED',
          `${path} takes GET, HEAD.`,
          { allowed: ['GET', 'HEAD'] },
          { allow: 'GET, HEAD' },
        );
      }
      document ??= createOpenApiDocument(routes, {
        serverUrl: basePath,
        documentPath,
        ...options.openApiInfo,
      });
      return withoutBody(head, jsonResponse(200, document, {}));
    }
    const { route, params } = matcher.match(request.method, path);
    checkCrossSite(request, allowedOrigins);
    if (options.rateLimit !== undefined) {
      const verdict = await options.rateLimit(request, {
        operationId: route.operationId,
        auth: route.auth,
      });
      if (verdict !== true) {
        const seconds = Math.max(0, Math.ceil(verdict.retryAfterSeconds));
        throw new HttpProblem(
          'TOO_MANY_REQUESTS',
          `Too many requests; retry in ${seconds} s.`,
          { retryAfterSeconds: seconds },
          { 'retry-after': String(seconds) },
        );
      }
    }
    const actor = route.auth === 'actor' ? await authenticated(request) : undefined;
    const input = await readRouteInput(route, request, url, limits);
    const api: ActorApi | undefined = actor === undefined ? undefined : roster.as(actor);
    const context: RouteContext<string, unknown, unknown> = {
      get api(): ActorApi {
        if (api === undefined)
          throw new TypeError(`${route.operationId} is public: it has no actor`);
        return api;
      },
      roster,
      params,
      query: input.query,
      body: input.body,
      request,
    };
    await checkPrecondition(route, context, request);
    let result: unknown;
    try {
      result = await route.call(context);
    } catch (error) {
      throw staleAsPrecondition(error, route, request);
    }
    const headers: Record<string, string> = {};
    const version =
      route.etag !== undefined && result !== undefined ? route.etag(result) : undefined;
    if (version !== undefined) headers.etag = versionTag(version);
    if (route.location !== undefined && route.status === 201 && result !== undefined)
      headers.location = `${basePath}${route.location(result)}`;
    const ifNoneMatch = request.headers.get('if-none-match');
    if (route.method === 'GET' && version !== undefined && ifNoneMatch !== null) {
      if (ifNoneMatchHolds(ifNoneMatch, version)) return jsonResponse(304, undefined, headers);
    }
    const body = input.upload === undefined ? result : input.upload.report(result as BulkReport);
    return withoutBody(head, jsonResponse(route.status, body, headers));
  }

  function unauthenticated(message: string): HttpProblem {
    return new HttpProblem(
      'UNAUTHENTICATED',
      message,
      {},
      { 'www-authenticate': options.challenge ?? 'Bearer' },
    );
  }

  async function authenticated(request: Request): Promise<Actor> {
    const actor = await options.authenticate(request);
    if (actor === null) throw unauthenticated('Sign in to call this route.');
    // A malformed actor is the host's bug, not the client's: a 500 (and onError), never a 400.
    const checked = Actor.safeParse(actor);
    if (!checked.success)
      throw new Error(`authenticate returned no valid actor: ${checked.error.message}`);
    return checked.data;
  }

  async function checkPrecondition(
    route: Route,
    context: RouteContext<string, unknown, unknown>,
    request: Request,
  ) {
    if (route.currentVersion === undefined) return;
    const header = request.headers.get('if-match');
    if (header === null) {
      if (options.requireIfMatch === true) {
        throw new HttpProblem(
          'PRECONDITION_REQUIRED',
          `${route.operationId} needs an If-Match header.`,
        );
      }
      return;
    }
    const version = await route.currentVersion(context);
    if (!ifMatchHolds(header, version)) throw preconditionFailed(header, version);
  }

  return async (request) => {
    const head = request.method === 'HEAD';
    const cors = corsHeaders(request, options.cors);
    try {
      const url = new URL(request.url);
      const inside = url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
      if (!inside) throw new HttpProblem('ROUTE_NOT_FOUND', `No route is ${url.pathname}.`);
      const path = url.pathname.slice(basePath.length) || '/';
      if (request.method === 'OPTIONS') {
        const answer = preflight(request, options.cors);
        if (answer !== undefined) return answer;
      }
      const response = await serve(request, url, path);
      for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
      return response;
    } catch (error) {
      // Credentials that name nobody rosterkit knows (a deleted account, a
      // stale session) are a 401 like no credentials: with the challenge.
      const challenge = RosterError.isInstance(error, 'ACTOR_UNKNOWN')
        ? { 'www-authenticate': options.challenge ?? 'Bearer' }
        : {};
      const { response, problem } = problemResponse(error, { ...cors, ...challenge });
      if (problem.code === 'INTERNAL') options.onError?.(error, request);
      return withoutBody(head, response);
    }
  };
}
