import { RosterError } from '../errors/roster-error.js';
import { normalizeEmail } from '../model/normalize-email.js';

/**
 * Refuses a profile change that would change the email (DESIGN rule 6). The
 * same address written differently (case, spaces, Unicode form, fullwidth
 * letters, a domain in Unicode or in punycode) is no change: both sides are
 * compared by {@link normalizeEmail}, the form {@link Email} stores.
 *
 * @param input.patch - the requested change; only its `email` key is read.
 * @returns `EMAIL_IMMUTABLE` when the patch carries another email, or `undefined`.
 *
 * @example
 * ```ts
 * checkEmailUnchanged({ accountId: 'acc_2', email: 'bo@acme.io', patch: { email: 'BO@acme.io' } }); // undefined
 * checkEmailUnchanged({ accountId: 'acc_2', email: 'bo@acme.io', patch: { email: 'bo@new.io' } });  // EMAIL_IMMUTABLE
 * ```
 */
export function checkEmailUnchanged(input: {
  readonly accountId: string;
  readonly email: string;
  readonly patch: object;
}): RosterError<'EMAIL_IMMUTABLE'> | undefined {
  if (!Object.hasOwn(input.patch, 'email')) return undefined;
  const requested = (input.patch as { email?: unknown }).email;
  // Compared without validating: an address stored before a stricter validation
  // still equals itself.
  if (typeof requested === 'string' && normalizeEmail(requested) === normalizeEmail(input.email))
    return undefined;
  return new RosterError(
    'EMAIL_IMMUTABLE',
    'An account’s email cannot be changed. Deactivate this account and invite the new address instead.',
    { accountId: input.accountId },
  );
}
