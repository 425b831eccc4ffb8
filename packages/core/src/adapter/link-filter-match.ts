import type { LinkFilter, LinkFilterAttribute } from '../model/link-filter.js';
import type { ProvisioningLink } from '../model/provisioning-link.js';
import { compareText, lowerText } from './text.js';

/**
 * What a {@link LinkFilter} reads of a link, each `null` (or empty) when the
 * link has no such value:
 *
 * - `id`, `externalId`: the link's, compared exactly;
 * - `userName`: a User link's `userName` (a Group has none), case-insensitively;
 * - `displayName`: a Group link's `userName` (its SCIM `displayName`), or a
 *   User link's `attributes.displayName` when it is a non-empty string,
 *   case-insensitively;
 * - `emails`: a User link's `attributes.emails[].value`, each non-empty
 *   string (several values: a comparison holds if it holds for one),
 *   case-insensitively;
 * - `active`: a User link's `attributes.active` when it is a boolean.
 *
 * What rosterkit models itself (an account's email and status) the scim
 * package keeps in `attributes` as the identity provider last sent it, so
 * a filter reads the link alone: one table, indexed, in every store.
 *
 * @category Adapter kit
 */
export interface LinkFilterValues {
  readonly id: string;
  readonly userName: string | null;
  readonly displayName: string | null;
  readonly externalId: string | null;
  readonly emails: readonly string[];
  readonly active: boolean | null;
}

/** Whether the attribute compares case-insensitively (lower-cased by {@link lowerText}). */
export const caseInsensitiveLinkAttributes: ReadonlySet<LinkFilterAttribute> = new Set([
  'userName',
  'displayName',
  'email',
]);

const same = (text: string): string => text;

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The values a {@link LinkFilter} compares, read from a link (see
 * {@link LinkFilterValues}).
 *
 * @example
 * ```ts
 * import { linkFilterValues } from '@rosterkit/core/adapter';
 *
 * const link = { id: 'l1', resourceType: 'Group' as const, userName: 'Sales', externalId: null, attributes: {} };
 * linkFilterValues(link).displayName; // 'Sales'
 * ```
 */
export function linkFilterValues(
  link: Pick<ProvisioningLink, 'id' | 'resourceType' | 'userName' | 'externalId' | 'attributes'>,
): LinkFilterValues {
  if (link.resourceType === 'Group') {
    return {
      id: link.id,
      userName: null,
      displayName: link.userName,
      externalId: link.externalId,
      emails: [],
      active: null,
    };
  }
  const { displayName, emails, active } = link.attributes;
  const values = Array.isArray(emails)
    ? emails.flatMap((email) => {
        if (typeof email !== 'object' || email === null || Array.isArray(email)) return [];
        const value = nonEmptyString(email.value);
        return value === null ? [] : [value];
      })
    : [];
  return {
    id: link.id,
    userName: link.userName,
    displayName: nonEmptyString(displayName),
    externalId: link.externalId,
    emails: values,
    active: typeof active === 'boolean' ? active : null,
  };
}

function textsOf(values: LinkFilterValues, attribute: LinkFilterAttribute): readonly string[] {
  switch (attribute) {
    case 'email':
      return values.emails;
    case 'active':
      return [];
    default: {
      const value = values[attribute];
      return value === null ? [] : [value];
    }
  }
}

function compare(op: string, text: string, value: string): boolean {
  switch (op) {
    case 'eq':
      return text === value;
    case 'co':
      return text.includes(value);
    case 'sw':
      return text.startsWith(value);
    case 'ew':
      return text.endsWith(value);
    case 'gt':
      return compareText(text, value) > 0;
    case 'ge':
      return compareText(text, value) >= 0;
    case 'lt':
      return compareText(text, value) < 0;
    case 'le':
      return compareText(text, value) <= 0;
    default:
      return false;
  }
}

function matches(values: LinkFilterValues, filter: LinkFilter): boolean {
  switch (filter.op) {
    case 'and':
      return filter.filters.every((part) => matches(values, part));
    case 'or':
      return filter.filters.some((part) => matches(values, part));
    case 'not':
      return !matches(values, filter.filter);
    case 'ne':
      return !matches(values, { ...filter, op: 'eq' });
    case 'pr':
      return filter.attribute === 'active'
        ? values.active !== null
        : textsOf(values, filter.attribute).length > 0;
    default: {
      if (filter.attribute === 'active') {
        return filter.op === 'eq' && values.active !== null && values.active === filter.value;
      }
      if (typeof filter.value !== 'string') return false;
      const fold = caseInsensitiveLinkAttributes.has(filter.attribute) ? lowerText : same;
      const value = fold(filter.value);
      return textsOf(values, filter.attribute).some((text) =>
        compare(filter.op, fold(text), value),
      );
    }
  }
}

/**
 * Whether a link matches a {@link LinkFilter}: the meaning of
 * `provisioning.listLinks`'s filter, which a SQL store's translation
 * ({@link translateLinkFilter}) must select exactly. Each attribute reads
 * {@link LinkFilterValues}; `userName`, `displayName` and `email` compare
 * lower-cased by {@link lowerText}, `id` and `externalId` exactly, all by
 * code units (`gt`, `ge`, `lt`, `le` as {@link compareText}). A link without
 * the attribute matches no comparison but `ne`, which is `not eq`, and `pr`
 * holds when it has a value; `active` is compared with a boolean.
 *
 * @param link - the link (its id, type, names, and attributes).
 * @param filter - a filter that passed `checkLinkFilter`.
 *
 * @example
 * ```ts
 * import { matchesLinkFilter } from '@rosterkit/core/adapter';
 *
 * const link = { id: 'l1', resourceType: 'User' as const, userName: 'Ana@Acme.io', externalId: null, attributes: {} };
 * matchesLinkFilter(link, { op: 'sw', attribute: 'userName', value: 'ana@' }); // true
 * matchesLinkFilter(link, { op: 'ne', attribute: 'externalId', value: 'x' }); // true: it has none
 * ```
 */
export function matchesLinkFilter(
  link: Pick<ProvisioningLink, 'id' | 'resourceType' | 'userName' | 'externalId' | 'attributes'>,
  filter: LinkFilter,
): boolean {
  return matches(linkFilterValues(link), filter);
}

/**
 * The order of `provisioning.listLinks` (and `listConnections`): `createdAt`,
 * then `id` by code units, both ascending.
 *
 * @returns a negative number, zero, or a positive number, for `Array.prototype.sort`.
 *
 * @example
 * ```ts
 * import { compareByCreation } from '@rosterkit/core/adapter';
 *
 * const at = new Date(0);
 * [{ id: 'b', createdAt: at }, { id: 'a', createdAt: at }].sort(compareByCreation); // a, then b
 * ```
 */
export function compareByCreation(
  a: { readonly createdAt: Date; readonly id: string },
  b: { readonly createdAt: Date; readonly id: string },
): number {
  return Math.sign(a.createdAt.getTime() - b.createdAt.getTime()) || compareText(a.id, b.id);
}
