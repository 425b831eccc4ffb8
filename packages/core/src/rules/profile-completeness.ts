import { RosterError } from '../errors/roster-error.js';
import type { ProfileFields } from '../model/account.js';

/** The part of an account that profile completeness reads. */
export interface ProfileSnapshot {
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly profile?: ProfileFields;
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/**
 * The required fields an account's profile lacks. A field name is `firstName`,
 * `lastName`, or a key of the host's profile fields; `null`, `undefined` and
 * blank strings count as missing (`false` and `0` do not).
 *
 * @example
 * ```ts
 * missingProfileFields({ firstName: 'Bo', lastName: '', profile: {} }, ['lastName', 'phone']);
 * // ['lastName', 'phone']
 * ```
 */
export function missingProfileFields(
  person: ProfileSnapshot,
  requiredFields: readonly string[],
): string[] {
  return requiredFields.filter((field) => {
    if (field === 'firstName' || field === 'lastName') return isBlank(person[field]);
    const profile = person.profile ?? {};
    return !Object.hasOwn(profile, field) || isBlank(profile[field]);
  });
}

/**
 * Refuses deactivating or reactivating an incomplete profile (DESIGN rule 9).
 *
 * @returns `PROFILE_INCOMPLETE` listing the missing fields, or `undefined`.
 *
 * @example
 * ```ts
 * checkProfileComplete({ accountId: 'acc_2', person: { firstName: 'Bo', lastName: 'Li' }, requiredFields: ['phone'] });
 * // RosterError PROFILE_INCOMPLETE, details.missingFields ['phone']
 * ```
 */
export function checkProfileComplete(input: {
  readonly accountId: string;
  readonly person: ProfileSnapshot;
  readonly requiredFields: readonly string[];
}): RosterError<'PROFILE_INCOMPLETE'> | undefined {
  const missing = missingProfileFields(input.person, input.requiredFields);
  if (missing.length === 0) return undefined;
  return new RosterError(
    'PROFILE_INCOMPLETE',
    `Complete the profile first; missing: ${missing.join(', ')}. Placeholder values are fine if the details are not at hand.`,
    { accountId: input.accountId, missingFields: missing },
  );
}
