import type {
  Account,
  AuditEvent,
  Group,
  Invitation,
  Membership,
  Organization,
  OutboxMessage,
  ProvisioningConnection,
  ProvisioningLink,
  RosterError,
  Space,
  StoredRole,
} from '@rosterkit/core';
import { lowerText } from '@rosterkit/core/adapter';
import { AccountListIndexes } from './account-list-index.js';
import type { GroupMemberRow } from './group-member-row.js';
import { key, Table, type TableView } from './table.js';

const byOrg = { org: (row: { orgId: string }) => [row.orgId] };

/** Every table of a memory store, with its indexes. @internal */
export function createTables() {
  const tables = {
    organizations: new Table<Organization>({ subject: 'Organization', unique: {}, multi: {} }),
    accounts: new Table<Account>({
      subject: 'Account',
      unique: {
        email: (row) => key(row.orgId, row.email),
        externalId: (row) => (row.externalId === null ? undefined : key(row.orgId, row.externalId)),
      },
      multi: byOrg,
    }),
    spaces: new Table<Space>({ subject: 'Space', unique: {}, multi: byOrg }),
    memberships: new Table<Membership>({
      subject: 'Membership',
      unique: { accountSpace: (row) => key(row.orgId, row.accountId, row.spaceId) },
      multi: {
        ...byOrg,
        account: (row) => [key(row.orgId, row.accountId)],
        space: (row) => [key(row.orgId, row.spaceId)],
        manager: (row) => (row.managerId === null ? [] : [key(row.orgId, row.managerId)]),
        group: (row) => row.groupIds.map((groupId) => key(row.orgId, groupId)),
      },
    }),
    groups: new Table<Group>({
      subject: 'Group',
      unique: {},
      multi: { ...byOrg, space: (row) => [key(row.orgId, row.spaceId)] },
    }),
    invitations: new Table<Invitation>({
      subject: 'Invitation',
      unique: { tokenHash: (row) => row.tokenHash },
      multi: {
        ...byOrg,
        account: (row) => [key(row.orgId, row.accountId)],
        // The invitees of a space, for a team list that includes them.
        pendingIn: (row) => (row.status === 'pending' ? [key(row.orgId, row.spaceId)] : []),
      },
    }),
    auditEvents: new Table<AuditEvent>({
      subject: 'AuditEvent',
      unique: {},
      multi: { ...byOrg, target: (row) => [key(row.orgId, row.target.type, row.target.id)] },
    }),
    roles: new Table<StoredRole>({
      subject: 'Role',
      unique: { name: (row) => key(row.orgId, row.name) },
      multi: byOrg,
    }),
    // The unique keys are named after the link's fields: a CONFLICT's `field`.
    provisioningConnections: new Table<ProvisioningConnection>({
      subject: 'ProvisioningConnection',
      unique: { tokenHash: (row) => row.tokenHash },
      multi: byOrg,
    }),
    provisioningLinks: new Table<ProvisioningLink>({
      subject: 'ProvisioningLink',
      unique: {
        targetId: (row) => key(row.orgId, row.connectionId, row.resourceType, row.targetId),
        userName: (row) =>
          key(row.orgId, row.connectionId, row.resourceType, lowerText(row.userName)),
        // Not externalId: SCIM gives it no uniqueness (RFC 7643 §3.1).
      },
      multi: {
        ...byOrg,
        links: (row) => [key(row.orgId, row.connectionId, row.resourceType)],
      },
    }),
    // SCIM group members: by group (its members), by user (its groups).
    provisioningGroupMembers: new Table<GroupMemberRow>({
      subject: 'ProvisioningGroupMember',
      unique: {},
      multi: {
        ...byOrg,
        group: (row) => [key(row.orgId, row.groupLinkId)],
        user: (row) => [key(row.orgId, row.userLinkId)],
      },
    }),
    outbox: new Table<OutboxMessage>({
      subject: 'OutboxMessage',
      unique: {},
      multi: {
        pending: (row) => (row.deliveredAt === null && row.deadAt === null ? ['pending'] : []),
        dead: (row) => (row.deliveredAt === null && row.deadAt !== null ? ['dead'] : []),
      },
    }),
  };
  // Watches the commits of the tables it reads from here on.
  new AccountListIndexes(tables);
  return tables;
}

/** The tables of a memory store. @internal */
export type Tables = ReturnType<typeof createTables>;

/** One transaction's views of every table. @internal */
export type Views = {
  [K in keyof Tables]: Tables[K] extends Table<infer T> ? TableView<T> : never;
};

/** Begins a view of every table. @internal */
export function beginViews(tables: Tables): Views {
  return {
    organizations: tables.organizations.begin(),
    accounts: tables.accounts.begin(),
    spaces: tables.spaces.begin(),
    memberships: tables.memberships.begin(),
    groups: tables.groups.begin(),
    invitations: tables.invitations.begin(),
    auditEvents: tables.auditEvents.begin(),
    roles: tables.roles.begin(),
    provisioningConnections: tables.provisioningConnections.begin(),
    provisioningLinks: tables.provisioningLinks.begin(),
    provisioningGroupMembers: tables.provisioningGroupMembers.begin(),
    outbox: tables.outbox.begin(),
  };
}

/** Whether the transaction of these views wrote anything. @internal */
export function hasChanges(views: Views): boolean {
  return Object.values(views).some((view) => view.changed);
}

/** The first conflict {@link TableView.conflict} finds in any view, or `undefined`. @internal */
export function findConflict(views: Views): RosterError<'CONFLICT'> | undefined {
  for (const view of Object.values(views)) {
    const found = view.conflict();
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Applies every view's writes to its table. @internal */
export function commitViews(views: Views): void {
  for (const view of Object.values(views)) view.commit();
}
