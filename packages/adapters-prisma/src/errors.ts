import { RosterError } from '@rosterkit/core';

// How Prisma and its drivers report the failures the Store port gives a
// meaning to; the errors themselves come from the adapter kit.

interface PrismaErrorLike {
  readonly code?: unknown;
  readonly meta?: {
    readonly driverAdapterError?: { readonly cause?: DriverCause };
    /** Set on a P2028 of a transaction that ran past its timeout. */
    readonly timeout?: unknown;
  };
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

/** Whether `error` is Prisma's "no record matched" of an `update` (P2025): nothing was written. @internal */
export function isRecordNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as PrismaErrorLike).code === 'P2025';
}

/** Whether `error` is a unique-constraint violation reported by Prisma or its driver. @internal */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ((error as PrismaErrorLike).code === 'P2002') return true;
  return driverCause(error)?.kind === 'UniqueConstraintViolation';
}

// Serialization failures and deadlocks (PostgreSQL 40001 / 40P01, MySQL and
// MariaDB 1213 / 1205), which Prisma reports as P2034; and P2028 when the
// transaction could not start in time (every connection busy). Running the
// whole transaction again is the documented remedy for all of them. Not a
// P2028 of a transaction that ran past its timeout (Prisma's meta carries the
// timeout): its work is what was slow, and running it again would only take
// the timeout once more, for every attempt.
const retryableCodes = new Set(['P2034', 'P2028']);
const retryableDriverCodes = new Set(['40001', '40P01', '1213', '1205', 'SQLITE_BUSY']);

/** Whether running the transaction again may succeed. @internal */
export function isRetryable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (error instanceof RosterError) return false;
  const { code, meta } = error as PrismaErrorLike;
  if (code === 'P2028' && meta?.timeout !== undefined) return false;
  if (typeof code === 'string' && retryableCodes.has(code)) return true;
  const cause = driverCause(error);
  if (cause?.kind === 'TransactionWriteConflict') return true;
  return retryableDriverCodes.has(String(cause?.originalCode ?? ''));
}
