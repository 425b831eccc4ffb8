import { z } from 'zod';
import { defineModel, type Model } from './define-model.js';
import { Email, ExternalId, Id, Timestamp, Version } from './primitives.js';
import type { Assert, Equals } from './type-equals.js';

/**
 * The states of an account (DESIGN §3), in the order of the account
 * lifecycle's table, which has exactly these: the model is the bottom layer,
 * and the machine imports them from here.
 * @internal
 */
export const accountStatuses = [
  'pending',
  'active',
  'deactivated',
  'deleted',
] as const satisfies readonly AccountStatus[];

/** The states of an account, those of the account lifecycle machine. */
export const AccountStatus: Model<AccountStatus, AccountStatus> = defineModel(
  'account status',
  z.enum(accountStatuses),
);
/** `pending`, `active`, `deactivated` or `deleted`. */
export type AccountStatus = 'pending' | 'active' | 'deactivated' | 'deleted';
type _StatusesAreListed = Assert<Equals<(typeof accountStatuses)[number], AccountStatus>>;

/**
 * The account's own fields, which no profile key may take: a key named
 * `firstName` would otherwise be authorized, required and shown as the name.
 */
export const accountFieldNames = [
  'id',
  'orgId',
  'email',
  'externalId',
  'firstName',
  'lastName',
  'status',
  'profile',
  'lastSeenAt',
  'createdAt',
  'updatedAt',
  'version',
] as const;

/**
 * The key of a host profile field: 1 to 64 characters, no `.` or `*` (a
 * field is named `profile.<key>` to the Policy, in `requiredProfileFields`
 * and in errors, and `*` is a field pattern), and not one of the account's
 * own fields ({@link accountFieldNames}).
 *
 * @example
 * ```ts
 * ProfileKey.parse('extension'); // 'extension'
 * ProfileKey.safeParse('firstName').success; // false: that is the account's own field
 * ```
 */
export const ProfileKey: Model<string, string> = defineModel(
  'profile key',
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[^.*]+$/, 'Must not contain "." or "*"')
    .refine(
      (key) => !(accountFieldNames as readonly string[]).includes(key),
      'Must not be a field of the account itself (firstName, lastName, email, status...)',
    ),
);

/**
 * Host-defined profile fields (phone, home site, extension...): flat JSON
 * values by {@link ProfileKey}. Which of them are required is the host's
 * choice (DESIGN rule 9); each is named `profile.<key>` to the Policy, in
 * `requiredProfileFields` and in errors. How many fields and bytes a profile
 * may hold is bounded by `RosterOptions.profileLimits`.
 */
export const ProfileFields: Model<ProfileFields, ProfileFields> = defineModel(
  'profile fields',
  z.record(ProfileKey.schema, z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])),
);

/**
 * The name of a profile field as the Policy, `requiredProfileFields`,
 * `PROFILE_INCOMPLETE` and the spreadsheets know it: `profile.<key>`.
 *
 * @example
 * ```ts
 * profileFieldName('extension'); // 'profile.extension'
 * ```
 */
export function profileFieldName(key: string): `profile.${string}` {
  return `profile.${key}`;
}
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
    externalId: ExternalId.schema.nullable(),
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
  /**
   * The host's id of this person (its login user's id), or `null` until the
   * host links one: unique in the organization, set at creation, at
   * acceptance or once by `linkExternalId`, never changed after. The host's
   * sign-in path finds the account by it (`roster.findAccount`).
   */
  externalId: string | null;
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
