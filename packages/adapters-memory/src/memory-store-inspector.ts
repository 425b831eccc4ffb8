import type {
  Account,
  AuditEvent,
  Group,
  GroupMemberLink,
  Invitation,
  Membership,
  Organization,
  OutboxMessage,
  ProvisioningConnection,
  ProvisioningLink,
  Space,
  StoredRole,
} from '@rosterkit/core';
import { copyRow } from './copy-row.js';
import type { Table } from './table.js';
import type { Tables } from './tables.js';

/**
 * Reads a {@link MemoryStore}'s committed rows straight from its maps,
 * bypassing the `Store` and its transactions: the raw readers the conformance
 * suite checks every write with, and a way to look inside while debugging.
 * Every row returned is a copy.
 *
 * @example
 * ```ts
 * import { memoryStore } from '@rosterkit/adapter-memory';
 * const store = memoryStore();
 * store.inspect().account('org_1', 'acc_1'); // undefined
 * ```
 */
export interface MemoryStoreInspector {
  /** The committed organization, or `undefined`. */
  organization(id: string): Organization | undefined;
  /** The committed account of this organization, or `undefined`. */
  account(orgId: string, id: string): Account | undefined;
  /** The committed space of this organization, or `undefined`. */
  space(orgId: string, id: string): Space | undefined;
  /** The committed membership of this organization, or `undefined`. */
  membership(orgId: string, id: string): Membership | undefined;
  /** The committed group of this organization, or `undefined`. */
  group(orgId: string, id: string): Group | undefined;
  /** The committed invitation of this organization, or `undefined`. */
  invitation(orgId: string, id: string): Invitation | undefined;
  /** Every committed audit event of this organization, in no particular order. */
  /** The committed stored role of this organization, or `undefined`. */
  role(orgId: string, id: string): StoredRole | undefined;
  auditEvents(orgId: string): AuditEvent[];
  /** Every committed outbox message, delivered or not, in no particular order. */
  outbox(): OutboxMessage[];
  /** The committed provisioning connection of this organization, or `undefined`. */
  provisioningConnection(orgId: string, id: string): ProvisioningConnection | undefined;
  /** The committed provisioning link of this organization, or `undefined`. */
  provisioningLink(orgId: string, id: string): ProvisioningLink | undefined;
  /** Every committed SCIM group member of this organization, in no particular order. */
  provisioningGroupMembers(orgId: string): GroupMemberLink[];
}

function inOrg<T extends { id: string; orgId: string }>(
  table: Table<T>,
  orgId: string,
  id: string,
): T | undefined {
  const row = table.committed(id);
  return row !== undefined && row.orgId === orgId ? copyRow(row) : undefined;
}

/** @internal */
export function createInspector(tables: Tables): MemoryStoreInspector {
  return {
    organization: (id) => {
      const row = tables.organizations.committed(id);
      return row === undefined ? undefined : copyRow(row);
    },
    account: (orgId, id) => inOrg(tables.accounts, orgId, id),
    space: (orgId, id) => inOrg(tables.spaces, orgId, id),
    membership: (orgId, id) => inOrg(tables.memberships, orgId, id),
    group: (orgId, id) => inOrg(tables.groups, orgId, id),
    invitation: (orgId, id) => inOrg(tables.invitations, orgId, id),
    role: (orgId, id) => inOrg(tables.roles, orgId, id),
    auditEvents: (orgId) => tables.auditEvents.committedBy('org', orgId).map((row) => copyRow(row)),
    outbox: () => [...tables.outbox.rows.values()].map((row) => copyRow(row)),
    provisioningConnection: (orgId, id) => inOrg(tables.provisioningConnections, orgId, id),
    provisioningLink: (orgId, id) => inOrg(tables.provisioningLinks, orgId, id),
    provisioningGroupMembers: (orgId) =>
      tables.provisioningGroupMembers
        .committedBy('org', orgId)
        .map(({ groupLinkId, userLinkId }) => ({ groupLinkId, userLinkId })),
  };
}
