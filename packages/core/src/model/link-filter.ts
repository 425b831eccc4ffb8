import { z } from 'zod';
import { defineModel, type Model } from './define-model.js';
import type { Assert, Equals } from './type-equals.js';

/** The attributes a {@link LinkFilter} compares. */
export const linkFilterAttributes = [
  'userName',
  'externalId',
  'id',
  'displayName',
  'email',
  'active',
] as const satisfies readonly LinkFilterAttribute[];
/** An attribute a {@link LinkFilter} compares. */
export type LinkFilterAttribute =
  | 'userName'
  | 'externalId'
  | 'id'
  | 'displayName'
  | 'email'
  | 'active';
type _AttributesAreListed = Assert<
  Equals<(typeof linkFilterAttributes)[number], LinkFilterAttribute>
>;

/** The comparison operators of a {@link LinkFilter}: SCIM's (RFC 7644 §3.4.2.2). */
export const linkFilterOperators = [
  'eq',
  'ne',
  'co',
  'sw',
  'ew',
  'pr',
  'gt',
  'ge',
  'lt',
  'le',
] as const satisfies readonly LinkFilterOperator[];
/** A comparison operator of a {@link LinkFilter}. */
export type LinkFilterOperator =
  | 'eq'
  | 'ne'
  | 'co'
  | 'sw'
  | 'ew'
  | 'pr'
  | 'gt'
  | 'ge'
  | 'lt'
  | 'le';
type _OperatorsAreListed = Assert<Equals<(typeof linkFilterOperators)[number], LinkFilterOperator>>;

/**
 * A condition on a connection's links, as the scim package translates a
 * SCIM filter: one attribute compared (`pr` takes no value), or `and` /
 * `or` of one or more filters, or `not` of one. What each attribute reads
 * and how it compares is the adapter kit's `matchesLinkFilter`.
 *
 * @example
 * ```ts
 * import type { LinkFilter } from '@rosterkit/core';
 *
 * // userName sw "ana" and not (externalId pr)
 * const filter: LinkFilter = {
 *   op: 'and',
 *   filters: [
 *     { op: 'sw', attribute: 'userName', value: 'ana' },
 *     { op: 'not', filter: { op: 'pr', attribute: 'externalId' } },
 *   ],
 * };
 * ```
 *
 * @category Model
 */
export type LinkFilter =
  | { op: LinkFilterOperator; attribute: LinkFilterAttribute; value?: string | boolean }
  | { op: 'and' | 'or'; filters: LinkFilter[] }
  | { op: 'not'; filter: LinkFilter };

const comparison = z
  .object({
    op: z.enum(linkFilterOperators),
    attribute: z.enum(linkFilterAttributes),
    value: z.union([z.string().max(1000), z.boolean()]).optional(),
  })
  .strict()
  .superRefine((filter, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['value'], message });
    if (filter.op === 'pr') {
      if (filter.value !== undefined) issue('"pr" takes no value');
      return;
    }
    if (filter.value === undefined) {
      issue(`"${filter.op}" needs a value`);
      return;
    }
    if (filter.attribute === 'active') {
      if (typeof filter.value !== 'boolean') issue('"active" is compared with true or false');
      else if (filter.op !== 'eq' && filter.op !== 'ne')
        ctx.addIssue({
          code: 'custom',
          path: ['op'],
          message: '"active" takes eq, ne or pr',
        });
      return;
    }
    if (typeof filter.value !== 'string') {
      issue(`"${filter.attribute}" is compared with a string`);
      return;
    }
    // An account's emails are several values: "the first one greater" means nothing.
    if (filter.attribute === 'email' && ['gt', 'ge', 'lt', 'le'].includes(filter.op)) {
      ctx.addIssue({ code: 'custom', path: ['op'], message: '"email" takes no ordering' });
    }
  });

const schema: z.ZodType<LinkFilter> = z.lazy(() =>
  z.union([
    comparison,
    z.object({ op: z.enum(['and', 'or']), filters: z.array(schema).min(1).max(100) }).strict(),
    z.object({ op: z.literal('not'), filter: schema }).strict(),
  ]),
) as z.ZodType<LinkFilter>;

/**
 * Validates a {@link LinkFilter}: `pr` without a value, every other
 * comparison with one; `active` with a boolean and `eq`, `ne` or `pr`; every
 * other attribute with a string (of at most 1000 characters), and `email`
 * without orderings (`gt`, `ge`, `lt`, `le`: it has several values); `and`
 * and `or` of 1 to 100 filters. How deep and how large a filter may be is
 * the adapter kit's `checkLinkFilter`.
 *
 * @category Model
 */
export const LinkFilter: Model<LinkFilter> = defineModel('LinkFilter', schema);
