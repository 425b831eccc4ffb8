import type { Membership } from '../../model/membership.js';
import type { TenantRepository } from './tenant-repository.js';

/**
 * Memberships: an account's access to one space. At most one per account and space (unique).
 *
 * @category Store port (for adapter authors)
 */
export interface MembershipRepository extends TenantRepository<Membership> {
  /** The membership of this account in this space, current or former, or `undefined`. */
  find(orgId: string, accountId: string, spaceId: string): Promise<Membership | undefined>;
  /** Every membership (current and former) of these accounts, in one round trip. */
  listByAccounts(orgId: string, accountIds: readonly string[]): Promise<Membership[]>;
  /** The current memberships (state `member`) whose manager is `managerId`: the manager's direct reports. */
  listReports(orgId: string, managerId: string): Promise<Membership[]>;
}
