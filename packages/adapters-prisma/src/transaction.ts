import type {
  Account,
  AuditEvent,
  AuditListQuery,
  Group,
  Invitation,
  Membership,
  Organization,
  Page,
  Space,
  StoreTransaction,
} from '@rosterkit/core';
import { listAccounts } from './account-list.js';
import { type BatchTable, dialectOf, insertRows } from './batch-insert.js';
import type { RosterkitModelDelegate, RosterkitPrismaTransactionClient } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { checkLimit, invalid, notFound } from './errors.js';
import { outboxRepository } from './repositories/outbox-repository.js';
import { missedWrite, tenantRepository, uniqueGuard } from './repositories/tenant-repository.js';
import {
  type AccountRow,
  type AuditEventRow,
  accountFromRow,
  accountTable,
  accountToRow,
  auditEventFromRow,
  auditEventTable,
  auditEventToRow,
  groupFromRow,
  groupTable,
  type InvitationRow,
  invitationFromRow,
  invitationTable,
  invitationToRow,
  type MembershipRow,
  membershipFromRow,
  membershipGroupRows,
  membershipTable,
  membershipToRow,
  organizationFromRow,
  outboxTable,
  spaceFromRow,
  spaceTable,
} from './rows.js';

interface AuditCursor {
  readonly at: number;
  readonly id: string;
}

const identity = <T>(row: T): T => row;

async function listAuditEvents(
  db: RosterkitPrismaTransactionClient,
  query: AuditListQuery,
): Promise<Page<AuditEvent>> {
  checkLimit(query.limit);
  const after =
    query.cursor === undefined
      ? undefined
      : decodeCursor(query.cursor, (value): value is AuditCursor => {
          const c = value as Partial<AuditCursor> | null;
          return (
            typeof c === 'object' &&
            c !== null &&
            typeof c.at === 'number' &&
            Number.isFinite(c.at) &&
            typeof c.id === 'string'
          );
        });
  const where = {
    orgId: query.orgId,
    ...(query.target === undefined
      ? {}
      : { targetType: query.target.type, targetId: query.target.id }),
  };
  const total = (await db.rosterkitAuditEvent.count({ where })) as number;
  const at = after === undefined ? undefined : new Date(after.at);
  const rows = (await db.rosterkitAuditEvent.findMany({
    where:
      after === undefined
        ? where
        : { AND: [where, { OR: [{ at: { lt: at } }, { at, id: { lt: after.id } }] }] },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  })) as AuditEventRow[];
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(auditEventFromRow),
    nextCursor:
      rows.length > query.limit && last !== undefined
        ? encodeCursor({ at: last.at.getTime(), id: last.id } satisfies AuditCursor)
        : null,
    total,
  };
}

/**
 * The repositories of one transaction over the transaction client `db`.
 * Each method is a fixed number of statements, whatever the number of rows
 * it touches.
 *
 * @internal
 */
