import { z } from 'zod';
import { defineModel, type ModelInput } from '../../model/define-model.js';
import { JsonObject } from '../../model/json-value.js';
import { Email, ExternalId, Id, PersonName } from '../../model/primitives.js';
import { expectedVersion } from '../expected-version.js';
import { linkListFields } from './link-list.js';

// The inputs of the provisioning commands for SCIM Users, as the scim
// package hands them over once it has read a SCIM User: validated before
// anything is read (bad input → INVALID_INPUT with the field path).

/** A SCIM `userName`: 1 to 255 characters, kept as given (a link compares it case-insensitively). */
const UserName = z.string().trim().min(1, 'Must not be empty').max(255);

const userFields = {
  /** The SCIM `externalId`: the identity provider's id of the user. */
  externalId: ExternalId.schema.optional(),
  /** The account's email; when absent, `userName` if it is an email. */
  email: Email.schema.optional(),
  firstName: PersonName.schema.optional(),
  lastName: PersonName.schema.optional(),
  /** The SCIM `displayName`; also where missing names are taken from. */
  displayName: z.string().trim().min(1, 'Must not be empty').max(255).optional(),
  /** SCIM `active`: `false` deactivates, `true` reactivates; absent: active on creation, unchanged on update. */
  active: z.boolean().optional(),
  /** The SCIM attributes rosterkit does not model, stored on the link as given. */
  attributes: JsonObject.schema.optional(),
};

/** Input of `provisionUser`. */
export const ProvisionUserInput = defineModel(
  'provisionUser input',
  z.strictObject({ userName: UserName, ...userFields }),
);
/** What `provisionUser` takes, as a caller writes it. */
export type ProvisionUserInput = ModelInput<typeof ProvisionUserInput>;

/** Input of `updateProvisionedUser` (a SCIM PUT, or a PATCH the scim package applied). */
export const UpdateProvisionedUserInput = defineModel(
  'updateProvisionedUser input',
  z.strictObject({
    /** The SCIM id (the link's id). */
    id: Id.schema,
    /** The link's version the caller read (a SCIM `If-Match`). */
    ...expectedVersion,
    /** Absent: unchanged. */
    userName: UserName.optional(),
    ...userFields,
    /** `null` clears it; absent: unchanged. */
    externalId: ExternalId.schema.nullable().optional(),
  }),
);
/** What `updateProvisionedUser` takes, as a caller writes it. */
export type UpdateProvisionedUserInput = ModelInput<typeof UpdateProvisionedUserInput>;

/** Input of `getProvisionedUser` and `deprovisionUser`: the SCIM id. */
export const ProvisionedUserRef = defineModel(
  'provisioned user reference',
  z.strictObject({ id: Id.schema }),
);
/** What `getProvisionedUser` and `deprovisionUser` take. */
export type ProvisionedUserRef = ModelInput<typeof ProvisionedUserRef>;

/** Input of `listProvisionedUsers`: a filter and SCIM's 1-based window. */
export const ListProvisionedUsersInput = defineModel(
  'listProvisionedUsers input',
  z.strictObject(linkListFields),
);
/** What `listProvisionedUsers` takes, as a caller writes it. */
export type ListProvisionedUsersInput = ModelInput<typeof ListProvisionedUsersInput>;
