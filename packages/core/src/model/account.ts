import { z } from 'zod';
import { accountMachine } from '../machines/account-machine.js';
import { defineModel } from './define-model.js';
import { Email, Id, PersonName, Timestamp, Version } from './primitives.js';

/** The states of an account, from {@link accountMachine}. */
export const AccountStatus = defineModel('account status', z.enum(accountMachine.stateNames));
/** `pending`, `active`, `deactivated` or `deleted`. */
export type AccountStatus = z.output<typeof AccountStatus.schema>;

/**
 * Host-defined profile fields (phone, home site, extension...): flat JSON
 * values. Which of them are required is the host's choice (DESIGN rule 9).
 */
export const ProfileFields = defineModel(
  'profile fields',
  z.record(
    z.string().min(1).max(64),
    z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]),
  ),
);
/** Host-defined profile fields. */
export type ProfileFields = z.output<typeof ProfileFields.schema>;

const schema = z.object({
  id: Id.schema,
  orgId: Id.schema,
  email: Email.schema,
  firstName: PersonName.schema,
  lastName: PersonName.schema,
  status: AccountStatus.schema,
  profile: ProfileFields.schema,
  lastSeenAt: Timestamp.schema.nullable(),
  createdAt: Timestamp.schema,
  updatedAt: Timestamp.schema,
  version: Version.schema,
});

/**
 * One person's user account inside one organization, apart from any team
 * membership: a former member keeps their account and stays on All Users.
 * The email is unique in the organization and never changes.
 */
export const Account = defineModel('Account', schema);
/** One person's user account. See {@link Account}. */
export type Account = z.output<typeof schema>;
