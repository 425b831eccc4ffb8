import type { ActorApi, Model, Roster } from '@rosterkit/core';
import { z } from 'zod';

/**
 * The methods the routes use.
 *
 * @category Routes
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The parameters a path template names: `'/accounts/{accountId}'` →
 * `{ accountId: string }`.
 *
 * @category Routes
 */
export type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? { readonly [K in Name]: string } & PathParams<Rest>
  : unknown;

/**
 * What a route's `call` receives: the actor's API (for `auth: 'actor'`
 * routes), the roster, the path parameters, and the query and body as their
 * schemas parsed them.
 *
 * @category Routes
 */
export interface RouteContext<P extends string, Q, B> {
  /** The authenticated actor's API. Throws on a `public` route, which has no actor. */
  readonly api: ActorApi;
  /** The roster, for the calls that have no actor (accepting an invitation). */
  readonly roster: Roster;
  readonly params: PathParams<P>;
  readonly query: Q;
  readonly body: B;
  /** The original request (for a host's own reads: headers, the client's address). */
  readonly request: Request;
}

/**
 * One route of the admin API, as data: the handler serves it, the OpenAPI
 * document describes it, and a test checks they agree. A new command becomes
 * a route by adding one {@link defineRoute} to a table.
 *
 * @typeParam P - the path template.
 * @typeParam Q - the parsed query.
 * @typeParam B - the parsed JSON body.
 * @typeParam R - what `call` returns (the success body, unless `present` changes it).
 * @category Routes
 */
export interface RouteSpec<P extends string, Q, B, R> {
  /** The command or query it calls: the OpenAPI `operationId`. */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** The path under the handler's `basePath`, with `{name}` parameters. */
  readonly path: P;
  /** The OpenAPI tag (the resource): `Accounts`, `Members`... */
  readonly tag: string;
  /** One line for the OpenAPI document. */
  readonly summary: string;
  /**
   * `actor`: `authenticate` must return an actor (401 otherwise). `public`:
   * no actor (only accepting and declining an invitation: the token is the
   * credential); the `rateLimit` hook guards it.
   */
  readonly auth: 'actor' | 'public';
  /** The query string's parameters, each a string, parsed into the command's fields. */
  readonly query?: z.ZodType<Q>;
  /** The JSON body, validated before anything is read (the command's own zod schema, path fields left out). */
  readonly body?: z.ZodType<B>;
  /** Whether a body must be sent; otherwise an empty body is parsed as `{}`. @defaultValue false */
  readonly bodyRequired?: boolean;
  /** Which bulk file a `multipart/form-data` upload (field `file`) may carry instead of a JSON body. */
  readonly upload?: 'import' | 'update';
  /** The success status. */
  readonly status: 200 | 201 | 202 | 204;
  /** The success body's schema (absent for 204). */
  readonly response?: z.ZodType;
  /** Calls the command. */
  call(context: RouteContext<P, Q, B>): Promise<R>;
  /**
   * The current version of the resource the route changes, for `If-Match`:
   * read (as the actor) just before the command runs; a different version is a 412.
   */
  readonly currentVersion?: (context: RouteContext<P, Q, B>) => Promise<number>;
  /** The version of the result, sent as `ETag`. */
  readonly etag?: (result: R) => number;
  /** The created resource's path under `basePath`, sent as `Location` with a 201. */
  readonly location?: (result: R) => string;
}

/**
 * A route with its types erased, as the route table holds it.
 *
 * @category Routes
 */
export type Route = RouteSpec<string, unknown, unknown, unknown>;

/**
 * Declares a route; the types of `call`'s context follow from `path`,
 * `query` and `body`.
 *
 * @category Routes
 * @example
 * ```ts
 * import { AccountRef } from '@rosterkit/core/extra';
 * import { defineRoute, bodyOf } from '@rosterkit/http';
 *
 * const reactivate = defineRoute({
 *   operationId: 'reactivate', method: 'POST', path: '/accounts/{accountId}/reactivate',
 *   tag: 'Accounts', summary: 'Reactivates a deactivated account.', auth: 'actor', status: 200,
 *   body: bodyOf(AccountRef, 'accountId'),
 *   call: ({ api, params }) => api.reactivate({ accountId: params.accountId }),
 * });
 * ```
 */
export function defineRoute<
  P extends string,
  Q = Record<string, never>,
  B = Record<string, never>,
  R = unknown,
>(spec: RouteSpec<P, Q, B, R>): Route {
  return spec as unknown as Route;
}

/**
 * A command's input schema without the fields the path carries: a route's
 * JSON body. Strict like the command's schema, so a body that repeats a path
 * field (or adds any other) is `INVALID_INPUT`.
 *
 * @category Routes
 */
export function bodyOf<T, I, K extends keyof T & keyof I & string>(
  model: Model<T, I>,
  ...pathFields: K[]
): z.ZodType<Omit<T, K>, Omit<I, K>> {
  const schema = model.schema as unknown as z.ZodObject;
  if (typeof schema.omit !== 'function')
    throw new TypeError(`${model.name} is not an object schema`);
  const mask = Object.fromEntries(pathFields.map((field) => [field, true as const]));
  return schema.omit(mask as never) as unknown as z.ZodType<Omit<T, K>, Omit<I, K>>;
}

/** The empty body of a command whose every field is in the path. @internal */
export const noBody = z.strictObject({});
