// A SQL store compares a link's texts through keys it stores beside them,
// made by `linkKey`: every UTF-16 code unit of the text becomes `g` and its
// four lower-case hex digits. A key holds only `g`, `0-9` and `a-f`, so:
//
// - LIKE reads nothing in it specially (no `%`, `_` or `\`: Prisma's
//   `contains`, `startsWith` and `endsWith` are LIKE, unescaped) and no
//   case folding changes it (SQLite's LIKE folds ASCII case: the texts'
//   own case would be lost, the keys have none to lose);
// - `g` marks where each code unit starts, so a key contains, starts or
//   ends with another exactly when the texts do (a match cannot start in
//   the middle of a code unit);
// - fixed-width hex orders as the code units do, so `<` on keys (binary
//   collation) is `compareText` on texts.
//
// Case-insensitive attributes keep the key of the lower-cased text
// (`lowerText`). An account's several emails are one key: each email's,
// between `|`s, so that `eq` is "contains |key|" and `sw` "contains |key".

import type { LinkFilter } from '../model/link-filter.js';
import type { ProvisioningLink, ProvisioningResourceType } from '../model/provisioning-link.js';
import { caseInsensitiveLinkAttributes, linkFilterValues } from './link-filter-match.js';
import { lowerText } from './text.js';

/**
 * The key a SQL store keeps of a text to compare it as
 * `matchesLinkFilter` does (see {@link translateLinkFilter}): each UTF-16
 * code unit as `g` and four hex digits.
 *
 * @example
 * ```ts
 * import { linkKey } from '@rosterkit/core/adapter';
 *
 * linkKey('Ab'); // 'g0041g0062'
 * ```
 */
export function linkKey(text: string): string {
  let key = '';
  for (let i = 0; i < text.length; i += 1) {
    key += `g${text.charCodeAt(i).toString(16).padStart(4, '0')}`;
  }
  return key;
}

const emailsKey = (emails: readonly string[]): string | null =>
  emails.length === 0 ? null : `|${emails.map((email) => linkKey(lowerText(email))).join('|')}|`;

/**
 * The columns a SQL store keeps of a link for its filters, written with
 * every insert and update of the link:
 *
 * - `userNameKey`: the key of the lower-cased `userName` (every link has one;
 *   it is also the case-insensitive unique key of `userName`);
 * - `idKey`, `externalIdKey`: the keys of `id` and `externalId`;
 * - `displayNameKey`, `emailKeys`, `active`: what `matchesLinkFilter` reads
 *   for `displayName`, `email` and `active`, lower-cased and made keys.
 *
 * @category Adapter kit
 */
export interface LinkFilterKeys {
  readonly idKey: string;
  readonly userNameKey: string;
  readonly displayNameKey: string | null;
  readonly externalIdKey: string | null;
  readonly emailKeys: string | null;
  readonly active: boolean | null;
}

/**
 * The filter columns of a link (see {@link LinkFilterKeys}).
 *
 * @example
 * ```ts
 * import { linkFilterKeys } from '@rosterkit/core/adapter';
 *
 * const link = { id: 'l1', resourceType: 'User' as const, userName: 'Ana', externalId: null, attributes: {} };
 * linkFilterKeys(link).userNameKey; // 'g0061g006eg0061': the key of 'ana'
 * ```
 */
export function linkFilterKeys(
  link: Pick<ProvisioningLink, 'id' | 'resourceType' | 'userName' | 'externalId' | 'attributes'>,
): LinkFilterKeys {
  const values = linkFilterValues(link);
  return {
    idKey: linkKey(link.id),
    userNameKey: linkKey(lowerText(link.userName)),
    displayNameKey: values.displayName === null ? null : linkKey(lowerText(values.displayName)),
    externalIdKey: link.externalId === null ? null : linkKey(link.externalId),
    emailKeys: emailsKey(values.emails),
    active: values.active,
  };
}

/** A filter column of {@link LinkFilterKeys}. */
export type LinkKeyColumn = keyof LinkFilterKeys;

