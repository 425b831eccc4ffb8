import { z } from 'zod';
import { defineModel, type ModelInput } from '../../model/define-model.js';
import { JsonObject } from '../../model/json-value.js';
import { ExternalId, Id } from '../../model/primitives.js';
import { expectedVersion } from '../expected-version.js';
import { linkListFields } from './link-list.js';

// The inputs of the provisioning commands for SCIM Groups, as the scim
// package hands them over once it has read a SCIM Group: validated before
// anything is read (bad input → INVALID_INPUT with the field path).

/** A SCIM Group's `displayName`: the rosterkit group's name, so within a group name's 1 to 200 characters. */
const DisplayName = z.string().trim().min(1, 'Must not be empty').max(200);

/** SCIM member ids (User link ids); repeats are ignored. */
const MemberIds = z.array(Id.schema).max(10_000);

/** Input of `provisionGroup`. */
export const ProvisionGroupInput = defineModel(
  'provisionGroup input',
  z.strictObject({
    /** The SCIM `displayName`: the group's name and the link's `userName`. */
    displayName: DisplayName,
    /** The SCIM `externalId`: the identity provider's id of the group. */
    externalId: ExternalId.schema.optional(),
    /** The SCIM `members`: ids of this connection's User links. */
    members: MemberIds.optional(),
    /** The SCIM attributes rosterkit does not model, stored on the link as given. */
    attributes: JsonObject.schema.optional(),
  }),
);
/** What `provisionGroup` takes, as a caller writes it. */
export type ProvisionGroupInput = ModelInput<typeof ProvisionGroupInput>;

/** Input of `updateProvisionedGroup` (a SCIM PUT, or a PATCH the scim package applied). */
export const UpdateProvisionedGroupInput = defineModel(
  'updateProvisionedGroup input',
  z.strictObject({
    /** The SCIM id (the Group link's id). */
    id: Id.schema,
    /** The link's version the caller read (a SCIM `If-Match`). */
    ...expectedVersion,
    /** A new `displayName` renames the group and the link; absent: unchanged. */
    displayName: DisplayName.optional(),
    /** `null` clears it; absent: unchanged. */
    externalId: ExternalId.schema.nullable().optional(),
    /** Replaces every SCIM member (applied first); absent: unchanged. */
    members: MemberIds.optional(),
    /** Added after `members` (those already members are skipped). */
    addMembers: MemberIds.optional(),
    /** Removed last (those not members are skipped). */
    removeMembers: MemberIds.optional(),
    /** Replaces the link's attributes; absent: unchanged. */
    attributes: JsonObject.schema.optional(),
  }),
);
/** What `updateProvisionedGroup` takes, as a caller writes it. */
export type UpdateProvisionedGroupInput = ModelInput<typeof UpdateProvisionedGroupInput>;

/** Input of `getProvisionedGroup` and `deprovisionGroup`: the SCIM id. */
export const ProvisionedGroupRef = defineModel(
  'provisioned group reference',
  z.strictObject({
    id: Id.schema,
    /** Whether to read the members (default `true`); `false` returns `members: []` without reading them. Ignored by `deprovisionGroup`. */
    members: z.boolean().optional(),
  }),
);
/** What `getProvisionedGroup` and `deprovisionGroup` take. */
export type ProvisionedGroupRef = ModelInput<typeof ProvisionedGroupRef>;

/** Input of `listProvisionedGroups`: a filter, SCIM's 1-based window, and whether to read members. */
export const ListProvisionedGroupsInput = defineModel(
  'listProvisionedGroups input',
  z.strictObject({
    ...linkListFields,
    /** Whether to read the members (default `true`); `false` returns `members: []` for each, without reading them. */
    members: z.boolean().optional(),
  }),
);
/** What `listProvisionedGroups` takes, as a caller writes it. */
export type ListProvisionedGroupsInput = ModelInput<typeof ListProvisionedGroupsInput>;
