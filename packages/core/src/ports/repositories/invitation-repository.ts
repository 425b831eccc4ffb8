import type { Invitation } from '../../model/invitation.js';
import type { TenantRepository } from './tenant-repository.js';

/**
 * Invitations. The token hash is unique across all organizations.
 *
 * @category Store port (for adapter authors)
 */
export interface InvitationRepository extends TenantRepository<Invitation> {
  /**
   * The invitation whose token hashes to `tokenHash`, in any organization
   * (the token is what identifies it when it is accepted), or `undefined`.
   */
  findByTokenHash(tokenHash: string): Promise<Invitation | undefined>;
  /** Every invitation sent to this account, newest first. */
  listByAccount(orgId: string, accountId: string): Promise<Invitation[]>;
}
