import type { Account, ActorRows, ActorRowsOptions, Membership, StoredRole } from '@rosterkit/core';
import { accountTable, membershipTable } from './batch-tables.js';
import type { RosterkitPrismaTransactionClient } from './client.js';
import type { MembershipGroupsSeen } from './membership-groups-seen.js';
import type { RoleRow } from './repositories/role-repository.js';
import { roleFromRow } from './repositories/role-repository.js';
import {
  type AccountRow,
  accountFromRow,
  type MembershipRow,
  membershipFromRow,
  organizationFromRow,
} from './rows.js';

// Every command first reads its actor: the organization, the account, its
// memberships and (with stored roles) the organization's roles. Through the
// delegates that is four statements; relation joins would make it one, but
// they are a preview feature of the host's generator, so here it is one raw
// SELECT: the organization left-joined to the account, and to either its
// memberships or the roles, by a two-row `kind` table (a row per membership
// and a row per role, each at least once). The command's target, when it
// names one, is a second account of the same join. Every value keeps its
// column's type, so Prisma reads it back as it reads the delegates' rows.

const columns = {
  o: ['id', 'name', 'plan', 'ownerId', 'defaultSpaceId', 'createdAt', 'version'],
  // Every column of the two batch tables (the account's derived keys are read and left).
  a: accountTable.columns,
  m: membershipTable.columns,
  r: [
    'id',
    'orgId',
    'name',
    'label',
    'description',
    'rank',
    'permissionsJson',
    'scope',
    'restrictionsJson',
    'createdAt',
    'updatedAt',
    'version',
  ],
} as const satisfies Record<string, readonly string[]>;

const dates = new Set(['createdAt', 'updatedAt', 'lastSeenAt']);
const numbers = new Set(['version', 'rank']);

/** The SELECT of one provider, with and without the roles; values `[accountId, targetId, orgId]`. */
function statements(
  quote: (name: string) => string,
  mark: (n: number) => string,
): Readonly<Record<'withRoles' | 'withoutRoles', string>> {
  const select = Object.entries(columns)
    .flatMap(([alias, names]) =>
      names.map((name) => `${alias}.${quote(name)} AS ${quote(`${alias}_${name}`)}`),
    )
    .join(', ');
  const sql = (kinds: string) =>
    `SELECT k.${quote('kind')} AS ${quote('kind')}, ${select} FROM ${quote('rosterkit_organizations')} o` +
    ` CROSS JOIN (${kinds}) k` +
    ` LEFT JOIN ${quote('rosterkit_accounts')} a ON k.${quote('kind')} = 'm' AND a.${quote('orgId')} = o.${quote('id')} AND a.${quote('id')} IN (${mark(1)}, ${mark(2)})` +
    ` LEFT JOIN ${quote('rosterkit_memberships')} m ON k.${quote('kind')} = 'm' AND m.${quote('orgId')} = o.${quote('id')} AND m.${quote('accountId')} = a.${quote('id')}` +
    ` LEFT JOIN ${quote('rosterkit_roles')} r ON k.${quote('kind')} = 'r' AND r.${quote('orgId')} = o.${quote('id')}` +
    ` WHERE o.${quote('id')} = ${mark(3)}` +
    ` ORDER BY k.${quote('kind')}, a.${quote('id')}, m.${quote('spaceId')}, r.${quote('rank')} DESC, r.${quote('name')}, r.${quote('id')}`;
  return {
    withRoles: sql(`SELECT 'm' AS ${quote('kind')} UNION ALL SELECT 'r' AS ${quote('kind')}`),
    withoutRoles: sql(`SELECT 'm' AS ${quote('kind')}`),
  };
}

const doubleQuoted = (name: string) => `"${name}"`;
const byProvider: Readonly<Record<string, Readonly<Record<'withRoles' | 'withoutRoles', string>>>> =
  {
    postgresql: statements(doubleQuoted, (n) => `$${n}`),
    mysql: statements(
      (name) => `\`${name}\``,
      () => '?',
    ),
    sqlite: statements(doubleQuoted, () => '?'),
  };

/** The columns of `alias` in `row`, unprefixed, as the delegates return them; `undefined` when the join found none. */
function part(
  row: Record<string, unknown>,
  alias: keyof typeof columns,
): Record<string, unknown> | undefined {
  if (row[`${alias}_id`] === null || row[`${alias}_id`] === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const name of columns[alias]) {
    const value = row[`${alias}_${name}`] ?? null;
    out[name] =
      value === null
        ? null
        : dates.has(name)
          ? value instanceof Date
            ? value
            : new Date(value as string | number)
          : numbers.has(name)
            ? Number(value)
            : value;
  }
  return out;
}

/**
 * The one-statement `accounts.loadActor` of a known provider, or `undefined`
 * (the adapter kit then composes it from the delegates' reads).
 *
 * @internal
 */
export function actorRowsLoader(
  db: RosterkitPrismaTransactionClient,
  seen?: MembershipGroupsSeen,
):
  | ((orgId: string, accountId: string, options: ActorRowsOptions) => Promise<ActorRows>)
  | undefined {
  const provider = (db as { readonly _activeProvider?: unknown })._activeProvider;
  const sql = typeof provider === 'string' ? byProvider[provider] : undefined;
  if (sql === undefined) return undefined;
  return async (orgId, accountId, options) => {
    const { target } = options;
    const rows = (await db.$queryRawUnsafe(
      options.roles ? sql.withRoles : sql.withoutRoles,
      accountId,
      target ?? accountId,
      orgId,
    )) as Record<string, unknown>[];
    const [first] = rows;
    const organization = first === undefined ? undefined : part(first, 'o');
    const accounts = new Map<string, Account>();
    const memberships: Membership[] = [];
    const roles: StoredRole[] = [];
    for (const row of rows) {
      if (row.kind === 'r') {
        const role = part(row, 'r');
        if (role !== undefined) roles.push(roleFromRow(role as unknown as RoleRow));
        continue;
      }
      const account = part(row, 'a');
      if (account !== undefined && !accounts.has(account.id as string)) {
        accounts.set(account.id as string, accountFromRow(account as unknown as AccountRow));
      }
      const membership = part(row, 'm');
      if (membership !== undefined) {
        memberships.push(membershipFromRow(membership as unknown as MembershipRow));
      }
    }
    seen?.note(memberships);
    const of = (id: string) => memberships.filter((membership) => membership.accountId === id);
    const actor = accounts.get(accountId);
    const targetAccount = target === undefined ? undefined : accounts.get(target);
    return {
      organization:
        organization === undefined ? undefined : organizationFromRow(organization as never),
      account: actor,
      memberships: actor === undefined ? [] : of(accountId),
      ...(options.roles ? { roles } : {}),
      ...(target === undefined
        ? {}
        : {
            target: {
              account: targetAccount,
              memberships: targetAccount === undefined ? [] : of(target),
            },
          }),
    };
  };
}
