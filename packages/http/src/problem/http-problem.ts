import type { HttpProblemCode } from './http-problem-codes.js';

// Thrown by the edge's own checks (auth, body, If-Match) and turned into a
// problem response by the handler, exactly like a RosterError.
const marker = Symbol.for('rosterkit.httpProblem');

/**
 * A problem the HTTP edge reports itself (see {@link httpProblemCodes}). A
 * host's `authenticate` or `rateLimit` hook may throw one to answer with it.
 *
 * @category Problems
 * @example
 * ```ts
 * import { HttpProblem } from '@rosterkit/http';
 * throw new HttpProblem('UNAUTHENTICATED', 'The session expired.');
 * ```
 */
export class HttpProblem extends Error {
  /** Always `'HttpProblem'`. */
  override readonly name = 'HttpProblem' as const;
  /** The stable code; its status is in {@link problemStatuses}. */
  readonly code: HttpProblemCode;
  /** Structured facts for a program (serialized as the problem's `details`). */
  readonly details: Readonly<Record<string, unknown>>;
  /** Extra response headers (`Allow`, `Retry-After`). */
  readonly headers: Readonly<Record<string, string>>;
  // Read through the symbol by isInstance, so two copies of the package agree.
  readonly [marker] = true as const;

  /**
   * @param code - the stable code.
   * @param message - what happened, for a person (the problem's `detail`).
   * @param details - structured facts.
   * @param headers - extra response headers.
   */
  constructor(
    code: HttpProblemCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  /** Whether `error` is an HttpProblem (from any copy of the package). */
  static isInstance(error: unknown): error is HttpProblem {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as { [marker]?: unknown })[marker] === true
    );
  }
}
