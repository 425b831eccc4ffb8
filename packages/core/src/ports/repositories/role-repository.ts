import type { Invitation } from '../../model/invitation.js';
import type { Membership } from '../../model/membership.js';
import type { StoredRole } from '../../model/stored-role.js';
import type { TenantRepository } from './tenant-repository.js';

/**
 * Who holds a role: what `deleteRole` refuses to orphan.
 *
 * @category Store port (for adapter authors)
 */
export interface RoleHolders {
  /** Current memberships (state `member`) with this role, by account id then space id. */
  readonly memberships: Membership[];
  /** Pending invitations offering this role, by id. */
  readonly invitations: Invitation[];
}

/**
 * The roles an organization stores at run time (DESIGN §8, Roles). The name
 * is unique per organization: `insert` throws `CONFLICT` (reason `unique`)
 * for a name taken in the organization, also by a concurrent transaction.
 *
 * @category Store port (for adapter authors)
 */
export interface RoleRepository extends TenantRepository<StoredRole> {
  /** Every stored role of the organization, highest rank first, then by name, then by id. */
  listByOrganization(orgId: string): Promise<StoredRole[]>;
  /** The current memberships and pending invitations of the organization whose role is `role` (a name). */
  listHolders(orgId: string, role: string): Promise<RoleHolders>;
}
