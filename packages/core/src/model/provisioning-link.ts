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
  /** The identity provider's id of the resource; unique per connection and type when set. */
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
 * target, the `userName` (compared case-insensitively, by the adapter kit's
 * `lowerText`) and the `externalId` (when set) are each unique.
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
  /** The identity provider's id of the resource, or `null`. */
  externalId: string | null;
  /** The SCIM attributes rosterkit does not model, stored as given. */
  attributes: JsonObject;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

type _LinkMatchesSchema = Assert<Equals<z.output<typeof schema>, ProvisioningLink>>;
