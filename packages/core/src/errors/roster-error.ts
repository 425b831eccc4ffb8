import type { RosterErrorCode, RosterErrorDetailsMap } from './error-codes.js';

// A registered symbol is shared by every copy of the package loaded in one
// process, so `isInstance` works where `instanceof` fails (two bundled copies,
// ESM next to CJS).
const marker = Symbol.for('rosterkit.error');

/**
 * The one error class rosterkit throws. Branch on {@link RosterError.code}
 * (stable, from {@link errorCodes}), show {@link RosterError.message} to a
 * person, and read {@link RosterError.details} for the structured facts.
 *
 * Code that only needs to recognize errors (a browser client branching on the
 * codes an API returns) imports it from `@rosterkit/core/errors`, a few KB
 * without zod; `@rosterkit/core` re-exports the same class.
 *
 * @typeParam C - the error's code; narrows `details`.
 *
 * @example
 * ```ts
 * import { RosterError } from '@rosterkit/core'; // or '@rosterkit/core/errors'
 *
 * try {
 *   await admin.deactivate({ accountId });
 * } catch (error) {
 *   if (RosterError.isInstance(error, 'HAS_DIRECT_REPORTS')) {
 *     console.log('reassign first:', error.details.reportIds);
 *   } else throw error;
 * }
 * ```
 */
export class RosterError<C extends RosterErrorCode = RosterErrorCode> extends Error {
  /** Always `'RosterError'`, also after serialization. */
  override readonly name = 'RosterError' as const;
  /** The stable code; see {@link errorCodes}. */
  readonly code: C;
  /** Structured facts about the failure, shaped by {@link RosterErrorDetailsMap}. */
  readonly details: RosterErrorDetailsMap[C];
  // Read through the symbol by isInstance; public so a structural copy of the class still carries it.
  readonly [marker] = true as const;

  /**
   * @param code - the stable code.
   * @param message - what happened and what to do, for a person.
   * @param details - the structured facts for a program.
   * @param options - standard `cause` of the error chain.
   */
  constructor(
    code: C,
    message: string,
    details: RosterErrorDetailsMap[C],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = code;
    this.details = details;
  }

  /**
   * Whether `error` is a RosterError (from any copy of the package), optionally with the given code.
   *
   * @example
   * ```ts
   * if (RosterError.isInstance(error, 'CONFLICT')) retry();
   * ```
   */
  static isInstance<K extends RosterErrorCode = RosterErrorCode>(
    error: unknown,
    code?: K,
  ): error is RosterError<K> {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as { [marker]?: unknown })[marker] === true &&
      (code === undefined || (error as { code?: unknown }).code === code)
    );
  }

  /**
   * Whether this error has the given code; narrows `details` to that code's shape.
   *
   * @example
   * ```ts
   * if (error.is('INVALID_TRANSITION')) console.log(error.details.from);
   * ```
   */
  is<K extends RosterErrorCode>(code: K): this is RosterError<K> {
    return (this.code as RosterErrorCode) === code;
  }

  /** A plain object for logs and API responses: name, code, message and details. */
  toJSON(): { name: 'RosterError'; code: C; message: string; details: RosterErrorDetailsMap[C] } {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}
