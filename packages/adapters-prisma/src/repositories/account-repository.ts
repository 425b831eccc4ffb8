import type { Account, AccountRepository, TenantRepository } from '@rosterkit/core';
import { notFound } from '@rosterkit/core/adapter';
import type { CountStatement } from '../account-count-sql.js';
import { listAccounts } from '../account-list.js';
import { actorRowsLoader } from '../actor-rows-sql.js';
import type { RosterkitPrismaTransactionClient } from '../client.js';
import type { MembershipGroupsSeen } from '../membership-groups-seen.js';
import { type AccountRow, accountFromRow } from '../rows.js';

/**
 * The accounts of one transaction: the tenant repository `rows`, plus the
 * lookups by email, the list, and presence.
 *
 * @internal
 */
export function accountRepository(
  db: RosterkitPrismaTransactionClient,
  rows: TenantRepository<Account>,
  rawStatements = true,
  seen?: MembershipGroupsSeen,
): AccountRepository {
  const delegate = db.rosterkitAccount;
  const provider = (db as { readonly _activeProvider?: unknown })._activeProvider;
  // MySQL/MariaDB and SQLite count with a plain statement (see account-count-sql.ts).
  const plainCount =
    rawStatements && (provider === 'mysql' || provider === 'sqlite')
      ? async ({ sql, values }: CountStatement) => {
          const [row] = (await db.$queryRawUnsafe(sql, ...values)) as { total: unknown }[];
          return Number(row?.total ?? 0);
        }
      : undefined;
  const loadActor = rawStatements ? actorRowsLoader(db, seen) : undefined;
  return {
    ...rows,
    ...(loadActor === undefined ? {} : { loadActor }),
    async findByEmail(orgId, email) {
      const row = (await delegate.findUnique({
        where: { orgId_email: { orgId, email } },
      })) as AccountRow | null;
      return row === null ? undefined : accountFromRow(row);
    },
    async findByEmails(orgId, emails) {
      if (emails.length === 0) return [];
      const found = (await delegate.findMany({
        where: { orgId, email: { in: [...new Set(emails)] } },
      })) as AccountRow[];
      return found.map(accountFromRow);
    },
    async findByExternalId(orgId, externalId) {
      const row = (await delegate.findUnique({
        where: { orgId_externalId: { orgId, externalId } },
      })) as AccountRow | null;
      return row === null ? undefined : accountFromRow(row);
    },
    list: (query) =>
      listAccounts(
        {
          accounts: delegate,
          memberships: db.rosterkitMembership,
          ...(plainCount === undefined ? {} : { plainCount }),
        },
        query,
      ),
    async setLastSeen(orgId, id, at) {
      // Never back in time, and never a version change (presence must not make an edit stale).
      const { count } = (await delegate.updateMany({
        where: { orgId, id, OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: at } }] },
        data: { lastSeenAt: at },
      })) as { count: number };
      if (count === 0) {
        const exists = await delegate.findFirst({ where: { orgId, id }, select: { id: true } });
        if (exists === null) throw notFound('Account', id);
      }
    },
  };
}
