/**
 * `@rosterkit/core/errors`: {@link RosterError} and its code registry without
 * the rest of core (no zod), for code that only branches on error codes, such
 * as a browser client reading the errors an API returns.
 *
 * @packageDocumentation
 */
export type { InputIssue, RosterErrorCode, RosterErrorDetailsMap } from './error-codes.js';
export { errorCodes } from './error-codes.js';
export { RosterError } from './roster-error.js';
