import { RosterError } from '../errors/roster-error.js';

/**
 * Refuses a profile change that would change the email (DESIGN rule 6). The
 * same address written differently (case, spaces, Unicode form) is no change.
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
  // Compared as Email normalizes, without validating: an address stored before a
  // stricter validation still equals itself.
  const canonical = (email: string) => email.trim().normalize('NFC').toLowerCase();
  if (typeof requested === 'string' && canonical(requested) === canonical(input.email))
    return undefined;
  return new RosterError(
    'EMAIL_IMMUTABLE',
    'An account’s email cannot be changed. Deactivate this account and invite the new address instead.',
    { accountId: input.accountId },
  );
}
