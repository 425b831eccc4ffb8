import type { Account, Group, Invitation, Space, StoreTransaction } from '@rosterkit/core';
import { type BatchTable, dialectOf, insertRows } from './batch-insert.js';
import {
  accountTable,
  auditEventTable,
  groupTable,
  invitationTable,
  membershipTable,
  outboxTable,
  spaceTable,
} from './batch-tables.js';
import type { RosterkitModelDelegate, RosterkitPrismaTransactionClient } from './client.js';
import { membershipGroupsSeen } from './membership-groups-seen.js';
import { accountRepository } from './repositories/account-repository.js';
import { auditEventRepository } from './repositories/audit-event-repository.js';
import { listInvitations } from './repositories/invitation-list.js';
import { membershipRepository } from './repositories/membership-repository.js';
import { organizationRepository } from './repositories/organization-repository.js';
import { outboxRepository } from './repositories/outbox-repository.js';
import { provisioningRepository } from './repositories/provisioning-repository.js';
import { roleRepository } from './repositories/role-repository.js';
import { tenantRepository } from './repositories/tenant-repository.js';
import {
  type AccountRow,
  accountFromRow,
  accountToRow,
  groupFromRow,
  type InvitationRow,
  invitationFromRow,
  invitationToRow,
  spaceFromRow,
} from './rows.js';

const identity = <T>(row: T): T => row;

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
  // What this transaction read of the memberships' groups (membership-groups-seen.ts).
  const seen = membershipGroupsSeen();
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
    organizations: organizationRepository(db),
    accounts: accountRepository(db, accounts, rawBatches, seen),
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
    memberships: membershipRepository(
      db,
      insertBatch(db.rosterkitMembership, membershipTable),
      seen,
    ),
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
      list: (query) => listInvitations(db, query),
    },
    auditEvents: auditEventRepository(db, insertBatch(db.rosterkitAuditEvent, auditEventTable)),
    outbox: outboxRepository(db, insertBatch(db.rosterkitOutboxMessage, outboxTable)),
    roles: roleRepository(db),
    provisioning: provisioningRepository(db),
  };
}
