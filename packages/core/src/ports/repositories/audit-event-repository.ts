import type { AuditEvent, SubjectType } from '../../model/audit-event.js';
import type { Page } from './page.js';

/**
 * The audit trail: append-only.
 *
 * @category Store port (for adapter authors)
 */
export interface AuditEventRepository {
  /** Appends one event. */
  append(event: AuditEvent): Promise<void>;
  /** Appends several events in one round trip (a bulk batch's); an empty array is a no-op. */
  appendMany(events: readonly AuditEvent[]): Promise<void>;
  /** One page of an organization's events, newest first (ties by id, descending), optionally about one target or several. */
  list(query: AuditListQuery): Promise<Page<AuditEvent>>;
  /** Deletes every event of the organization (only when the organization itself is deleted). */
  deleteAllInOrganization(orgId: string): Promise<number>;
  /**
   * Erases personal data from the trail: sets `before` and `after` to `null`
   * on every event of the organization about one of `targets`. The events
   * stay, with the targets' ids as pseudonyms (DESIGN §3, account deletion).
   *
   * @returns how many events were changed: events already erased (`before`
   * and `after` both `null`) are left as they are and not counted, so erasing
   * twice returns 0 the second time.
   */
  eraseSnapshots(
    orgId: string,
    targets: readonly { readonly type: SubjectType; readonly id: string }[],
  ): Promise<number>;
}

/**
 * What {@link AuditEventRepository.list} returns.
 *
 * @category Store port (for adapter authors)
 */
export interface AuditListQuery {
  readonly orgId: string;
  /** Only events about this record. */
  readonly target?: { readonly type: SubjectType; readonly id: string };
  /**
   * Only events about one of these records (an account and its memberships,
   * for its history), 1 to 100 of them, in one page and one cursor. Not
   * given together with `target`.
   */
  readonly targets?: readonly { readonly type: SubjectType; readonly id: string }[];
  /** From {@link Page.nextCursor} of the previous page; a cursor the store cannot read is `INVALID_INPUT`. */
  readonly cursor?: string;
  /** Rows per page, an integer from 1 to 500, the adapter kit's `maxPageSize` (`INVALID_INPUT` otherwise). */
  readonly limit: number;
}
