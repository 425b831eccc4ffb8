import { RosterError } from '../errors/roster-error.js';
import type { ProfileFields } from '../model/account.js';

/**
 * How much a profile may hold, wherever one enters (createOrganization's
 * owner, invite, acceptInvitation, updateProfile, bulk import rows): a
 * profile is data a person types, not storage, and an invitee holding only
 * a token must not be able to store megabytes.
 */
export interface ProfileLimits {
  /** The most fields a profile holds. @defaultValue 100 */
  readonly maxFields?: number;
  /** The most bytes a profile holds, as UTF-8 JSON. @defaultValue 32768 (32 KiB) */
  readonly maxBytes?: number;
}

/** {@link ProfileLimits} with every default filled in. @internal */
export type ResolvedProfileLimits = Required<ProfileLimits>;

/** @internal */
export const defaultProfileLimits: ResolvedProfileLimits = { maxFields: 100, maxBytes: 32_768 };

const encoder = new TextEncoder();

/**
 * Throws `INVALID_INPUT` at `path` when a profile (as it would be stored)
 * holds more fields or bytes than the limits allow.
 * @internal
 */
export function checkProfileLimits(
  limits: ResolvedProfileLimits,
  profile: ProfileFields,
  path: readonly (string | number)[],
): void {
  const fields = Object.keys(profile).length;
  const bytes = encoder.encode(JSON.stringify(profile)).length;
  const problem =
    fields > limits.maxFields
      ? `A profile holds at most ${limits.maxFields} fields; this one would hold ${fields}.`
      : bytes > limits.maxBytes
        ? `A profile holds at most ${limits.maxBytes} bytes; this one would hold ${bytes}.`
        : undefined;
  if (problem !== undefined) {
    throw new RosterError('INVALID_INPUT', problem, { issues: [{ path, message: problem }] });
  }
}
