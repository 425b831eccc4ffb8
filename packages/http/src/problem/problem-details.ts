import { errorCodes, RosterError } from '@rosterkit/core';
import { HttpProblem } from './http-problem.js';
import { httpProblemCodes } from './http-problem-codes.js';
import { type ProblemCode, problemStatuses } from './problem-statuses.js';

/**
 * An RFC 9457 problem details object, as every error response's
 * `application/problem+json` body.
 *
 * @category Problems
 */
export interface ProblemDetails {
  /** A URI per code: `urn:rosterkit:problem:` and the code in kebab case (`owner-protected`). */
  readonly type: string;
  /** The code's summary: the same for every occurrence of the code. */
  readonly title: string;
  /** The HTTP status, from {@link problemStatuses}. */
  readonly status: number;
  /** What happened this time, for a person. */
  readonly detail: string;
  /** The stable code (an extension member), to branch on. */
  readonly code: ProblemCode;
  /** The error's structured `details` (an extension member); `{}` for a 500. */
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * The problem type URI of a code: `urn:rosterkit:problem:owner-protected`.
 *
 * @category Problems
 */
export function problemType(code: ProblemCode): string {
  return `urn:rosterkit:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

/** The code's description, trimmed to its first sentence, is its title. */
function titleOf(code: ProblemCode): string {
  const description: string =
    code in errorCodes
      ? errorCodes[code as keyof typeof errorCodes].description
      : httpProblemCodes[code as keyof typeof httpProblemCodes].description;
  const end = description.search(/[.;:](\s|$)/);
  return end === -1 ? description : description.slice(0, end);
}

/**
 * Turns any thrown value into a problem: a {@link @rosterkit/core!RosterError} or an
 * {@link HttpProblem} keeps its code, message and details; anything else is
 * a 500 `INTERNAL` whose body says nothing of the error (no message, no stack).
 *
 * @category Problems
 * @example
 * ```ts
 * import { RosterError } from '@rosterkit/core';
 * import { toProblemDetails } from '@rosterkit/http';
 *
 * toProblemDetails(new RosterError('NOT_FOUND', 'No such account.', { subject: 'Account', id: 'a1' })).status; // 404
 * ```
 */
export function toProblemDetails(error: unknown): ProblemDetails {
  if (RosterError.isInstance(error) && error.code in problemStatuses) {
    return problem(error.code, error.message, error.details as Record<string, unknown>);
  }
  if (HttpProblem.isInstance(error)) return problem(error.code, error.message, error.details);
  return problem('INTERNAL', 'An unexpected error occurred; nothing more is said here.', {});
}

function problem(
  code: ProblemCode,
  detail: string,
  details: Readonly<Record<string, unknown>>,
): ProblemDetails {
  return {
    type: problemType(code),
    title: titleOf(code),
    status: problemStatuses[code],
    detail,
    code,
    details,
  };
}
