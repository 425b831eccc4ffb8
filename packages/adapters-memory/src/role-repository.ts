import type { Invitation, Membership, RoleRepository, StoredRole } from '@rosterkit/core';
import { compareText } from '@rosterkit/core/adapter';
import { copyRow } from './copy-row.js';
import type { TableView } from './table.js';
import { tenantRepository, type ViewOf } from './tenant-repository.js';

const byRank = (a: StoredRole, b: StoredRole) =>
  b.rank - a.rank || compareText(a.name, b.name) || compareText(a.id, b.id);

/** The stored roles over their table, and who holds one from the memberships and invitations. @internal */
export function roleRepository(
  roles: ViewOf<StoredRole>,
  memberships: () => TableView<Membership>,
  invitations: () => TableView<Invitation>,
): RoleRepository {
  return {
    ...tenantRepository(roles, 'Role'),
    async listByOrganization(orgId) {
      return roles()
        .rowsBy('org', orgId)
        .sort(byRank)
        .map((row) => copyRow(row));
    },
    async listHolders(orgId, role) {
      const held = memberships()
        .rowsBy('org', orgId)
        .filter((row) => row.state === 'member' && row.role === role)
        .sort((a, b) => compareText(a.accountId, b.accountId) || compareText(a.spaceId, b.spaceId));
      const offered = invitations()
        .rowsBy('org', orgId)
        .filter((row) => row.status === 'pending' && row.role === role)
        .sort((a, b) => compareText(a.id, b.id));
      return {
        memberships: held.map((row) => copyRow(row)),
        invitations: offered.map((row) => copyRow(row)),
      };
    },
  };
}