/**
 * One test of a filter column that {@link LinkFilterTranslator.column}
 * writes: `equals` (a key, or a boolean for `active`), a LIKE-like test of a
 * key (`contains`, `startsWith`, `endsWith`: the keys hold nothing LIKE
 * reads specially), an ordering of keys (by code units: binary collation),
 * or `notNull`.
 *
 * @category Adapter kit
 */
export type LinkKeyCondition =
  | { readonly test: 'equals'; readonly value: string | boolean }
  | { readonly test: 'contains' | 'startsWith' | 'endsWith'; readonly value: string }
  | { readonly test: 'gt' | 'gte' | 'lt' | 'lte'; readonly value: string }
  | { readonly test: 'notNull' };

/**
 * What {@link translateLinkFilter} builds a condition of type `W` with (a
 * Prisma `where`, a SQL fragment).
 *
 * @typeParam W - the adapter's condition type.
 *
 * @example
 * ```ts
 * import type { LinkFilterTranslator } from '@rosterkit/core/adapter';
 *
 * type Where = Record<string, unknown>;
 * const toWhere: LinkFilterTranslator<Where> = {
 *   column: (name, c) => ({
 *     [name]: c.test === 'equals' ? c.value : c.test === 'notNull' ? { not: null } : { [c.test]: c.value },
 *   }),
 *   and: (parts) => ({ AND: parts }),
 *   or: (parts) => ({ OR: parts }),
 *   not: (part) => ({ NOT: part }),
 *   all: {},
 *   none: { id: { in: [] } },
 * };
 * ```
 *
 * @category Adapter kit
 */
export interface LinkFilterTranslator<W> {
  /** A condition on one filter column (never asked of a `NULL` in a way SQL's unknown could leak). */
  column(name: LinkKeyColumn, condition: LinkKeyCondition): W;
  /** All of `parts` (two or more). */
  and(parts: readonly W[]): W;
  /** Any of `parts` (two or more). */
  or(parts: readonly W[]): W;
  /** The negation of `part`. */
  not(part: W): W;
  /** Matches every row. */
  readonly all: W;
  /** Matches no row. */
  readonly none: W;
}

type Node<W> = { readonly constant: boolean } | { readonly condition: W };
const yes = { constant: true } as const;
const no = { constant: false } as const;

// Where each attribute is kept, per resource type; absent: no link of the type has it.
const columns: Readonly<
  Record<ProvisioningResourceType, Readonly<Record<string, LinkKeyColumn | undefined>>>
> = {
  User: {
    id: 'idKey',
    userName: 'userNameKey',
    displayName: 'displayNameKey',
    externalId: 'externalIdKey',
    email: 'emailKeys',
    active: 'active',
  },
  Group: { id: 'idKey', displayName: 'userNameKey', externalId: 'externalIdKey' },
};
const nullable: ReadonlySet<LinkKeyColumn> = new Set([
  'displayNameKey',
  'externalIdKey',
  'emailKeys',
  'active',
]);
const orderings = { gt: 'gt', ge: 'gte', lt: 'lt', le: 'lte' } as const;

class Translation<W> {
  constructor(
    readonly t: LinkFilterTranslator<W>,
    readonly resourceType: ProvisioningResourceType,
  ) {}

  combine(kind: 'and' | 'or', nodes: readonly Node<W>[]): Node<W> {
    const decisive = kind === 'or';
    const parts: W[] = [];
    for (const node of nodes) {
      if ('constant' in node) {
        if (node.constant === decisive) return node;
      } else parts.push(node.condition);
    }
    if (parts.length === 0) return decisive ? no : yes;
    return { condition: parts.length === 1 ? (parts[0] as W) : this.t[kind](parts) };
  }

  not(node: Node<W>): Node<W> {
    return 'constant' in node
      ? { constant: !node.constant }
      : { condition: this.t.not(node.condition) };
  }

