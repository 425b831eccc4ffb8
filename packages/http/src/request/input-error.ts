import { type InputIssue, RosterError } from '@rosterkit/core';

/**
 * An `INVALID_INPUT` error for what the edge finds wrong before any schema
 * runs (a query parameter given twice, a missing body), with the same
 * message shape as core's.
 * @internal
 */
export function inputError(
  name: string,
  issues: readonly InputIssue[],
): RosterError<'INVALID_INPUT'> {
  const listed = issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
  return new RosterError('INVALID_INPUT', `Invalid ${name}: ${listed}.`, { issues });
}
