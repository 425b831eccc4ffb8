import { z } from 'zod';
import { membershipMachine } from '../machines/membership-machine.js';
import { defineModel } from './define-model.js';
import { Id, Timestamp, Version } from './primitives.js';

/** The states of a membership, from {@link membershipMachine}. */
export const MembershipState = defineModel(
  'membership state',
  z.enum(membershipMachine.stateNames),
);
/** `member` or `account-only`. */
export type MembershipState = z.output<typeof MembershipState.schema>;

/** A role's name, as defined by the host's role set. */
export const RoleName = defineModel('role', z.string().trim().min(1, 'Must not be empty').max(64));

const periodSchema = z.object({
  startedAt: Timestamp.schema,
  endedAt: Timestamp.schema.nullable(),
  role: RoleName.schema,
});

/** One stretch of time during which the account was a member of the space. */
export const MembershipPeriod = defineModel('MembershipPeriod', periodSchema);
/** One stretch of membership. See {@link MembershipPeriod}. */
export type MembershipPeriod = z.output<typeof periodSchema>;

const schema = z
  .object({
    id: Id.schema,
    orgId: Id.schema,
    accountId: Id.schema,
    spaceId: Id.schema,
    state: MembershipState.schema,
    role: RoleName.schema,
    /** Host-named restrictions on what the member may do (004's "advanced restrictions"). */
    restrictions: z.array(z.string().min(1).max(64)).max(100),
    groupIds: z.array(Id.schema).max(1000),
    managerId: Id.schema.nullable(),
    /** Every period of membership, oldest first; the last is open while `state` is `member`. */
    periods: z.array(periodSchema),
    version: Version.schema,
  })
  .superRefine((membership, ctx) => {
    const last = membership.periods.at(-1);
    const open = last !== undefined && last.endedAt === null;
    if ((membership.state === 'member') !== open) {
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
export const Membership = defineModel('Membership', schema);
/** An account's access to one space. See {@link Membership}. */
export type Membership = z.output<typeof schema>;
