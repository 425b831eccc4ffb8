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
  /**
   * The direct reports of each of `managerIds` (current memberships whose
   * manager is one of them), in one round trip and in no particular order:
   * a bulk update checks every row it deactivates with one read.
   */
  listReportsOf(orgId: string, managerIds: readonly string[]): Promise<Membership[]>;
  /** The current memberships (state `member`) of one space, in no particular order. */
  listBySpace(orgId: string, spaceId: string): Promise<Membership[]>;
  /** The memberships whose `groupIds` hold `groupId` (only current ones can), in no particular order. */
  listByGroup(orgId: string, groupId: string): Promise<Membership[]>;
  /**
   * How many memberships hold each of `groupIds` in their `groupIds`, in one
   * round trip: every id given is a key, `0` when no membership holds it.
   */
  countByGroups(orgId: string, groupIds: readonly string[]): Promise<Record<string, number>>;
}
