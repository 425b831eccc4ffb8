import type { AnyAbility } from '@casl/ability';
import { accessibleBy, createPrismaAbility } from '@casl/prisma/runtime';
import type { PolicyActor, RosterAction, SubjectType } from '@rosterkit/core';
import { abilityOptions } from './define-ability.js';
import type { ConditionOperators, ConditionValue, RuleConditions } from './role-rule.js';
import type { RoleSet } from './role-set.js';
import type { RosterRule } from './rules/roster-rule.js';
import { rulesFor } from './rules-for.js';

/** A Prisma `where` input: plain data, as Prisma's client takes it. */
export type PrismaWhere = Record<string, unknown>;

/** Options of {@link definePrismaAbilityFor}. */
export interface PrismaAbilityOptions {
  /**
   * The name of the Account model's relation to its memberships, through
   * which the derived `roles` and `spaceIds` of an account are filtered.
   * @default 'memberships'
   */
  readonly membershipsRelation?: string;
}

/** The CASL ability over Prisma conditions that {@link definePrismaAbilityFor} builds. */
export type RosterPrismaAbility = AnyAbility;

// An account's `roles` and `spaceIds` are derived from its memberships in
// state `member` (see toAbilitySubject); in the database they are a relation.
const derivedAccountFields: Readonly<Record<string, string>> = {
  roles: 'role',
  spaceIds: 'spaceId',
};
const prismaOps = {
  $eq: 'equals',
  $ne: 'not',
  $in: 'in',
  $nin: 'notIn',
  $lt: 'lt',
  $lte: 'lte',
  $gt: 'gt',
  $gte: 'gte',
} as const;

function isOperators(value: ConditionValue | ConditionOperators): value is ConditionOperators {
  return typeof value === 'object' && value !== null;
}

function toPrismaConditions(
  subjects: readonly string[],
  conditions: RuleConditions,
  relation: string,
): PrismaWhere {
  const clauses: PrismaWhere[] = [];
  for (const [field, condition] of Object.entries(conditions)) {
    const operators: ConditionOperators = isOperators(condition) ? condition : { $eq: condition };
    const column = derivedAccountFields[field];
    if (column !== undefined && subjects.includes('Account')) {
      // Any membership matching (eq / in), or none matching (ne / nin).
      for (const [op, value] of Object.entries(operators) as [
        keyof ConditionOperators,
        unknown,
      ][]) {
        if (op === '$eq' || op === '$in') {
          clauses.push({
            [relation]: {
              some: { state: 'member', [column]: op === '$eq' ? value : { in: value } },
            },
          });
        } else if (op === '$ne' || op === '$nin') {
          clauses.push({
            [relation]: {
              none: { state: 'member', [column]: op === '$ne' ? value : { in: value } },
            },
          });
        } else {
          throw new TypeError(
            `The derived account field "${field}" supports only $eq, $ne, $in and $nin.`,
          );
        }
      }
      continue;
    }
    const filter: Record<string, unknown> = {};
    for (const [op, value] of Object.entries(operators) as [keyof ConditionOperators, unknown][]) {
      filter[prismaOps[op]] = value;
    }
    clauses.push({ [field]: filter });
  }
  const keys = clauses.flatMap((clause) => Object.keys(clause));
  // One object when no two clauses filter the same key (both derived fields share the relation).
  if (new Set(keys).size === keys.length) return Object.assign({}, ...clauses) as PrismaWhere;
  return { AND: clauses };
}

/**
 * Rewrites rosterkit rules (MongoDB-style conditions) as rules over Prisma
 * conditions: `$ne` → `not`, `$nin` → `notIn`, and an account's derived
 * `roles` / `spaceIds` → `memberships: { some | none: { state: 'member', … } }`.
 *
 * SQL's `NOT` / `NOT IN` skip NULL columns; the built-in rules only negate
 * columns that are never NULL (`orgId`, `id`, `spaceId`), so the database
 * returns what the in-memory check allows.
 *
 * @example
 * ```ts
 * import { rulesFor, presets } from '@rosterkit/policies';
 * import { toPrismaRules } from '@rosterkit/policies/prisma';
 * const prismaRules = toPrismaRules(rulesFor(presets.multiSite, actor));
 * ```
 */
export function toPrismaRules(
  rules: readonly RosterRule[],
  options: PrismaAbilityOptions = {},
): RosterRule[] {
  const relation = options.membershipsRelation ?? 'memberships';
  return rules.map((rule) => {
    if (rule.conditions === undefined) return rule;
    const subjects = Array.isArray(rule.subject) ? rule.subject : [rule.subject];
    const wide = subjects.includes('all') ? ['Account'] : subjects;
    return {
      ...rule,
      conditions: toPrismaConditions(wide, rule.conditions, relation) as RuleConditions,
    };
  });
}

/**
 * The actor's ability over Prisma conditions, from the same rules as
 * `defineAbilityFor`, for `@casl/prisma`'s `accessibleBy`.
 * Needs the optional peer dependencies `@casl/prisma` and `@prisma/client`.
 *
 * @example
 * ```ts
 * import { presets } from '@rosterkit/policies';
 * import { definePrismaAbilityFor, prismaWhere } from '@rosterkit/policies/prisma';
 *
 * const ability = definePrismaAbilityFor(presets.multiSite, actor);
 * const accounts = await prisma.rosterkitAccount.findMany({ where: prismaWhere(ability, 'read', 'Account') });
 * ```
 */
export function definePrismaAbilityFor(
  roleSet: RoleSet,
  actor: PolicyActor,
  options: PrismaAbilityOptions = {},
): RosterPrismaAbility {
  return createPrismaAbility(
    toPrismaRules(rulesFor(roleSet, actor), options) as never,
    abilityOptions as never,
  ) as RosterPrismaAbility;
}

/**
 * The Prisma `where` that selects exactly the records of `subjectType` the
 * ability allows for `action`, through `@casl/prisma`'s `accessibleBy`. When
 * nothing is allowed it is `{ OR: [] }`, which Prisma reads as matching no row.
 *
 * @example
 * ```ts
 * const where = prismaWhere(definePrismaAbilityFor(presets.spaces, actor), 'read', 'Membership');
 * await prisma.rosterkitMembership.findMany({ where });
 * ```
 */
export function prismaWhere(
  ability: RosterPrismaAbility,
  action: RosterAction,
  subjectType: SubjectType,
): PrismaWhere {
  return accessibleBy(ability as never, action as never).ofType(
    subjectType as never,
  ) as PrismaWhere;
}
