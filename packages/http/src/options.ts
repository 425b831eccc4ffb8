import type { Actor } from '@rosterkit/core';
import type { Route } from './routes/route.js';
import type { BulkUploads } from './uploads.js';

/**
 * Cross-origin access. Without it the handler sends no CORS headers, so a
 * browser lets only same-origin pages call it.
 *
 * @category Handler
 */
export interface CorsOptions {
  /** The origins allowed to call (`https://admin.acme.io`), exactly as browsers send `Origin`. */
  readonly origins: readonly string[];
  /** Whether cookies may be sent (`Access-Control-Allow-Credentials`). @defaultValue false */
  readonly credentials?: boolean;
  /** How long a browser may cache a preflight, in seconds. @defaultValue 600 */
  readonly maxAgeSeconds?: number;
}

/**
 * What the host's `rateLimit` hook is told about a request.
 *
 * @category Handler
 */
export interface RateLimitRequest {
  /** The route's `operationId` (`acceptInvitation`). */
  readonly operationId: string;
  /** `public` for the unauthenticated routes, which most need a limit. */
  readonly auth: 'actor' | 'public';
}

/**
 * The `rateLimit` hook's answer: `true` to go on, or how long the client must
 * wait (a 429 with `Retry-After`).
 *
 * @category Handler
 */
export type RateLimitVerdict = true | { readonly retryAfterSeconds: number };

/**
 * Options of {@link createRosterHandler}.
 *
 * @category Handler
 */
export interface RosterHandlerOptions {
  /**
   * Resolves the request's signed-in user to an actor (the host's session or
   * token check, then the account by its id or `externalId`), or `null`: a
   * 401. Not called for the public routes.
   */
  authenticate(request: Request): Actor | null | Promise<Actor | null>;
  /** Where the API is mounted: `/api/roster`. Paths outside it are 404. @defaultValue '' */
  readonly basePath?: string;
  /** The routes served. @defaultValue {@link rosterRoutes} */
  readonly routes?: readonly Route[];
  /** The largest JSON body, in bytes. @defaultValue 1048576 (1 MiB) */
  readonly maxBodyBytes?: number;
  /** The largest multipart upload, in bytes. @defaultValue 10485760 (10 MiB) */
  readonly maxUploadBytes?: number;
  /** Reads uploaded `.csv`/`.xlsx` files; see `@rosterkit/http/spreadsheets`. Without it, uploads are 415. */
  readonly uploads?: BulkUploads;
  /** Cross-origin access; none when absent. */
  readonly cors?: CorsOptions;
  /**
   * Origins (besides the request's own and `cors.origins`) from which a
   * browser may send writes. A write whose `Origin` is another, or that a
   * browser marks `Sec-Fetch-Site: cross-site`, is refused (CSRF).
   * @defaultValue []
   */
  readonly trustedOrigins?: readonly string[];
  /** Called before every route's work (authentication included); the place to limit the public routes. */
  rateLimit?(
    request: Request,
    info: RateLimitRequest,
  ): RateLimitVerdict | Promise<RateLimitVerdict>;
  /** Refuse writes that support `If-Match` but carry none (428). @defaultValue false */
  readonly requireIfMatch?: boolean;
  /** The `WWW-Authenticate` challenge of a 401. @defaultValue 'Bearer' */
  readonly challenge?: string;
  /** The OpenAPI document's path under `basePath`, or `false` not to serve it. @defaultValue '/openapi.json' */
  readonly openApiPath?: string | false;
  /** The document's `info`. */
  readonly openApiInfo?: {
    readonly title?: string;
    readonly version?: string;
    readonly description?: string;
  };
  /** Receives every error that became a 500, for the host's logs; its body says nothing of it. */
  onError?(error: unknown, request: Request): void;
}
