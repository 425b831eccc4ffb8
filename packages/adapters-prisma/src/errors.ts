import { RosterError } from '@rosterkit/core';

/** @internal */
export function conflict(
  subject: string,
  id: string,
  reason: 'stale-version' | 'unique',
): RosterError<'CONFLICT'> {
  const message =
    reason === 'stale-version'
      ? `${subject} ${id} was changed by someone else since it was read; reload it and retry.`
      : `${subject} ${id} conflicts with an existing ${subject.toLowerCase()}.`;
  return new RosterError('CONFLICT', message, { subject, id, reason });
}

/** @internal */
export function notFound(subject: string, id: string): RosterError<'NOT_FOUND'> {
  return new RosterError('NOT_FOUND', `${subject} ${id} does not exist.`, { subject, id });
}

/** @internal */
export function invalid(path: string, message: string): RosterError<'INVALID_INPUT'> {
  return new RosterError('INVALID_INPUT', `Invalid ${path}: ${message}.`, {
    issues: [{ path: [path], message }],
  });
}

/** @internal */
export function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw invalid('limit', 'Must be an integer from 1 to 500');
  }
}

interface PrismaErrorLike {
  readonly code?: unknown;
  readonly meta?: { readonly driverAdapterError?: { readonly cause?: DriverCause } };
  readonly cause?: DriverCause;
}
interface DriverCause {
  readonly kind?: unknown;
  readonly originalCode?: unknown;
}

function driverCause(error: unknown): DriverCause | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as PrismaErrorLike;
  return e.meta?.driverAdapterError?.cause ?? e.cause;
}

/** Whether `error` is the `CONFLICT` (`unique`) a unique violation became. @internal */
export function isUniqueConflict(error: unknown): boolean {
  return RosterError.isInstance(error, 'CONFLICT') && error.details.reason === 'unique';
}

/** Whether `error` is a unique-constraint violation reported by Prisma or its driver. @internal */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ((error as PrismaErrorLike).code === 'P2002') return true;
  return driverCause(error)?.kind === 'UniqueConstraintViolation';
}

// Serialization failures and deadlocks (PostgreSQL 40001 / 40P01, MySQL and
// MariaDB 1213 / 1205), which Prisma reports as P2034; and P2028, a
// transaction that expired while it waited for locks. Running the whole
// transaction again is the documented remedy for all of them.
const retryableCodes = new Set(['P2034', 'P2028']);
const retryableDriverCodes = new Set(['40001', '40P01', '1213', '1205', 'SQLITE_BUSY']);

/** Whether running the transaction again may succeed. @internal */
export function isRetryable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (error instanceof RosterError) return false;
  const { code } = error as PrismaErrorLike;
  if (typeof code === 'string' && retryableCodes.has(code)) return true;
  const cause = driverCause(error);
  if (cause?.kind === 'TransactionWriteConflict') return true;
  return retryableDriverCodes.has(String(cause?.originalCode ?? ''));
}
