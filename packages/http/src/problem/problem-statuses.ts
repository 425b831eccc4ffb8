import type { RosterErrorCode } from '@rosterkit/core';
import type { HttpProblemCode } from './http-problem-codes.js';

/**
 * Every code a response can carry: core's {@link @rosterkit/core!RosterErrorCode}s and the
 * edge's own {@link HttpProblemCode}s.
 *
 * @category Problems
 */
export type ProblemCode = RosterErrorCode | HttpProblemCode;

/**
 * The one table from a problem's code to its HTTP status. It is typed
 * `Record<ProblemCode, number>`: a code added to core's registry is a type
 * error here until it has a status, so no code reaches a client as a 500 by
 * omission.
 *
 * The choices that are not obvious:
 * - `INVALID_TRANSITION`, `HAS_DIRECT_REPORTS`, `PROFILE_INCOMPLETE`,
 *   `ACCOUNT_EXISTS`, `EMAIL_IMMUTABLE`, `BULK_DEACTIVATION_REFUSED` are 409:
 *   the request is well-formed, but the resource's current state refuses it;
 *   changing that state (reassign the reports, fill the profile) makes the
 *   same request succeed.
 * - `OWNER_PROTECTED`, `SELF_ACTION`, `RANK_EXCEEDED`, `FORBIDDEN` are 403:
 *   who the actor is refuses it, whatever the state. `DEFAULT_SPACE_PROTECTED`
 *   is 403 too: no change of state ever makes the default space deletable.
 * - `INVITATION_EXPIRED` is 410: the link is gone for good; a new one must be sent.
 * - `CONFLICT` is 409 (a stale version inside the store, or a unique key
 *   taken); a stale `If-Match` is 412 (`PRECONDITION_FAILED`) and never
 *   reaches the store.
 * - `ACTOR_UNKNOWN` (the authenticated actor names no account rosterkit
 *   knows) is 401, like `UNAUTHENTICATED`; `ACTOR_INACTIVE` (an actor that
 *   exists but may not act: pending, deactivated, in no space) is 403, never
 *   401: 401 is for credentials that name nobody.
 * - `SEAT_LIMIT`, `ROLE_EXISTS`, `ROLE_IN_USE` are 409: the organization's
 *   current state refuses it (free a seat, pick another name, move the
 *   holders). 402 is reserved by RFC 9110 and has no agreed meaning.
 *
 * @category Problems
 * @example
 * ```ts
 * import { problemStatuses } from '@rosterkit/http';
 * problemStatuses.OWNER_PROTECTED; // 403
 * ```
 */
export const problemStatuses: Readonly<Record<ProblemCode, number>> = {
  INVALID_INPUT: 400,
  MALFORMED_BODY: 400,
  UNAUTHENTICATED: 401,
  ACTOR_UNKNOWN: 401,
  ACTOR_INACTIVE: 403,
  FORBIDDEN: 403,
  OWNER_PROTECTED: 403,
  DEFAULT_SPACE_PROTECTED: 403,
  SELF_ACTION: 403,
  RANK_EXCEEDED: 403,
  CROSS_SITE_REQUEST: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  HAS_DIRECT_REPORTS: 409,
  PROFILE_INCOMPLETE: 409,
  EMAIL_IMMUTABLE: 409,
  ACCOUNT_EXISTS: 409,
  BULK_DEACTIVATION_REFUSED: 409,
  SEAT_LIMIT: 409,
  ROLE_EXISTS: 409,
  ROLE_IN_USE: 409,
  INVITATION_EXPIRED: 410,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
};
