import { RosterError } from '../../errors/roster-error.js';
import type { Account } from '../../model/account.js';
import type { JsonObject, JsonValue } from '../../model/json-value.js';
import { normalizeEmail } from '../../model/normalize-email.js';
import { Email } from '../../model/primitives.js';

// How a SCIM User's fields become an account's: identity providers send what
// they have (a userName that is an email, a displayName without given and
// family names), and refusing a user for a missing name would leave them
// unprovisioned, so names are derived rather than required.

const maxName = 100;

/**
 * The account's email: `email` when given, else the `userName` when it is
 * an email, else `INVALID_INPUT` (an account cannot exist without one).
 * @internal
 */
export function emailOf(input: {
  readonly userName: string;
  readonly email?: string | undefined;
}): string {
  if (input.email !== undefined) return input.email;
  const fromUserName = Email.schema.safeParse(input.userName);
  if (fromUserName.success) return fromUserName.data;
  const message = 'Give an email, or a userName that is an email: every account has one.';
  throw new RosterError('INVALID_INPUT', message, { issues: [{ path: ['email'], message }] });
}

/** A derived name within the account's limit (never empty). */
function clip(name: string): string {
  return name.trim().slice(0, maxName).trim();
}

/**
 * First and last names: the ones given; else the display name's first word
 * and the rest; else the email's local part (for both when nothing else is
 * known), so a user is never refused for a missing name.
 * @internal
 */
export function namesOf(
  input: {
    readonly firstName?: string | undefined;
    readonly lastName?: string | undefined;
    readonly displayName?: string | undefined;
  },
  email: string,
): { firstName: string; lastName: string } {
  const [first, ...rest] = (input.displayName ?? '').split(/\s+/).filter((word) => word !== '');
  const local = clip(email.slice(0, email.lastIndexOf('@'))) || email.slice(0, maxName);
  const firstName = input.firstName ?? (first === undefined ? local : clip(first) || local);
  const lastName = input.lastName ?? (rest.length > 0 ? clip(rest.join(' ')) || local : local);
  return { firstName, lastName };
}

/** Whether a SCIM `emails` value lists the address (compared as rosterkit compares emails). */
function listsEmail(emails: JsonValue | undefined, email: string): boolean {
  return (
    Array.isArray(emails) &&
    emails.some(
      (entry) =>
        entry !== null &&
        typeof entry === 'object' &&
        !Array.isArray(entry) &&
        typeof entry.value === 'string' &&
        normalizeEmail(entry.value) === email,
    )
  );
}

/**
 * The link's attributes: the ones given, with the three a link filter reads
 * kept in step with the account (`active`, `displayName`, `emails`): the
 * store filters on them, so they must say what the account is.
 * `emails` is kept as given when it lists the account's email, else it is
 * the account's email alone (rule 6: the account's email is the one).
 * @internal
 */
export function linkAttributesOf(
  given: JsonObject,
  account: Pick<Account, 'email' | 'firstName' | 'lastName' | 'status'>,
  displayName: string | undefined,
): JsonObject {
  const shown =
    displayName ??
    (typeof given.displayName === 'string' && given.displayName.trim() !== ''
      ? given.displayName
      : `${account.firstName} ${account.lastName}`.trim() || account.email);
  return {
    ...given,
    // A pending invitee is active as far as the identity provider is concerned.
    active: account.status !== 'deactivated',
    displayName: shown,
    emails: listsEmail(given.emails, account.email)
      ? (given.emails as JsonValue)
      : [{ value: account.email, primary: true }],
  };
}
