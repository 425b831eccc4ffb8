import {
  Email,
  type JsonObject,
  type ProvisionedUser,
  type ProvisioningLink,
} from '@rosterkit/core';
import { scimSchemas } from '../discovery.js';
import { ScimError } from '../scim-error.js';
import { latest, resourceTag, type ScimMeta } from './resource-meta.js';
import {
  attribute,
  booleanValue,
  isObject,
  omitAttributes,
  textAttribute,
  withoutNulls,
} from './scim-value.js';

/**
 * A SCIM User as rosterkit serves it (RFC 7643 §4.1): the attributes the
 * identity provider sent (kept on the connection's link), with the ones
 * rosterkit models taken from the account: `name.givenName` /
 * `name.familyName`, `active` (false only when deactivated: a pending
 * invitee is active to the identity provider) and the account's email in
 * `emails`.
 */
export interface ScimUser {
  /** The core User schema, and the enterprise extension when the provider sent it. */
  schemas: string[];
  /** The SCIM id: the link's uuid, never reused. */
  id: string;
  /** The identity provider's id, when it gave one. */
  externalId?: string;
  userName: string;
  /** At least `givenName` and `familyName` (the account's names). */
  name: { givenName: string; familyName: string; [key: string]: unknown };
  displayName: string;
  active: boolean;
  emails: unknown;
  meta: ScimMeta;
  /** The other attributes, as the provider sent them (`title`, `phoneNumbers`, the enterprise extension…). */
  [attribute: string]: unknown;
}

/** What a SCIM User body says about the fields rosterkit models, and the rest to keep. */
export interface ScimUserFields {
  userName?: string;
  externalId?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  displayName?: string;
  active?: boolean;
  /** Every other attribute, nulls dropped (never `password`, `id` or `meta`). */
  attributes: JsonObject;
}

// Read from the body into the fields above, or served by rosterkit itself:
// never stored as given. A password is never kept (rosterkit holds no
// credentials); `id` and `meta` are the service's.
const modelled = ['id', 'meta', 'userName', 'externalId', 'active', 'password', 'displayName'];

function emailEntries(emails: unknown): Array<{ value: string; primary: boolean; work: boolean }> {
  if (!Array.isArray(emails)) return [];
  return emails.flatMap((entry) => {
    if (!isObject(entry)) return [];
    const value = textAttribute(entry, 'value');
    if (value === undefined) return [];
    return [
      {
        value,
        primary: booleanValue(attribute(entry, 'primary')) === true,
        work: textAttribute(entry, 'type')?.toLowerCase() === 'work',
      },
    ];
  });
}

/**
 * The account's email among a SCIM User's `emails`: the primary one, else
 * the work one, else the first; the first of those that is an email at all
 * (Microsoft's tests send `"value": "emailName357"` as the primary).
 * `undefined` when none is: core then takes `userName` if it is an email.
 * @internal
 */
export function emailOfUser(emails: unknown): string | undefined {
  const entries = emailEntries(emails);
  const ranked = [
    ...entries.filter((entry) => entry.primary),
    ...entries.filter((entry) => !entry.primary && entry.work),
    ...entries.filter((entry) => !entry.primary && !entry.work),
  ];
  for (const entry of ranked) {
    const parsed = Email.schema.safeParse(entry.value);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

function invalidValue(detail: string): ScimError {
  return new ScimError(400, 'invalidValue', detail);
}

/**
 * Reads a SCIM User body (a POST's or a PUT's, or a PATCH's result) into
 * what core's provisioning commands take. Unknown attributes are kept, not
 * refused; `null`s are dropped; `active` may be Entra's `"True"`/`"False"`.
 *
 * @throws ScimError 400 `invalidSyntax` for a body that is not an object,
 * `invalidValue` for a `userName`/`externalId` that is not a string, or an
 * `active` that is not a boolean.
 * @internal
 */
export function readScimUser(body: unknown): ScimUserFields {
  if (!isObject(body)) throw new ScimError(400, 'invalidSyntax', 'The body must be a SCIM User');
  const cleaned = (withoutNulls(body) ?? {}) as JsonObject;
  const fields: ScimUserFields = { attributes: omitAttributes(cleaned, modelled) };
  for (const name of ['userName', 'externalId', 'displayName'] as const) {
    const value = attribute(cleaned, name);
    if (value !== undefined && typeof value !== 'string') {
      throw invalidValue(`"${name}" must be a string`);
    }
    const text = textAttribute(cleaned, name);
    if (text !== undefined) fields[name] = text;
  }
  const active = attribute(cleaned, 'active');
  if (active !== undefined) {
    const flag = booleanValue(active);
    if (flag === 'invalid') throw invalidValue('"active" must be true or false');
    fields.active = flag;
  }
  const name = attribute(cleaned, 'name');
  if (isObject(name)) {
    const given = textAttribute(name, 'givenName');
    const family = textAttribute(name, 'familyName');
    if (given !== undefined) fields.firstName = given;
    if (family !== undefined) fields.lastName = family;
  }
  const email = emailOfUser(attribute(cleaned, 'emails'));
  if (email !== undefined) fields.email = email;
  return fields;
}

function schemasOf(attributes: JsonObject): string[] {
  const given = attribute(attributes, 'schemas');
  const listed = Array.isArray(given)
    ? given.filter((entry): entry is string => typeof entry === 'string')
    : [];
  return [scimSchemas.user, ...listed.filter((urn) => urn !== scimSchemas.user)];
}

/** The entity tag of a SCIM User. @internal */
export function userTag(user: Pick<ProvisionedUser, 'link' | 'account'>): string {
  return resourceTag(user.link.version, user.account.version);
}

/**
 * Renders a SCIM User from the link and its account.
 *
 * @param user - what core's `getProvisionedUser` returns.
 * @param location - the user's absolute URL.
 * @internal
 */
export function toScimUser(
  user: Pick<ProvisionedUser, 'link' | 'account'>,
  location: string,
): ScimUser {
  const { link, account } = user;
  const stored = omitAttributes(link.attributes, ['schemas', ...modelled, 'name', 'emails']);
  const storedName = attribute(link.attributes, 'name');
  const display = attribute(link.attributes, 'displayName');
  return {
    schemas: schemasOf(link.attributes),
    id: link.id,
    ...(link.externalId === null ? {} : { externalId: link.externalId }),
    userName: link.userName,
    ...stored,
    name: {
      ...(isObject(storedName) ? storedName : {}),
      givenName: account.firstName,
      familyName: account.lastName,
    },
    displayName:
      typeof display === 'string' ? display : `${account.firstName} ${account.lastName}`.trim(),
    active: account.status !== 'deactivated',
    emails: attribute(link.attributes, 'emails') ?? [{ value: account.email, primary: true }],
    meta: {
      resourceType: 'User',
      created: link.createdAt.toISOString(),
      lastModified: latest(link.updatedAt, account.updatedAt),
      location,
      version: userTag(user),
    },
  };
}

/** The `members` entry of a SCIM Group for one of its users. @internal */
export function memberOf(link: ProvisioningLink, location: string) {
  const display = attribute(link.attributes, 'displayName');
  return {
    value: link.id,
    display: typeof display === 'string' ? display : link.userName,
    type: 'User',
    $ref: location,
  };
}
