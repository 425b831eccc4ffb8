import type { Invitation } from '../../model/invitation.js';
import type { Page } from './page.js';
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
  /** One page of an organization's invitations, with the total count; see {@link InvitationListQuery}. */
  list(query: InvitationListQuery): Promise<Page<Invitation>>;
}

/**
 * Where an invitation stands in a list: its stored status, except that a
 * `pending` one whose `expiresAt` has passed (at or before the query's
 * `now`) is `expired`.
 *
 * @category Store port (for adapter authors)
 */
export type InvitationListStatus = 'pending' | 'expired' | 'accepted' | 'revoked' | 'declined';

/**
 * What {@link InvitationRepository.list} returns: an organization's
 * invitations, newest first (`createdAt` descending, ties by `id`
 * descending, compared by code units). Every criterion given must hold.
 *
 * @category Store port (for adapter authors)
 */
export interface InvitationListQuery {
  /** The organization; a store never returns or counts another's rows. */
  readonly orgId: string;
  /** Only invitations into one of these spaces; an empty list matches none. */
  readonly spaceIds?: readonly string[];
  /** Only invitations in one of these list statuses; an empty list matches none. */
  readonly statuses?: readonly InvitationListStatus[];
  /** The instant `expired` is judged at: a pending invitation with `expiresAt <= now` is expired. */
  readonly now: Date;
  /** From {@link Page.nextCursor} of the previous page; a cursor the store cannot read is `INVALID_INPUT`. */
  readonly cursor?: string;
  /** Rows per page, an integer from 1 to 500, the adapter kit's `maxPageSize` (`INVALID_INPUT` otherwise). */
  readonly limit: number;
}
