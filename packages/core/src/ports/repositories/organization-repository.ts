import type { Organization } from '../../model/organization.js';

/**
 * Organizations: the tenants themselves. Same version rules as {@link TenantRepository}.
 *
 * @category Store port (for adapter authors)
 */
export interface OrganizationRepository {
  /** The organization, or `undefined`. */
  get(id: string): Promise<Organization | undefined>;
  /** Stores a new organization (`version` 1); `CONFLICT` (`unique`) if the id is taken. */
  insert(row: Organization): Promise<Organization>;
  /** Replaces the organization read at `row.version`; `CONFLICT` (`stale-version`) otherwise. */
  update(row: Organization): Promise<Organization>;
  /** Deletes the organization read at `version`; `CONFLICT` (`stale-version`) otherwise. */
  delete(id: string, version: number): Promise<void>;
  /**
   * Counts the organization's seats in use (DESIGN §8, seat limits), for a
   * command about to take one, and holds the count until the transaction
   * ends: of two transactions that call `countSeats` for one organization,
   * the second counts only after the first has committed or rolled back (it
   * waits, or fails with a serialization failure the store retries). So a
   * cap checked against the count cannot be exceeded by racing commands.
   * Does not change the organization's `version`. A SQL store may take a
   * write lock on the organization's row; the memory store runs one
   * transaction of an organization at a time anyway.
   *
   * @returns zeros for an organization that does not exist.
   */
  countSeats(id: string): Promise<SeatCount>;
}

/**
 * The seats an organization uses, as {@link OrganizationRepository.countSeats} counts them.
 *
 * @category Store port (for adapter authors)
 */
export interface SeatCount {
  /** Accounts with status `active` that have at least one membership in state `member`. */
  readonly activeMembers: number;
  /** Invitations with status `pending`, expired or not. */
  readonly pendingInvitations: number;
}
