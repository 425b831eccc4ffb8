import { z } from 'zod';
import { defineModel, type Model } from './define-model.js';
import { Id, Timestamp, Version } from './primitives.js';
import type { Assert, Equals } from './type-equals.js';

/**
 * The states of a membership (DESIGN §3), in the order of the membership
 * lifecycle's table, which has exactly these; the machine imports them.
 * @internal
 */
export const membershipStates = [
  'account-only',
  'member',
] as const satisfies readonly MembershipState[];

/** The states of a membership, those of the membership lifecycle machine. */
export const MembershipState: Model<MembershipState> = defineModel(
  'membership state',
  z.enum(membershipStates),
);
/** `member` or `account-only`. */
export type MembershipState = 'account-only' | 'member';
type _StatesAreListed = Assert<Equals<(typeof membershipStates)[number], MembershipState>>;

/** A role's name, as defined by the host's role set. */
export const RoleName = defineModel('role', z.string().trim().min(1, 'Must not be empty').max(64));

/**
 * Host-named restrictions on what a member may do (004's "advanced
 * restrictions"): up to 100 names of 1 to 64 characters.
 */
export const Restrictions = defineModel(
  'restrictions',
  z.array(z.string().min(1).max(64)).max(100),
);

const periodSchema = z.object({
  startedAt: Timestamp.schema,
  endedAt: Timestamp.schema.nullable(),
  role: RoleName.schema,
});

/** One stretch of time during which the account was a member of the space. */
export const MembershipPeriod: Model<MembershipPeriod> = defineModel(
  'MembershipPeriod',
  periodSchema,
);
/** One stretch of membership. See {@link MembershipPeriod}. */
export interface MembershipPeriod {
  startedAt: Date;
  /** `null` while the period is the current one. */
  endedAt: Date | null;
  /** The role held during the period. */
  role: string;
}

type _MembershipPeriodMatchesSchema = Assert<
  Equals<z.output<typeof periodSchema>, MembershipPeriod>
>;

const schema = z
  .object({
    id: Id.schema,
    orgId: Id.schema,
    accountId: Id.schema,
    spaceId: Id.schema,
    state: MembershipState.schema,
    role: RoleName.schema,
    /** Host-named restrictions on what the member may do (004's "advanced restrictions"). */
    restrictions: Restrictions.schema,
    groupIds: z.array(Id.schema).max(1000),
    managerId: Id.schema.nullable(),
    /** Every period of membership, oldest first; the last is open while `state` is `member`. */
    periods: z.array(periodSchema),
    version: Version.schema,
  })
  .superRefine((membership, ctx) => {
    const last = membership.periods.at(-1);
    const open = last !== undefined && last.endedAt === null;
    const openCount = membership.periods.filter((period) => period.endedAt === null).length;
    if (membership.state === 'member' ? !open || openCount !== 1 : openCount !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['periods'],
        message: 'A member has exactly one open period, the last; a former member has none',
      });
    }
    if (membership.state === 'account-only' && membership.groupIds.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['groupIds'],
        message: 'A former member belongs to no group',
      });
    }
    if (membership.managerId === membership.accountId) {
      ctx.addIssue({
        code: 'custom',
        path: ['managerId'],
        message: 'An account cannot manage itself',
      });
    }
  });

/**
 * An account's access to one space: its role, restrictions, groups and
 * manager, and the history of its membership periods. Removing from the team
 * ends the current period; adding back opens a new one on the same record.
 */
export const Membership: Model<Membership> = defineModel('Membership', schema);
/** An account's access to one space. See {@link Membership}. */
export interface Membership {
  id: string;
  orgId: string;
  accountId: string;
  spaceId: string;
  state: MembershipState;
  /** The role's name in the host's role set. */
  role: string;
  /** Host-named restrictions on what the member may do (004's "advanced restrictions"). */
  restrictions: string[];
  /** The groups (departments, queues) of this space the member belongs to. */
  groupIds: string[];
  /** The member's manager (team leader), if any. */
  managerId: string | null;
  /** Every period of membership, oldest first; the last is open while `state` is `member`. */
  periods: MembershipPeriod[];
  version: number;
}

type _MembershipMatchesSchema = Assert<Equals<z.output<typeof schema>, Membership>>;
