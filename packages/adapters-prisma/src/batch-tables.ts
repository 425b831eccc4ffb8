import type { Group, Space } from '@rosterkit/core';
import { type BatchTable, columnsOf } from './batch-insert.js';
import type { AccountRow, AuditEventRow, InvitationRow, MembershipRow, OutboxRow } from './rows.js';

// The tables batches are inserted into by raw SQL (batch-insert.ts), with
// every column of the fragment's model.

/** @internal */
export const accountTable: BatchTable<AccountRow> = {
  table: 'rosterkit_accounts',
  columns: columnsOf<AccountRow>({
    id: true,
    orgId: true,
    email: true,
    externalId: true,
    firstName: true,
    lastName: true,
    firstNameKey: true,
    lastNameKey: true,
    nameSearch: true,
    emailSearch: true,
    status: true,
    profileJson: true,
    lastSeenAt: true,
    createdAt: true,
    updatedAt: true,
    version: true,
  }),
};

/** @internal */
export const spaceTable: BatchTable<Space> = {
  table: 'rosterkit_spaces',
  columns: columnsOf<Space>({
    id: true,
    orgId: true,
    name: true,
    isDefault: true,
    createdAt: true,
    version: true,
  }),
};

/** @internal */
export const membershipTable: BatchTable<MembershipRow> = {
  table: 'rosterkit_memberships',
  columns: columnsOf<MembershipRow>({
    id: true,
    orgId: true,
    accountId: true,
    spaceId: true,
    state: true,
    role: true,
    restrictionsJson: true,
    groupIdsJson: true,
    managerId: true,
    periodsJson: true,
    version: true,
  }),
};

/** @internal */
export const groupTable: BatchTable<Group> = {
  table: 'rosterkit_groups',
  columns: columnsOf<Group>({
    id: true,
    orgId: true,
    spaceId: true,
    name: true,
    kind: true,
    createdAt: true,
    version: true,
  }),
};

/** @internal */
export const invitationTable: BatchTable<InvitationRow> = {
  table: 'rosterkit_invitations',
  columns: columnsOf<InvitationRow>({
    id: true,
    orgId: true,
    accountId: true,
    spaceId: true,
    email: true,
    role: true,
    groupIdsJson: true,
    restrictionsJson: true,
    managerId: true,
    invitedBy: true,
    tokenHash: true,
    status: true,
    expiresAt: true,
    createdAt: true,
    version: true,
  }),
};

/** @internal */
export const auditEventTable: BatchTable<AuditEventRow> = {
  table: 'rosterkit_audit_events',
  columns: columnsOf<AuditEventRow>({
    id: true,
    orgId: true,
    actorJson: true,
    action: true,
    targetType: true,
    targetId: true,
    beforeJson: true,
    afterJson: true,
    at: true,
  }),
};

/** @internal */
export const outboxTable: BatchTable<OutboxRow> = {
  table: 'rosterkit_outbox_messages',
  columns: columnsOf<OutboxRow>({
    id: true,
    orgId: true,
    topic: true,
    payloadJson: true,
    createdAt: true,
    deliveredAt: true,
    attempts: true,
    nextAttemptAt: true,
    lastError: true,
    deadAt: true,
    leaseId: true,
  }),
};
