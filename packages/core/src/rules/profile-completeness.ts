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
 * `lastName`, or `profile.<key>` for a host profile field (the name the
 * Policy is asked about); `null`, `undefined` and blank strings count as
 * missing (`false` and `0` do not). Any other name is never filled.
 *
 * @example
 * ```ts
 * missingProfileFields({ firstName: 'Bo', lastName: '', profile: {} }, ['lastName', 'profile.phone']);
 * // ['lastName', 'profile.phone']
 * ```
 */
export function missingProfileFields(
  person: ProfileSnapshot,
  requiredFields: readonly string[],
): string[] {
  return requiredFields.filter((field) => {
    if (field === 'firstName' || field === 'lastName') return isBlank(person[field]);
    if (!field.startsWith('profile.')) return true;
    const key = field.slice('profile.'.length);
    const profile = person.profile ?? {};
    return !Object.hasOwn(profile, key) || isBlank(profile[key]);
  });
}

/**
 * Refuses deactivating or reactivating an incomplete profile (DESIGN rule 9).
 *
 * @returns `PROFILE_INCOMPLETE` listing the missing fields, or `undefined`.
 *
 * @example
 * ```ts
 * checkProfileComplete({ accountId: 'acc_2', person: { firstName: 'Bo', lastName: 'Li' }, requiredFields: ['profile.phone'] });
 * // RosterError PROFILE_INCOMPLETE, details.missingFields ['profile.phone']
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