  node(filter: LinkFilter): Node<W> {
    switch (filter.op) {
      case 'and':
      case 'or':
        return this.combine(
          filter.op,
          filter.filters.map((part) => this.node(part)),
        );
      case 'not':
        return this.not(this.node(filter.filter));
      case 'ne':
        return this.not(this.node({ ...filter, op: 'eq' }));
      default:
        return this.comparison(filter);
    }
  }

  comparison(filter: Extract<LinkFilter, { attribute: string }>): Node<W> {
    const column = columns[this.resourceType][filter.attribute];
    if (column === undefined) return no;
    const present: Node<W> = nullable.has(column)
      ? { condition: this.t.column(column, { test: 'notNull' }) }
      : yes;
    if (filter.op === 'pr') return present;
    const test = this.test(column, filter);
    if (test === undefined) return no;
    return this.combine('and', [present, { condition: this.t.column(column, test) }]);
  }

  test(
    column: LinkKeyColumn,
    filter: Extract<LinkFilter, { attribute: string }>,
  ): LinkKeyCondition | undefined {
    const { op, value } = filter;
    if (column === 'active') {
      return op === 'eq' && typeof value === 'boolean' ? { test: 'equals', value } : undefined;
    }
    if (typeof value !== 'string') return undefined;
    const key = linkKey(
      caseInsensitiveLinkAttributes.has(filter.attribute) ? lowerText(value) : value,
    );
    if (column === 'emailKeys') {
      switch (op) {
        case 'eq':
          return { test: 'contains', value: `|${key}|` };
        case 'sw':
          return { test: 'contains', value: `|${key}` };
        case 'ew':
          return { test: 'contains', value: `${key}|` };
        case 'co':
          return { test: 'contains', value: key };
        default:
          return undefined;
      }
    }
    switch (op) {
      case 'eq':
        return { test: 'equals', value: key };
      case 'co':
        return { test: 'contains', value: key };
      case 'sw':
        return { test: 'startsWith', value: key };
      case 'ew':
        return { test: 'endsWith', value: key };
      case 'gt':
      case 'ge':
      case 'lt':
      case 'le':
        return { test: orderings[op], value: key };
      default:
        return undefined;
    }
  }
}

/**
 * Translates a {@link LinkFilter} on links of one resource type into the
 * adapter's condition on the filter columns it stores
 * ({@link linkFilterKeys}), selecting exactly the links `matchesLinkFilter`
 * accepts. An attribute the type has not (a Group's `userName`, `email`,
 * `active`) is decided here, the same for every row; `ne` is `not eq`; a
 * nullable column is tested `notNull` before any other test, so `not` is
 * safe to write as SQL's `NOT`.
 *
 * @param filter - a filter that passed `checkLinkFilter`.
 * @param resourceType - the type of the links listed.
 * @param translator - how the adapter writes conditions.
 *
 * @example
 * ```ts
 * import { type LinkFilterTranslator, translateLinkFilter } from '@rosterkit/core/adapter';
 *
 * type Where = Record<string, unknown>;
 * const t: LinkFilterTranslator<Where> = {
 *   column: (name, c) => ({ [name]: c.test === 'equals' ? c.value : c.test === 'notNull' ? { not: null } : { [c.test]: c.value } }),
 *   and: (parts) => ({ AND: parts }),
 *   or: (parts) => ({ OR: parts }),
 *   not: (part) => ({ NOT: part }),
 *   all: {},
 *   none: { id: { in: [] } },
 * };
 * translateLinkFilter({ op: 'eq', attribute: 'userName', value: 'Ana' }, 'User', t);
 * // { userNameKey: 'g0061g006eg0061' }
 * ```
 */
export function translateLinkFilter<W>(
  filter: LinkFilter,
  resourceType: ProvisioningResourceType,
  translator: LinkFilterTranslator<W>,
): W {
  const node = new Translation(translator, resourceType).node(filter);
  if ('constant' in node) return node.constant ? translator.all : translator.none;
  return node.condition;
}
