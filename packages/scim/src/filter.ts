import type { LinkFilter, LinkFilterAttribute } from '@rosterkit/core';
import { checkLinkFilter } from '@rosterkit/core/adapter';
import { type Filter, parse } from 'scim2-parse-filter';
import { ScimError } from './scim-error.js';

/** The SCIM resource types a list filter reads. */
export type ScimResourceType = 'User' | 'Group';

const coreSchema = 'urn:ietf:params:scim:schemas:core:2.0:';

// Attribute names are case-insensitive (RFC 7643 §2.1): keys are lower case.
const userAttributes: Record<string, LinkFilterAttribute> = {
  username: 'userName',
  externalid: 'externalId',
  id: 'id',
  displayname: 'displayName',
  emails: 'email',
  'emails.value': 'email',
  active: 'active',
};
const groupAttributes: Record<string, LinkFilterAttribute> = {
  externalid: 'externalId',
  id: 'id',
  displayname: 'displayName',
};
// Sub-attributes of `emails` a link does not record: a condition on them
// cannot narrow anything, so inside an `and` it is dropped (see `any`).
const untrackedEmailParts = new Set(['type', 'primary']);

/** "No condition": what `emails[type eq "work"]` leaves once its type is dropped. */
const any = Symbol('any');
type Translated = LinkFilter | typeof any;

function invalid(detail: string): ScimError {
  return new ScimError(400, 'invalidFilter', detail);
}

function stripSchema(path: string, resourceType: ScimResourceType): string {
  const prefix = `${coreSchema}${resourceType}:`.toLowerCase();
  const lower = path.toLowerCase();
  return lower.startsWith(prefix) ? lower.slice(prefix.length) : lower;
}

function comparisonValue(
  attribute: LinkFilterAttribute,
  path: string,
  value: boolean | null | number | string,
): string | boolean {
  if (attribute === 'active') {
    // Entra sends booleans as strings in places ("True"); accept them here too.
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && /^(true|false)$/i.test(value)) {
      return value.toLowerCase() === 'true';
    }
    throw invalid(`"${path}" is compared with true or false`);
  }
  if (typeof value !== 'string') throw invalid(`"${path}" is compared with a quoted string`);
  return value;
}

function translate(node: Filter, resourceType: ScimResourceType, inEmails: boolean): Translated {
  switch (node.op) {
    case 'and': {
      const parts = node.filters
        .map((part) => translate(part, resourceType, inEmails))
        .filter((part): part is LinkFilter => part !== any);
      if (parts.length === 0) return any;
      return parts.length === 1 ? (parts[0] as LinkFilter) : { op: 'and', filters: parts };
    }
    case 'or': {
      const parts = node.filters.map((part) => translate(part, resourceType, inEmails));
      if (parts.includes(any)) throw invalid('The type of an email cannot be filtered on');
      return { op: 'or', filters: parts as LinkFilter[] };
    }
    case 'not': {
      const inner = translate(node.filter, resourceType, inEmails);
      if (inner === any) throw invalid('The type of an email cannot be filtered on');
      return { op: 'not', filter: inner };
    }
    case '[]': {
      const path = stripSchema(node.attrPath, resourceType);
      if (resourceType !== 'User' || path !== 'emails' || inEmails) {
        throw invalid(`"${node.attrPath}[…]" is not a filter this service lists by`);
      }
      const inner = translate(node.valFilter, resourceType, true);
      // `emails[type eq "work"]`: has an email (of a type a link does not record).
      return inner === any ? { op: 'pr', attribute: 'email' } : inner;
    }
    default: {
      const path = stripSchema(node.attrPath, resourceType);
      let attribute: LinkFilterAttribute | undefined;
      if (inEmails) {
        if (untrackedEmailParts.has(path)) return any;
        attribute = path === 'value' ? 'email' : undefined;
      } else {
        const table = resourceType === 'User' ? userAttributes : groupAttributes;
        attribute = Object.hasOwn(table, path) ? table[path] : undefined;
        if (attribute === undefined && resourceType === 'User') {
          const [head, part] = path.split('.', 2);
          if (head === 'emails' && part !== undefined && untrackedEmailParts.has(part)) return any;
        }
      }
      if (attribute === undefined) {
        throw invalid(`"${node.attrPath}" is not an attribute a ${resourceType} is filtered by`);
      }
      if (node.op === 'pr') return { op: 'pr', attribute };
      // `x eq null` is "x has no value" and `x ne null` "x has one" (RFC 7644 §3.4.2.2).
      if (node.compValue === null) {
        if (node.op === 'eq') return { op: 'not', filter: { op: 'pr', attribute } };
        if (node.op === 'ne') return { op: 'pr', attribute };
        throw invalid(`"${node.op}" cannot compare with null`);
      }
      return {
        op: node.op,
        attribute,
        value: comparisonValue(attribute, node.attrPath, node.compValue),
      };
    }
  }
}

/**
 * Translates a SCIM filter (RFC 7644 §3.4.2.2) into core's `LinkFilter`, the
 * condition `provisioning.listLinks` takes. Attribute names are matched
 * case-insensitively, with or without the core schema's URN; `emails`,
 * `emails.value` and `emails[…].value` are the link's `email`.
 *
 * @param filter - the `filter` query parameter, as the identity provider sent it.
 * @param resourceType - the endpoint the filter came to (`/Users` or `/Groups`).
 * @returns a filter that passed the adapter kit's `checkLinkFilter`.
 * @throws ScimError 400 `invalidFilter` when the filter does not parse, names an
 * attribute this service does not list by (`meta.*`, `name.*`, `members[…]`) or
 * compares a value its attribute does not take.
 *
 * @example
 * ```ts
 * scimFilterToLinkFilter('userName eq "ana@acme.io"', 'User');
 * // { op: 'eq', attribute: 'userName', value: 'ana@acme.io' }
 * ```
 *
 * @internal
 */
export function scimFilterToLinkFilter(filter: string, resourceType: ScimResourceType): LinkFilter {
  let ast: Filter;
  try {
    ast = parse(filter);
  } catch (error) {
    throw invalid(`The filter does not parse: ${(error as Error).message}`);
  }
  const translated = translate(ast, resourceType, false);
  if (translated === any) throw invalid('The filter has no condition this service lists by');
  try {
    return checkLinkFilter(translated);
  } catch (error) {
    throw invalid(`The filter is not supported: ${(error as Error).message}`);
  }
}
