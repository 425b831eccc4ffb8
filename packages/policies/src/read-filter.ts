import { rulesToAST } from '@casl/ability/extra';
import {
  type FilterScalar,
  matchAll,
  matchNothing,
  type ReadFilter,
  type RosterAction,
  type SubjectType,
} from '@rosterkit/core';
import type { RosterAbility } from './rules/roster-rule.js';

/** The shape of the condition trees CASL's MongoDB parser produces (`@ucast/core`). */
interface AstNode {
  readonly operator: string;
  readonly field?: string;
  readonly value: unknown;
}

const fieldOps = new Set(['eq', 'ne', 'in', 'nin', 'lt', 'lte', 'gt', 'gte']);

function convert(node: AstNode): ReadFilter {
  if (node.field === undefined) {
    const children = (node.value as AstNode[]).map(convert);
    switch (node.operator) {
      case 'and':
        return and(children);
      case 'or':
        return or(children);
      case 'not': {
        const [inner] = children;
        if (inner === undefined) return matchNothing;
        if (inner.kind === 'all') return matchNothing;
        if (inner.kind === 'none') return matchAll;
        if (inner.kind === 'not') return inner.filter;
        // `ne` and `nin` are defined as the negations of `eq` and `in`, so these are exact.
        if (inner.kind === 'field' && inner.op in negations) {
          return { ...inner, op: negations[inner.op as keyof typeof negations] } as ReadFilter;
        }
        return { kind: 'not', filter: inner };
      }
    }
  } else if (fieldOps.has(node.operator)) {
    const op = node.operator as 'eq';
    if (node.operator === 'in' || node.operator === 'nin') {
      return {
        kind: 'field',
        field: node.field,
        op: node.operator,
        value: [...(node.value as FilterScalar[])],
      };
    }
    return { kind: 'field', field: node.field, op, value: node.value as FilterScalar };
  }
  throw new TypeError(
    `Cannot turn the condition operator "${node.operator}" into a read filter; rules may use only ${[...fieldOps].join(', ')}.`,
  );
}

const negations = { eq: 'ne', ne: 'eq', in: 'nin', nin: 'in' } as const;

function and(filters: ReadFilter[]): ReadFilter {
  const flat: ReadFilter[] = [];
  const seen = new Set<string>();
  for (const filter of filters) {
    if (filter.kind === 'none') return matchNothing;
    if (filter.kind === 'all') continue;
    for (const inner of filter.kind === 'and' ? filter.filters : [filter]) {
      const key = JSON.stringify(inner);
      if (!seen.has(key)) {
        seen.add(key);
        flat.push(inner);
      }
    }
  }
  if (flat.length === 0) return matchAll;
  return flat.length === 1 ? (flat[0] as ReadFilter) : { kind: 'and', filters: flat };
}

function or(filters: ReadFilter[]): ReadFilter {
  const flat: ReadFilter[] = [];
  for (const filter of filters) {
    if (filter.kind === 'all') return matchAll;
    if (filter.kind === 'none') continue;
    if (filter.kind === 'or') flat.push(...filter.filters);
    else flat.push(filter);
  }
  if (flat.length === 0) return matchNothing;
  return flat.length === 1 ? (flat[0] as ReadFilter) : { kind: 'or', filters: flat };
}

/**
 * Turns what an ability allows for one action on one kind of subject into a
 * {@link @rosterkit/core!ReadFilter} a store applies when listing, so that a
 * list returns exactly the records `ability.can(action, record)` allows
 * (CASL's rule priorities, inverted rules included, are flattened into
 * and / or / not). `matchNothing` when nothing is allowed.
 *
 * Account records are filtered on the fields {@link toAbilitySubject} derives
 * too (`roles`, `spaceIds`): a store exposes them from the account's memberships.
 *
 * @example
 * ```ts
 * import { matchesFilter } from '@rosterkit/core';
 * import { defineAbilityFor, presets, toReadFilter } from '@rosterkit/policies';
 *
 * const filter = toReadFilter(defineAbilityFor(presets.multiSite, actor), 'read', 'Membership');
 * const visible = memberships.filter((membership) => matchesFilter(filter, membership));
 * ```
 */
export function toReadFilter(
  ability: RosterAbility,
  action: RosterAction,
  subjectType: SubjectType,
): ReadFilter {
  const ast = rulesToAST(ability, action, subjectType) as AstNode | null;
  return ast === null ? matchNothing : convert(ast);
}
