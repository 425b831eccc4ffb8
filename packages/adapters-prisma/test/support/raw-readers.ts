import type { RawReaders } from '@rosterkit/conformance';
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
  Space,
  StoredRole,
} from '@rosterkit/core';
import { linkFilterKeys } from '@rosterkit/core/adapter';
import type { RosterkitProvider } from '../../src/index.js';
import type { TestClient } from './databases.js';

// The conformance suite's raw readers: plain SQL on the tables, outside any
// Store transaction, with their own decoding (not the adapter's), so that a
// write the Store reports but never made cannot agree with itself.

type SqlRow = Record<string, unknown>;

const date = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const nullableDate = (value: unknown): Date | null => (value === null ? null : date(value));
const json = (value: unknown): unknown => JSON.parse(String(value));
const nullableJson = (value: unknown): unknown => (value === null ? null : json(value));
const int = (value: unknown): number => Number(value);
const bool = (value: unknown): boolean => value === true || value === 1 || value === 1n;

/** Raw readers over `client`'s database. */
export function sqlRawReaders(client: TestClient, provider: RosterkitProvider): RawReaders {
  const q = (name: string) => (provider === 'mysql' ? `\`${name}\`` : `"${name}"`);
  const p = (n: number) => (provider === 'postgresql' ? `$${n}` : '?');
  const one = async (
    table: string,
    orgId: string | null,
    id: string,
  ): Promise<SqlRow | undefined> => {
    const sql =
      orgId === null
        ? `SELECT * FROM ${q(table)} WHERE ${q('id')} = ${p(1)}`
        : `SELECT * FROM ${q(table)} WHERE ${q('orgId')} = ${p(1)} AND ${q('id')} = ${p(2)}`;
    const rows = (await (orgId === null
      ? client.$queryRawUnsafe(sql, id)
      : client.$queryRawUnsafe(sql, orgId, id))) as SqlRow[];
    return rows[0];
  };

  return {
    async organization(id) {
      const r = await one('rosterkit_organizations', null, id);
      if (r === undefined) return undefined;
      return {
        id: String(r.id),
        name: String(r.name),
        plan: String(r.plan),
        ownerId: String(r.ownerId),
        defaultSpaceId: String(r.defaultSpaceId),
        createdAt: date(r.createdAt),
        version: int(r.version),
      } satisfies Organization;
    },
    async account(orgId, id) {
      const r = await one('rosterkit_accounts', orgId, id);
      if (r === undefined) return undefined;
      return {
        id: String(r.id),
        orgId: String(r.orgId),
        email: String(r.email),
        externalId: r.externalId === null ? null : String(r.externalId),
        firstName: String(r.firstName),
        lastName: String(r.lastName),
        status: String(r.status) as Account['status'],
        profile: json(r.profileJson) as Account['profile'],
        lastSeenAt: nullableDate(r.lastSeenAt),
        createdAt: date(r.createdAt),
        updatedAt: date(r.updatedAt),
        version: int(r.version),
      } satisfies Account;
    },
    async space(orgId, id) {
      const r = await one('rosterkit_spaces', orgId, id);
      if (r === undefined) return undefined;
      return {
        id: String(r.id),
        orgId: String(r.orgId),
        name: String(r.name),
        isDefault: bool(r.isDefault),
        createdAt: date(r.createdAt),
        version: int(r.version),
      } satisfies Space;
    },
    async membership(orgId, id) {
      const r = await one('rosterkit_memberships', orgId, id);
      if (r === undefined) return undefined;
      const groupIds = json(r.groupIdsJson) as string[];
      // The groups table must say the same as the membership's own list.
      const sql = `SELECT ${q('groupId')} AS g FROM ${q('rosterkit_membership_groups')} WHERE ${q('membershipId')} = ${p(1)}`;
      const indexed = ((await client.$queryRawUnsafe(sql, id)) as SqlRow[]).map((row) =>
        String(row.g),
      );
      if ([...new Set(groupIds)].sort().join() !== indexed.sort().join()) {
        throw new Error(`membership ${id}: groups index ${indexed} ≠ groupIds ${groupIds}`);
      }
      return {
        id: String(r.id),
        orgId: String(r.orgId),
        accountId: String(r.accountId),
        spaceId: String(r.spaceId),
        state: String(r.state) as Membership['state'],
        role: String(r.role),
        restrictions: json(r.restrictionsJson) as string[],
        groupIds,
        managerId: r.managerId === null ? null : String(r.managerId),
        periods: (
          json(r.periodsJson) as { startedAt: string; endedAt: string | null; role: string }[]
        ).map((period) => ({
          startedAt: new Date(period.startedAt),
          endedAt: period.endedAt === null ? null : new Date(period.endedAt),
          role: period.role,
        })),
        version: int(r.version),
      } satisfies Membership;
    },
    async group(orgId, id) {
      const r = await one('rosterkit_groups', orgId, id);
      if (r === undefined) return undefined;
      return {
        id: String(r.id),
        orgId: String(r.orgId),
        spaceId: String(r.spaceId),
        name: String(r.name),
        kind: String(r.kind),
        createdAt: date(r.createdAt),
        version: int(r.version),
      } satisfies Group;
    },
    async role(orgId, id) {
      const r = await one('rosterkit_roles', orgId, id);
      if (r === undefined) return undefined;
      return {
        id: String(r.id),
        orgId: String(r.orgId),
        name: String(r.name),
        label: String(r.label),
        description: String(r.description),
        rank: int(r.rank),
        permissions: json(r.permissionsJson) as string[],
        scope: String(r.scope) as StoredRole['scope'],
        restrictions: json(r.restrictionsJson) as string[],
        createdAt: date(r.createdAt),
        updatedAt: date(r.updatedAt),
        version: int(r.version),
      } satisfies StoredRole;
    },
    async provisioningConnection(orgId, id) {
      const r = await one('rosterkit_provisioning_connections', orgId, id);
      if (r === undefined) return undefined;
      return {
        id: String(r.id),
        orgId: String(r.orgId),
        name: String(r.name),
        spaceId: String(r.spaceId),
        defaultRole: String(r.defaultRole),
        onCreate: String(r.onCreate) as ProvisioningConnection['onCreate'],
        groupRoles: json(r.groupRolesJson) as Record<string, string>,
        status: String(r.status) as ProvisioningConnection['status'],
        tokenHash: String(r.tokenHash),
        tokenHint: String(r.tokenHint),
        version: int(r.version),
        createdAt: date(r.createdAt),
        updatedAt: date(r.updatedAt),
        lastUsedAt: nullableDate(r.lastUsedAt),
      } satisfies ProvisioningConnection;
    },
    async provisioningLink(orgId, id) {
      const r = await one('rosterkit_provisioning_links', orgId, id);
      if (r === undefined) return undefined;
      const link = {
        id: String(r.id),
        orgId: String(r.orgId),
        connectionId: String(r.connectionId),
        resourceType: String(r.resourceType) as ProvisioningLink['resourceType'],
        targetId: String(r.targetId),
        userName: String(r.userName),
        externalId: r.externalId === null ? null : String(r.externalId),
        attributes: json(r.attributesJson) as ProvisioningLink['attributes'],
        version: int(r.version),
        createdAt: date(r.createdAt),
        updatedAt: date(r.updatedAt),
      } satisfies ProvisioningLink;
      // The filter columns must be those of the link as stored, or filters lie.
      const stored = {
        idKey: r.idKey,
        userNameKey: r.userNameKey,
        displayNameKey: r.displayNameKey,
        externalIdKey: r.externalIdKey,
        emailKeys: r.emailKeys,
        active: r.active === null ? null : bool(r.active),
      };
      const expected = linkFilterKeys(link);
      if (JSON.stringify(stored) !== JSON.stringify(expected)) {
        throw new Error(
          `Link ${link.id}: filter columns ${JSON.stringify(stored)} are not ${JSON.stringify(expected)}`,
        );
      }
      return link;
    },
    async provisioningGroupMembers(orgId) {
      const sql = `SELECT * FROM ${q('rosterkit_provisioning_group_members')} WHERE ${q('orgId')} = ${p(1)}`;
      const rows = (await client.$queryRawUnsafe(sql, orgId)) as SqlRow[];
      return rows.map((r) => ({
        groupLinkId: String(r.groupLinkId),
        userLinkId: String(r.userLinkId),
      }));
    },
    async invitation(orgId, id) {
      const r = await one('rosterkit_invitations', orgId, id);
      if (r === undefined) return undefined;
      return {
        id: String(r.id),
        orgId: String(r.orgId),
        accountId: String(r.accountId),
        spaceId: String(r.spaceId),
        email: String(r.email),
        role: String(r.role),
        groupIds: json(r.groupIdsJson) as string[],
        restrictions: json(r.restrictionsJson) as string[],
        managerId: r.managerId === null ? null : String(r.managerId),
        invitedBy: String(r.invitedBy),
        tokenHash: String(r.tokenHash),
        status: String(r.status) as Invitation['status'],
        expiresAt: date(r.expiresAt),
        createdAt: date(r.createdAt),
        version: int(r.version),
      } satisfies Invitation;
    },
    async auditEvents(orgId) {
      const sql = `SELECT * FROM ${q('rosterkit_audit_events')} WHERE ${q('orgId')} = ${p(1)}`;
      const rows = (await client.$queryRawUnsafe(sql, orgId)) as SqlRow[];
      return rows.map(
        (r): AuditEvent => ({
          id: String(r.id),
          orgId: String(r.orgId),
          actor: nullableJson(r.actorJson) as AuditEvent['actor'],
          action: String(r.action),
          target: {
            type: String(r.targetType) as AuditEvent['target']['type'],
            id: String(r.targetId),
          },
          before: nullableJson(r.beforeJson) as AuditEvent['before'],
          after: nullableJson(r.afterJson) as AuditEvent['after'],
          at: date(r.at),
        }),
      );
    },
    async outbox() {
      const rows = (await client.$queryRawUnsafe(
        `SELECT * FROM ${q('rosterkit_outbox_messages')}`,
      )) as SqlRow[];
      return rows.map(
        (r): OutboxMessage => ({
          id: String(r.id),
          orgId: String(r.orgId),
          topic: String(r.topic),
          payload: json(r.payloadJson) as OutboxMessage['payload'],
          createdAt: date(r.createdAt),
          deliveredAt: nullableDate(r.deliveredAt),
          attempts: int(r.attempts),
          nextAttemptAt: date(r.nextAttemptAt),
          lastError: r.lastError === null ? null : String(r.lastError),
          deadAt: nullableDate(r.deadAt),
          leaseId: r.leaseId === null ? null : String(r.leaseId),
        }),
      );
    },
  };
}
