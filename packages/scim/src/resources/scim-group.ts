import type { JsonObject, ProvisionedGroup } from '@rosterkit/core';
import { scimSchemas } from '../discovery.js';
import { ScimError } from '../scim-error.js';
import { resourceTag, type ScimMeta } from './resource-meta.js';
import { memberOf } from './scim-user.js';
import { attribute, isObject, omitAttributes, textAttribute, withoutNulls } from './scim-value.js';

/** One entry of a SCIM Group's `members` (RFC 7643 §4.2). */
export interface ScimGroupMember {
  /** The member's SCIM User id. */
  value: string;
  /** The user's display name (else their userName). */
  display: string;
  type: 'User';
  /** The member's URL. */
  $ref: string;
}

/**
 * A SCIM Group as rosterkit serves it (RFC 7643 §4.2): a group of the
 * connection's space, named `displayName`, and its SCIM members.
 */
export interface ScimGroup {
  schemas: string[];
  /** The SCIM id: the link's uuid, never reused. */
  id: string;
  externalId?: string;
  displayName: string;
  members: ScimGroupMember[];
  meta: ScimMeta;
  /** Other attributes, as the provider sent them. */
  [attribute: string]: unknown;
}

/** What a SCIM Group body says. */
export interface ScimGroupFields {
  displayName?: string;
  externalId?: string;
  /** The member ids, when the body has `members`. */
  members?: string[];
  /** Every other attribute, nulls dropped. */
  attributes: JsonObject;
}

const modelled = ['id', 'meta', 'displayName', 'externalId', 'members', 'schemas'];

function invalidValue(detail: string): ScimError {
  return new ScimError(400, 'invalidValue', detail);
}

/**
 * The user ids of a `members` value: an array of `{ value }` (or one such
 * object, as some clients send for a single member).
 * @throws ScimError 400 `invalidValue` for anything else.
 * @internal
 */
export function memberIds(value: unknown): string[] {
  const entries = Array.isArray(value) ? value : [value];
  return entries.map((entry, index) => {
    const id = isObject(entry) ? textAttribute(entry, 'value') : undefined;
    if (id === undefined) {
      throw invalidValue(`members[${index}] must be an object with the member's id as "value"`);
    }
    return id;
  });
}

/**
 * Reads a SCIM Group body (a POST's or a PUT's).
 * @throws ScimError 400 `invalidSyntax` for a body that is not an object, `invalidValue` for bad members.
 * @internal
 */
export function readScimGroup(body: unknown): ScimGroupFields {
  if (!isObject(body)) throw new ScimError(400, 'invalidSyntax', 'The body must be a SCIM Group');
  const cleaned = (withoutNulls(body) ?? {}) as JsonObject;
  const fields: ScimGroupFields = { attributes: omitAttributes(cleaned, modelled) };
  for (const name of ['displayName', 'externalId'] as const) {
    const value = attribute(cleaned, name);
    if (value !== undefined && typeof value !== 'string') {
      throw invalidValue(`"${name}" must be a string`);
    }
    const text = textAttribute(cleaned, name);
    if (text !== undefined) fields[name] = text;
  }
  const members = attribute(cleaned, 'members');
  if (members !== undefined) fields.members = memberIds(members);
  return fields;
}

/** The entity tag of a SCIM Group. @internal */
export function groupTag(group: Pick<ProvisionedGroup, 'link' | 'group'>): string {
  return resourceTag(group.link.version, group.group.version);
}

/**
 * Renders a SCIM Group.
 *
 * @param group - what core's `getProvisionedGroup` returns.
 * @param baseUrl - the service's base URL (for the group's and its members' locations).
 * @internal
 */
export function toScimGroup(group: ProvisionedGroup, baseUrl: string): ScimGroup {
  const { link, members } = group;
  return {
    schemas: [scimSchemas.group],
    id: link.id,
    ...(link.externalId === null ? {} : { externalId: link.externalId }),
    displayName: link.userName,
    ...omitAttributes(link.attributes, modelled),
    members: members.map(
      (member) =>
        memberOf(member, `${baseUrl}/Users/${encodeURIComponent(member.id)}`) as ScimGroupMember,
    ),
    meta: {
      resourceType: 'Group',
      created: link.createdAt.toISOString(),
      lastModified: link.updatedAt.toISOString(),
      location: `${baseUrl}/Groups/${encodeURIComponent(link.id)}`,
      version: groupTag(group),
    },
  };
}
