import { RosterError } from '@rosterkit/core';
import { HttpProblem, problemStatuses } from '@rosterkit/http';
import { ScimError, type ScimErrorType } from '../scim-error.js';

/** The `scimType` RFC 7644 §3.12 gives a status, where it gives one. */
function typeOf(error: RosterError | HttpProblem, status: number): ScimErrorType | undefined {
  if (error.code === 'MALFORMED_BODY') return 'invalidSyntax';
  if (status === 400) return 'invalidValue';
  if (status === 409 && error.code === 'CONFLICT') {
    const reason = (error.details as { reason?: unknown }).reason;
    return reason === 'unique' ? 'uniqueness' : undefined;
  }
  if (status === 409 && error.code === 'ACCOUNT_EXISTS') return 'uniqueness';
  return undefined;
}

function issuesOf(error: RosterError): string {
  const issues = (error.details as { issues?: Array<{ path?: unknown[]; message?: string }> })
    .issues;
  if (!Array.isArray(issues) || issues.length === 0) return '';
  const listed = issues
    .slice(0, 5)
    .map((issue) => `${(issue.path ?? []).join('.') || '(body)'}: ${issue.message ?? 'invalid'}`);
  return ` (${listed.join('; ')})`;
}

/**
 * What an error becomes for an identity provider: a `ScimError` as it is;
 * a `RosterError` or an `HttpProblem` with the status of `@rosterkit/http`'s
 * one table ({@link problemStatuses}) and the RFC's `scimType`; anything
 * else `undefined` (a 500 that says nothing of its cause).
 * @internal
 */
export function toScimError(error: unknown): ScimError | undefined {
  if (error instanceof ScimError) return error;
  if (RosterError.isInstance(error) || HttpProblem.isInstance(error)) {
    if (error.code === 'INTERNAL') return undefined;
    const status = problemStatuses[error.code];
    const detail = RosterError.isInstance(error)
      ? `${error.message}${issuesOf(error)}`
      : error.message;
    return new ScimError(status, typeOf(error, status), detail);
  }
  return undefined;
}
