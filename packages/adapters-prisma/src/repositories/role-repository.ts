import type { RoleRepository, StoredRole } from '@rosterkit/core';
import type { RosterkitPrismaTransactionClient } from '../client.js';
import {
  type InvitationRow,
  invitationFromRow,
  type MembershipRow,
  membershipFromRow,
} from '../rows.js';
import { tenantRepository } from './tenant-repository.js';

/** The stored shape of a stored role: its lists as JSON text. @internal */
export interface RoleRow extends Omit<StoredRole, 'permissions' | 'restrictions' | 'scope'> {
  permissionsJson: string;
  restrictionsJson: string;
  scope: string;
}

/** @internal */
export function roleToRow(role: StoredRole): RoleRow {
  const { permissions, restrictions, ...rest } = role;
  return {
    ...rest,
    permissionsJson: JSON.stringify(permissions),
    restrictionsJson: JSON.stringify(restrictions),
  };
}

/** @internal */
export function roleFromRow(row: RoleRow): StoredRole {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    label: row.label,
    description: row.description,
    rank: row.rank,
    permissions: JSON.parse(row.permissionsJson) as string[],
    scope: row.scope as StoredRole['scope'],
    restrictions: JSON.parse(row.restrictionsJson) as string[],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/**
 * The stored roles over `rosterkit_roles` (the name unique per organization
 * by its index), and who holds one: two indexed reads of the memberships and
 * invitations, whatever their number.
 *
 * @internal
 */
export function roleRepository(db: RosterkitPrismaTransactionClient): RoleRepository {
  const delegate = db.rosterkitRole;
  return {
    ...tenantRepository<StoredRole, RoleRow>({
      subject: 'Role',
      delegate,
      toRow: roleToRow,
      fromRow: roleFromRow,
      // Roles are few and written one at a time; a batch goes through the client.
      insertRows: (rows) => delegate.createMany({ data: rows }),
    }),
    async listByOrganization(orgId) {
      const rows = (await delegate.findMany({
        where: { orgId },
        orderBy: [{ rank: 'desc' }, { name: 'asc' }, { id: 'asc' }],
      })) as RoleRow[];
      return rows.map(roleFromRow);
    },
    async listHolders(orgId, role) {
      const [memberships, invitations] = (await Promise.all([
        db.rosterkitMembership.findMany({
          where: { orgId, role, state: 'member' },
          orderBy: [{ accountId: 'asc' }, { spaceId: 'asc' }],
        }),
        db.rosterkitInvitation.findMany({
          where: { orgId, role, status: 'pending' },
          orderBy: [{ id: 'asc' }],
        }),
      ])) as [MembershipRow[], InvitationRow[]];
      return {
        memberships: memberships.map(membershipFromRow),
        invitations: invitations.map(invitationFromRow),
      };
    },
  };
}
