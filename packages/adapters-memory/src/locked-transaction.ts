import type { StoreTransaction } from '@rosterkit/core';
import { invalidField } from '@rosterkit/core/adapter';

/** Takes locks (one key or several) before a repository call; `undefined` when they are held already. @internal */
export type TakeLocks = (keys: string | readonly string[]) => Promise<void> | undefined;

type Method = (...args: unknown[]) => Promise<unknown>;
type Rule = (args: readonly unknown[]) => string | readonly string[];

/** The lock of one organization's rows. @internal */
export const organizationLock = (orgId: string): string => `org:${orgId}`;

/**
 * The lock of the outbox's cross-organization calls (listing, delivery,
 * failures), so two drainers never handle one message at once. Appends are
 * an organization's writes and take that organization's lock instead.
 *
 * @internal
 */
export const outboxLock = 'outbox';

function orgOf(value: unknown): string {
  if (typeof value === 'string') return organizationLock(value);
  const orgId = (value as { orgId?: unknown } | null | undefined)?.orgId;
  if (typeof orgId === 'string') return organizationLock(orgId);
  throw invalidField('orgId', 'Must be a string');
}

function orgsOf(value: unknown): string | string[] {
  if (!Array.isArray(value)) return orgOf(value);
  // A batch is nearly always of one organization: one key, not one per row.
  const keys = new Set<string>();
  let orgId: unknown;
  for (const row of value) {
    const rowOrg = (row as { orgId?: unknown } | null | undefined)?.orgId;
    if (rowOrg === orgId && keys.size > 0) continue;
    orgId = rowOrg;
    keys.add(orgOf(row));
  }
  return [...keys];
}

function organizationOf(value: unknown): string {
  if (typeof value === 'string') return organizationLock(value);
  const id = (value as { id?: unknown } | null | undefined)?.id;
  if (typeof id === 'string') return organizationLock(id);
  throw invalidField('id', 'Must be a string');
}

// The organization a call reads or writes, from its first argument: an
// organization id, a row or query carrying `orgId`, or an array of rows.
const byOrg: Rule = (args) => orgsOf(args[0]);
const byOrganizationId: Rule = (args) => organizationOf(args[0]);
const byOutbox: Rule = () => outboxLock;

const tenantMethods = [
  'get',
  'getMany',
  'insert',
  'insertMany',
  'update',
  'updateMany',
  'delete',
  'deleteAllInOrganization',
];

const each = (methods: readonly string[], rule: Rule): Readonly<Record<string, Rule>> =>
  Object.fromEntries(methods.map((method) => [method, rule]));

// Every method of every repository and the locks it takes. A repository or
// method missing here makes every transaction fail at once, so none can be
// added without deciding what it locks. The outbox is the exception: any
// method but the appends works across organizations and takes the outbox lock.
const rules: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  organizations: each(['get', 'insert', 'update', 'delete', 'countSeats'], byOrganizationId),
  accounts: each(
    [...tenantMethods, 'findByEmail', 'findByEmails', 'findByExternalId', 'list', 'setLastSeen'],
    byOrg,
  ),
  spaces: each([...tenantMethods, 'listByOrganization'], byOrg),
  memberships: each(
    [
      ...tenantMethods,
      'find',
      'listByAccounts',
      'listReports',
      'listReportsOf',
      'listBySpace',
      'listByGroup',
      'countByGroups',
    ],
    byOrg,
  ),
  groups: each([...tenantMethods, 'listBySpace'], byOrg),
  // findByTokenHash is wrapped apart: its organization is known only once found.
  invitations: each([...tenantMethods, 'listByAccount', 'list'], byOrg),
  auditEvents: each(
    ['append', 'appendMany', 'list', 'deleteAllInOrganization', 'eraseSnapshots'],
    byOrg,
  ),
  outbox: each(['append', 'appendMany'], byOrg),
  roles: each([...tenantMethods, 'listByOrganization', 'listHolders'], byOrg),
  // findConnectionByTokenHash is wrapped apart, as invitations' findByTokenHash.
  provisioning: each(
    [
      'insertConnection',
      'getConnection',
      'updateConnection',
      'listConnections',
      'touchConnection',
      'insertLink',
      'getLink',
      'findLinkByTarget',
      'updateLink',
      'deleteLink',
      'listLinks',
      'addGroupMembers',
      'removeGroupMembers',
      'listGroupMembers',
      'listMemberGroups',
      'deleteAllInOrganization',
    ],
    byOrg,
  ),
};

