import { z } from 'zod';
import { type AccountState, accountMachine } from '../machines/account-machine.js';
import { defineModel, type Model } from './define-model.js';
import { Email, Id, Timestamp, Version } from './primitives.js';
import type { Assert, Equals } from './type-equals.js';

/** The states of an account, from {@link accountMachine}. */
export const AccountStatus: Model<AccountStatus> = defineModel(
  'account status',
  z.enum(accountMachine.stateNames),
);
/** `pending`, `active`, `deactivated` or `deleted`. */
export type AccountStatus = AccountState;

/**
 * Host-defined profile fields (phone, home site, extension...): flat JSON
 * values. Which of them are required is the host's choice (DESIGN rule 9).
 */
export const ProfileFields: Model<ProfileFields> = defineModel(
  'profile fields',
  z.record(
    z.string().min(1).max(64),
    z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]),
  ),
);
/** Host-defined profile fields: flat JSON values by field name. */
export type ProfileFields = Record<string, string | number | boolean | null>;

// A pending account may not have names yet (an invitation by email alone);
// the invitee gives them when accepting. Every other account has both.
const nameOrBlank = z.string().trim().max(100);

const schema = z
  .object({
    id: Id.schema,
    orgId: Id.schema,
    email: Email.schema,
    firstName: nameOrBlank,
    lastName: nameOrBlank,
    status: AccountStatus.schema,
    profile: ProfileFields.schema,
    lastSeenAt: Timestamp.schema.nullable(),
    createdAt: Timestamp.schema,
    updatedAt: Timestamp.schema,
    version: Version.schema,
  })
  .superRefine((account, ctx) => {
    if (account.status === 'pending') return;
    for (const field of ['firstName', 'lastName'] as const) {
      if (account[field] === '')
        ctx.addIssue({ code: 'custom', path: [field], message: 'Must not be empty' });
    }
  });

/**
 * One person's user account inside one organization, apart from any team
 * membership: a former member keeps their account and stays on All Users.
 * The email is unique in the organization and never changes.
 */
export const Account: Model<Account> = defineModel('Account', schema);
/** One person's user account. See {@link Account}. */
export interface Account {
  id: string;
  orgId: string;
  /** Normalized (see {@link Email}), unique in the organization, never changed. */
  email: string;
  /** Empty only while the account is `pending` and the inviter gave no name. */
  firstName: string;
  /** Empty only while the account is `pending` and the inviter gave no name. */
  lastName: string;
  status: AccountStatus;
  /** Host-defined fields (phone, home site, extension...). */
  profile: ProfileFields;
  /** When the person was last seen on the host's product; drives presence. */
  lastSeenAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

type _AccountMatchesSchema = Assert<Equals<z.output<typeof schema>, Account>>;
