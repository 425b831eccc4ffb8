import { type RosterAction, rosterActions, type SubjectType } from '@rosterkit/core';
import { z } from 'zod';

/** A value a rule condition compares with. */
export type ConditionValue = string | number | boolean | null;

/**
 * The comparisons a rule condition may use on one field. They are the subset
 * of CASL's MongoDB-style operators that every store can evaluate and that
 * {@link toReadFilter} turns into a {@link @rosterkit/core!ReadFilter}.
 */
export interface ConditionOperators {
  readonly $eq?: ConditionValue;
  readonly $ne?: ConditionValue;
  readonly $in?: readonly ConditionValue[];
  readonly $nin?: readonly ConditionValue[];
  readonly $lt?: string | number;
  readonly $lte?: string | number;
  readonly $gt?: string | number;
  readonly $gte?: string | number;
}

/**
 * A rule's conditions: every listed field must match (a plain value means
 * equality). On an array field (an account's `spaceIds` or `roles`) a
 * comparison matches if any element does. Alternatives are separate rules.
 */
export type RuleConditions = Readonly<Record<string, ConditionValue | ConditionOperators>>;

/** Every kind of subject a rule can be about (core's {@link @rosterkit/core!SubjectType}). */
export const subjectTypes = [
  'Organization',
  'Account',
  'Space',
  'Membership',
  'Group',
  'Invitation',
  'AuditEvent',
  'Role',
  'OutboxMessage',
  'ProvisioningConnection',
] as const satisfies readonly SubjectType[];

/** The subjects rules are about: every {@link @rosterkit/core!SubjectType}, or `'all'`. */
export type RuleSubject = SubjectType | 'all';

/** The actions rules are about: every {@link @rosterkit/core!RosterAction}, or `'manage'` for any. */
export type RuleAction = RosterAction | 'manage';

/**
 * One CASL rule in rosterkit's terms: what it allows (or, `inverted`, forbids),
 * on which subject, under which conditions, for which fields, and why.
 * The `reason` of a forbidding rule is what a refused command reports.
 */
export interface RoleRule {
  readonly action: RuleAction | readonly RuleAction[];
  readonly subject: RuleSubject | readonly RuleSubject[];
  readonly conditions?: RuleConditions;
  /** Field patterns (`'firstName'`, `'profile.*'`) the rule is limited to. */
  readonly fields?: readonly string[];
  /** A forbidding rule (CASL's `cannot`). */
  readonly inverted?: boolean;
  /** Why: shown when this rule refuses a request. */
  readonly reason?: string;
}

/**
 * What a role's rule function knows about the actor it builds rules for.
 */
export interface RoleRuleContext {
  /** The actor's account id. */
  readonly accountId: string;
  /** The actor's organization. */
  readonly orgId: string;
  /** The organization's owner. */
  readonly ownerId: string;
  /** The organization's plan. */
  readonly plan: string;
  /** The spaces in which the actor holds this role. */
  readonly spaceIds: readonly string[];
  /** Every space the actor is a member of. */
  readonly memberSpaceIds: readonly string[];
  /** The actor's rank: the highest rank among their roles. */
  readonly rank: number;
}

/** A role's extra rules: a list, or a function of the actor that returns one. */
export type RoleRules = readonly RoleRule[] | ((context: RoleRuleContext) => readonly RoleRule[]);

const scalar = z.union([z.string(), z.number().finite(), z.boolean(), z.null()]);
const comparable = z.union([z.string(), z.number().finite()]);
const operators = z.strictObject({
  $eq: scalar.optional(),
  $ne: scalar.optional(),
  $in: z.array(scalar).optional(),
  $nin: z.array(scalar).optional(),
  $lt: comparable.optional(),
  $lte: comparable.optional(),
  $gt: comparable.optional(),
  $gte: comparable.optional(),
});
const fieldName = z
  .string()
  .min(1)
  .max(64)
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*$/,
    'Must be a plain field name (no `$` operators such as $or, no dotted paths)',
  );
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);

/** @internal The zod schema of a {@link RoleRule}. */
export const roleRuleSchema = z.strictObject({
  action: oneOrMany(z.enum([...rosterActions, 'manage'])),
  subject: oneOrMany(z.enum([...subjectTypes, 'all'])),
  conditions: z.record(fieldName, z.union([scalar, operators])).optional(),
  fields: z.array(z.string().min(1).max(128)).min(1).optional(),
  inverted: z.boolean().optional(),
  reason: z.string().min(1).max(500).optional(),
});