function ruleFor(name: string, method: string): Rule | undefined {
  const table = Object.hasOwn(rules, name) ? rules[name] : undefined;
  const rule = table !== undefined && Object.hasOwn(table, method) ? table[method] : undefined;
  return rule === undefined && name === 'outbox' ? byOutbox : rule;
}

// The rule of each method of a repository, worked out once: every
// transaction's repositories have the same methods.
const methodRules = new Map<string, readonly (readonly [string, Rule])[]>();

function rulesOf(
  name: string,
  repository: Record<string, Method>,
  skip: readonly string[],
): readonly (readonly [string, Rule])[] {
  const known = methodRules.get(name);
  if (known !== undefined) return known;
  const found = Object.keys(repository)
    .filter((method) => !skip.includes(method))
    .map((method) => {
      const rule = ruleFor(name, method);
      if (rule === undefined) {
        throw new Error(
          `memoryStore: no lock rule for ${name}.${method}; add one in locked-transaction.ts.`,
        );
      }
      return [method, rule] as const;
    });
  methodRules.set(name, found);
  return found;
}

function wrap(
  name: string,
  repository: Record<string, Method>,
  take: TakeLocks,
  skip: readonly string[] = [],
): Record<string, Method> {
  const wrapped: Record<string, Method> = {};
  for (const [method, rule] of rulesOf(name, repository, skip)) {
    const call = repository[method] as Method;
    // Not async: when the locks are held already (most calls), the call costs
    // no extra promise.
    wrapped[method] = (...args) => {
      let pending: Promise<void> | undefined;
      try {
        pending = take(rule(args));
      } catch (error) {
        return Promise.reject(error);
      }
      return pending === undefined ? call(...args) : pending.then(() => call(...args));
    };
  }
  return wrapped;
}

// The lookups by token hash, across organizations, wrapped by lockedFind.
const byTokenHash: Readonly<Record<string, readonly string[]>> = {
  invitations: ['findByTokenHash'],
  provisioning: ['findConnectionByTokenHash'],
};

/**
 * A lookup of a row by its token hash, in any organization: the row is
 * found, its organization locked, and read again under the lock.
 */
function lockedFind<T extends { orgId: string }>(
  take: TakeLocks,
  find: (tokenHash: string) => Promise<T | undefined>,
): Method {
  return async (...args) => {
    const [tokenHash] = args as [string];
    for (;;) {
      const found = await find(tokenHash);
      if (found === undefined) return undefined;
      const pending = take(organizationLock(found.orgId));
      if (pending === undefined) return found;
      await pending;
      // Another transaction of that organization may have changed it meanwhile.
      const current = await find(tokenHash);
      if (current === undefined || current.orgId === found.orgId) return current;
    }
  };
}

/**
 * Wraps a transaction's repositories so that each call first takes the lock
 * of what it touches: the organization it names (or is), or for the
 * outbox's cross-organization calls the outbox. An invitation found by its
 * token hash (an invitation, a provisioning connection) is looked up, its
 * organization locked, and read again under it.
 *
 * @internal
 */
export function lockedTransaction(
  tx: StoreTransaction<undefined>,
  take: TakeLocks,
): StoreTransaction<undefined> {
  const { native: _native, ...rest } = tx;
  const repositories = rest as unknown as Record<string, Record<string, Method>>;
  const locked: Record<string, Record<string, Method>> = {};
  for (const [name, repository] of Object.entries(repositories)) {
    locked[name] = wrap(name, repository, take, byTokenHash[name] ?? []);
  }
  (locked.invitations as Record<string, Method>).findByTokenHash = lockedFind(take, (hash) =>
    tx.invitations.findByTokenHash(hash),
  );
  (locked.provisioning as Record<string, Method>).findConnectionByTokenHash = lockedFind(
    take,
    (hash) => tx.provisioning.findConnectionByTokenHash(hash),
  );
  // `native` is no repository: the memory store has none, and nothing to lock.
  return { ...(locked as unknown as StoreTransaction<undefined>), native: undefined };
}
