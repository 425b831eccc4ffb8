import { z } from 'zod';
import { defineModel, type Model } from './define-model.js';
import { JsonObject } from './json-value.js';
import { ExternalId, Id, Timestamp, Version } from './primitives.js';
import type { Assert, Equals } from './type-equals.js';

/** The kinds of SCIM resource a link stands for. */
export const ProvisioningResourceType: Model<ProvisioningResourceType> = defineModel(
  'provisioning resource type',
  z.enum(['User', 'Group']),
);
/** `User` (an account) or `Group` (a group). See {@link ProvisioningResourceType}. */
export type ProvisioningResourceType = 'User' | 'Group';

const schema = z.object({
  /** The SCIM id: a uuid v4 chosen by the caller, never reused. */
  id: Id.schema,
  orgId: Id.schema,
  connectionId: Id.schema,
  resourceType: ProvisioningResourceType.schema,
  /** The account (User) or group (Group) the resource is. */
  targetId: Id.schema,
  /** User: the SCIM `userName` as given; Group: its `displayName`. Unique per connection and type, case-insensitively. */
  userName: z.string().min(1, 'Must not be empty').max(255),
  /**
   * The identity provider's id of the resource, or `null`. Not unique (RFC 7643 §3.1 makes it
   * the provider's own): several links of a connection and type may share one.
   */
  externalId: ExternalId.schema.nullable(),
  /** The SCIM attributes rosterkit does not model, stored as given. */
  attributes: JsonObject.schema,
  version: Version.schema,
  createdAt: Timestamp.schema,
  updatedAt: Timestamp.schema,
});

/**
 * One SCIM resource of a provisioning connection and what it is in
 * rosterkit: a User (an account) or a Group (a group), with the names the
 * identity provider knows it by. Per connection and resource type, the
 * target and the `userName` (compared case-insensitively, by the adapter
 * kit's `lowerText`) are each unique. The `externalId` is not: SCIM (RFC 7643
 * §3.1) leaves it to the provider, which may give several resources the same
 * one, so a filter on it may find several links.
 *
 * @category Model
 */
export const ProvisioningLink: Model<ProvisioningLink> = defineModel('ProvisioningLink', schema);
/**
 * One SCIM resource of a connection. See {@link ProvisioningLink}.
 *
 * @category Model
 */
export interface ProvisioningLink {
  /** The SCIM id: a uuid v4 chosen by the caller, never reused. */
  id: string;
  orgId: string;
  connectionId: string;
  resourceType: ProvisioningResourceType;
  /** The account (User) or group (Group) the resource is. */
  targetId: string;
  /** User: the SCIM `userName` as given; Group: its `displayName`. */
  userName: string;
  /** The identity provider's id of the resource, or `null`; not unique (several links may share one). */
  externalId: string | null;
  /** The SCIM attributes rosterkit does not model, stored as given. */
  attributes: JsonObject;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

type _LinkMatchesSchema = Assert<Equals<z.output<typeof schema>, ProvisioningLink>>;
