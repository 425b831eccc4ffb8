import type { CorsOptions } from '../options.js';
import { HttpProblem } from '../problem/http-problem.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a browser's cross-site write (CSRF): a cookie-authenticated admin
 * API must not act on a request another site's page made the browser send.
 * Requests without the headers (servers, curl) are not browsers and pass.
 * @internal
 */
export function checkCrossSite(request: Request, allowed: ReadonlySet<string>): void {
  if (safeMethods.has(request.method)) return;
  const origin = request.headers.get('origin');
  const own = new URL(request.url).origin;
  if (origin !== null && origin !== own && !allowed.has(origin)) {
    throw new HttpProblem('CROSS_SITE_REQUEST', `Writes from ${origin} are not accepted.`, {
      origin,
    });
  }
  if (origin === null && request.headers.get('sec-fetch-site') === 'cross-site') {
    throw new HttpProblem('CROSS_SITE_REQUEST', 'A cross-site write is not accepted.', {});
  }
}

/** The CORS headers of a response to an allowed origin; none otherwise. @internal */
export function corsHeaders(
  request: Request,
  cors: CorsOptions | undefined,
): Record<string, string> {
  const origin = request.headers.get('origin');
  if (cors === undefined || origin === null || !cors.origins.includes(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    vary: 'Origin',
    'access-control-expose-headers': 'ETag, Retry-After',
    ...(cors.credentials === true ? { 'access-control-allow-credentials': 'true' } : {}),
  };
}

/** The answer to a CORS preflight (`OPTIONS`), or undefined when CORS is off or the origin not allowed. @internal */
export function preflight(request: Request, cors: CorsOptions | undefined): Response | undefined {
  const headers = corsHeaders(request, cors);
  if (cors === undefined || Object.keys(headers).length === 0) return undefined;
  return new Response(null, {
    status: 204,
    headers: {
      ...headers,
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
      'access-control-allow-headers': 'Authorization, Content-Type, If-Match',
      'access-control-max-age': String(cors.maxAgeSeconds ?? 600),
    },
  });
}