export function createTransaction(
  db: RosterkitPrismaTransactionClient,
  rawBatches = true,
): StoreTransaction<RosterkitPrismaTransactionClient> {
  const dialect = rawBatches ? dialectOf(db) : undefined;
  // How a batch of rows goes in: raw INSERTs where the provider is known
  // (batch-insert.ts), else the delegate's createMany.
  const insertBatch =
    <R extends object>(delegate: RosterkitModelDelegate, target: BatchTable<R>) =>
    (rows: readonly R[]): PromiseLike<unknown> =>
      dialect === undefined
        ? delegate.createMany({ data: rows })
        : insertRows(db, dialect, target, rows);
  const accounts = tenantRepository<Account, AccountRow>({
    subject: 'Account',
    delegate: db.rosterkitAccount,
    toRow: accountToRow,
    fromRow: accountFromRow,
    keep: ['lastSeenAt'],
    insertRows: insertBatch(db.rosterkitAccount, accountTable),
  });
  const spaces = tenantRepository<Space, Space>({
    subject: 'Space',
    delegate: db.rosterkitSpace,
    toRow: identity,
    fromRow: spaceFromRow,
    insertRows: insertBatch(db.rosterkitSpace, spaceTable),
  });
  const memberships = tenantRepository<Membership, MembershipRow>({
    subject: 'Membership',
    delegate: db.rosterkitMembership,
    toRow: membershipToRow,
    fromRow: membershipFromRow,
    insertRows: insertBatch(db.rosterkitMembership, membershipTable),
    children: {
      async afterInsert(rows) {
        const data = rows.flatMap(membershipGroupRows);
        if (data.length > 0) await db.rosterkitMembershipGroup.createMany({ data });
      },
      // A membership's groups are replaced whole: delete, then insert.
      async afterUpdate(rows) {
        await db.rosterkitMembershipGroup.deleteMany({
          where: { membershipId: { in: rows.map((row) => row.id) } },
        });
        const data = rows.flatMap(membershipGroupRows);
        if (data.length > 0) await db.rosterkitMembershipGroup.createMany({ data });
      },
      async afterDelete(orgId, ids) {
        await db.rosterkitMembershipGroup.deleteMany({
          where: ids === 'all' ? { orgId } : { orgId, membershipId: { in: [...ids] } },
        });
      },
    },
  });
  const groups = tenantRepository<Group, Group>({
    subject: 'Group',
    delegate: db.rosterkitGroup,
    toRow: identity,
    fromRow: groupFromRow,
    insertRows: insertBatch(db.rosterkitGroup, groupTable),
  });
  const invitations = tenantRepository<Invitation, InvitationRow>({
    subject: 'Invitation',
    delegate: db.rosterkitInvitation,
    toRow: invitationToRow,
    fromRow: invitationFromRow,
    insertRows: insertBatch(db.rosterkitInvitation, invitationTable),
  });

  return {
    // The host's writes through it (a resource handler's) are in this transaction.
    native: db,
    organizations: {
      async get(id) {
        const row = (await db.rosterkitOrganization.findUnique({
          where: { id },
        })) as Organization | null;
        return row === null ? undefined : organizationFromRow(row);
      },
      async insert(row) {
        if (row.version !== 1) throw invalid('version', 'A new row has version 1');
        await uniqueGuard('Organization', row.id, () =>
          db.rosterkitOrganization.create({ data: { ...row }, select: { id: true } }),
        );
        return organizationFromRow(row);
      },
      async update(row) {
        const { id, version, ...data } = row;
        const { count } = (await db.rosterkitOrganization.updateMany({
          where: { id, version },
          data: { ...data, version: version + 1 },
        })) as { count: number };
        if (count !== 1) return missedWrite(db.rosterkitOrganization, 'Organization', { id }, id);
        return organizationFromRow({ ...row, version: version + 1 });
      },
      async delete(id, version) {
        const { count } = (await db.rosterkitOrganization.deleteMany({
          where: { id, version },
        })) as { count: number };
        if (count !== 1) await missedWrite(db.rosterkitOrganization, 'Organization', { id }, id);
      },
    },
    accounts: {
      ...accounts,
      async findByEmail(orgId, email) {
        const row = (await db.rosterkitAccount.findUnique({
          where: { orgId_email: { orgId, email } },
        })) as AccountRow | null;
        return row === null ? undefined : accountFromRow(row);
      },
      async findByEmails(orgId, emails) {
        if (emails.length === 0) return [];
        const rows = (await db.rosterkitAccount.findMany({
          where: { orgId, email: { in: [...new Set(emails)] } },
        })) as AccountRow[];
        return rows.map(accountFromRow);
      },
      list: (query) => listAccounts(db.rosterkitAccount, query),
      async setLastSeen(orgId, id, at) {
        const { count } = (await db.rosterkitAccount.updateMany({
          where: { orgId, id, OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: at } }] },
          data: { lastSeenAt: at },
        })) as { count: number };
        if (count === 0) {
          const exists = await db.rosterkitAccount.findFirst({
            where: { orgId, id },
            select: { id: true },
          });
          if (exists === null) throw notFound('Account', id);
        }
      },
    },
    spaces: {
      ...spaces,
      async listByOrganization(orgId) {
        const rows = (await db.rosterkitSpace.findMany({
          where: { orgId },
          orderBy: [{ isDefault: 'desc' }, { name: 'asc' }, { id: 'asc' }],
        })) as Space[];
        return rows.map(spaceFromRow);
      },
    },
    memberships: {
      ...memberships,
      async find(orgId, accountId, spaceId) {
        const row = (await db.rosterkitMembership.findUnique({
          where: { orgId_accountId_spaceId: { orgId, accountId, spaceId } },
        })) as MembershipRow | null;
        return row === null ? undefined : membershipFromRow(row);
      },
      async listByAccounts(orgId, accountIds) {
        if (accountIds.length === 0) return [];
        const rows = (await db.rosterkitMembership.findMany({
          where: { orgId, accountId: { in: [...new Set(accountIds)] } },
        })) as MembershipRow[];
        return rows.map(membershipFromRow);
      },
      async listReports(orgId, managerId) {
        const rows = (await db.rosterkitMembership.findMany({
          where: { orgId, managerId, state: 'member' },
        })) as MembershipRow[];
        return rows.map(membershipFromRow);
      },
    },
    groups: {
      ...groups,
      async listBySpace(orgId, spaceId) {
        const rows = (await db.rosterkitGroup.findMany({
          where: { orgId, spaceId },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        })) as Group[];
        return rows.map(groupFromRow);
      },
    },
    invitations: {
      ...invitations,
      async findByTokenHash(tokenHash) {
        const row = (await db.rosterkitInvitation.findUnique({
          where: { tokenHash },
        })) as InvitationRow | null;
        return row === null ? undefined : invitationFromRow(row);
      },
      async listByAccount(orgId, accountId) {
        const rows = (await db.rosterkitInvitation.findMany({
          where: { orgId, accountId },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        })) as InvitationRow[];
        return rows.map(invitationFromRow);
      },
    },
    auditEvents: {
      async append(event) {
        await uniqueGuard('AuditEvent', event.id, () =>
          db.rosterkitAuditEvent.create({ data: auditEventToRow(event), select: { id: true } }),
        );
      },
      async appendMany(events) {
        if (events.length === 0) return;
        const data = events.map(auditEventToRow);
        await uniqueGuard('AuditEvent', events[0]?.id ?? '', () =>
          insertBatch(db.rosterkitAuditEvent, auditEventTable)(data),
        );
      },
      list: (query) => listAuditEvents(db, query),
      async deleteAllInOrganization(orgId) {
        const { count } = (await db.rosterkitAuditEvent.deleteMany({ where: { orgId } })) as {
          count: number;
        };
        return count;
      },
      async eraseSnapshots(orgId, targets) {
        if (targets.length === 0) return 0;
        const { count } = (await db.rosterkitAuditEvent.updateMany({
          where: {
            orgId,
            OR: targets.map((t) => ({ targetType: t.type, targetId: t.id })),
            NOT: { beforeJson: null, afterJson: null },
          },
          data: { beforeJson: null, afterJson: null },
        })) as { count: number };
        return count;
      },
    },
    outbox: outboxRepository(db, insertBatch(db.rosterkitOutboxMessage, outboxTable)),
  };
}
