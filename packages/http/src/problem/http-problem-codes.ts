/**
 * The codes of the problems the HTTP edge itself reports, beside core's
 * {@link @rosterkit/core!errorCodes}: what went wrong before (or instead of) a
 * command. Like core's codes they are stable: never renamed or reused.
 *
 * @category Problems
 * @example
 * ```ts
 * import { httpProblemCodes } from '@rosterkit/http';
 * console.log(httpProblemCodes.PRECONDITION_FAILED.description);
 * ```
 */
export const httpProblemCodes = {
  UNAUTHENTICATED: {
    description:
      'The request carries no credentials the host recognizes: `authenticate` returned null. Sign in and retry.',
  },
  CROSS_SITE_REQUEST: {
    description:
      'A browser sent a state-changing request from another site (`Sec-Fetch-Site: cross-site`, or an `Origin` that is neither this server nor an allowed CORS origin); refused as a possible CSRF.',
  },
  PRECONDITION_FAILED: {
    description:
      'The `If-Match` version is not the current one: someone changed the resource since it was read. `details.currentEtag` is the current version; reload and retry.',
  },
  PRECONDITION_REQUIRED: {
    description:
      'The handler was configured with `requireIfMatch` and this write carried no `If-Match` header.',
  },
  MALFORMED_BODY: {
    description: 'The body is not well-formed JSON, or not a readable multipart form.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    description:
      'The body’s `Content-Type` is not one this route takes (`application/json`, or `multipart/form-data` for uploads); `details.accepted` lists them.',
  },
  PAYLOAD_TOO_LARGE: {
    description:
      'The body is larger than the handler’s `maxBodyBytes`; `details.limit` is that limit.',
  },
  ROUTE_NOT_FOUND: {
    description: 'No route has this path.',
  },
  METHOD_NOT_ALLOWED: {
    description:
      'The path exists but not with this method; the `Allow` header lists the methods it has.',
  },
  TOO_MANY_REQUESTS: {
    description:
      'The host’s `rateLimit` hook refused the request; `Retry-After` says when to try again.',
  },
  INTERNAL: {
    description:
      'An unexpected error, one that is not a RosterError: the response says nothing of it; the host’s `onError` hook receives it.',
  },
} as const satisfies Record<string, { description: string }>;

/**
 * A code of a problem the HTTP edge reports itself. See {@link httpProblemCodes}.
 *
 * @category Problems
 */
export type HttpProblemCode = keyof typeof httpProblemCodes;
