import type { Account, AccountStatus } from '../../model/account.js';
import type { ReadFilter } from '../read-filter.js';
import type { ActorRows, ActorRowsOptions } from './actor-rows.js';
import type { ListPage, TotalMode } from './page.js';
import type { TenantRepository } from './tenant-repository.js';

/**
 * Accounts. The store itself enforces that an email, and an `externalId`,
 * is unique in its organization: an `insert` (or `update`) that would make
 * two accounts of one organization share one throws `CONFLICT` with reason
 * `unique`, also when two transactions race.
 *
 * @category Store port (for adapter authors)
 */
export interface AccountRepository extends TenantRepository<Account> {
  /** The account with this (normalized) email in this organization, or `undefined`. */
  findByEmail(orgId: string, email: string): Promise<Account | undefined>;
  /**
   * The accounts with these (normalized) emails in this organization, in one
   * round trip, in no particular order; emails without an account are skipped.
   */
  findByEmails(orgId: string, emails: readonly string[]): Promise<Account[]>;
  /**
   * The account with this `externalId` (compared exactly, case-sensitively;
   * an `externalId` never starts or ends with white space) in this
   * organization, or `undefined`. The store enforces that an
   * `externalId` is unique in its organization, as it does emails: an
   * `insert` or `update` that would give two accounts of one organization the
   * same `externalId` throws `CONFLICT` with reason `unique`; any number of
   * accounts have none (`null`).
   */
  findByExternalId(orgId: string, externalId: string): Promise<Account | undefined>;
  /**
   * One page of accounts matching `query`, with the total count (`null` when
   * `query.total` is `'none'`); see {@link AccountListQuery}.
   */
  list(query: AccountListQuery): Promise<ListPage<Account>>;
  /**
   * Records when the person was last seen. Does not change `version` (presence
   * must never make an admin's edit stale) and never moves `lastSeenAt` back.
   * It is the only write of `lastSeenAt`: `update` keeps the stored value (and
   * returns it), so an edit made from an earlier read never erases presence.
   *
   * @throws `NOT_FOUND` when the organization has no account with this id (one
   * of another organization included), changing nothing.
   */
  setLastSeen(orgId: string, id: string, at: Date): Promise<void>;
  /**
   * Optional: the acting account's rows (see {@link ActorRows}) in one
   * round trip, read at the start of every command. Without it, core
   * composes them from `organizations.get`, `accounts.get`,
   * `memberships.listByAccounts` and `roles.listByOrganization` (the
   * adapter kit's `loadActorRows`), so an adapter that leaves it out still
   * works; a SQL adapter implements it to send one statement instead of
   * four. The conformance suite checks that both agree.
   */
  loadActor?(orgId: string, accountId: string, options: ActorRowsOptions): Promise<ActorRows>;
}

/**
 * The orders a list of accounts can be sorted in. Ties are always broken by
 * `id` (compared by code units, in the same direction as the sort), so pages are stable.
 *
 * @category Store port (for adapter authors)
 */
export interface AccountSort {
  /**
   * - `name`: lower-cased `firstName`, then lower-cased `lastName`, compared by code units
   *   (lower-cased by JavaScript's `toLowerCase`, the adapter kit's `lowerText`; not SQLite's
   *   ASCII-only `lower()`);
   * - `email`, `createdAt`;
   * - `lastSeenAt`: accounts never seen come last in either direction.
   */
  readonly field: 'name' | 'email' | 'createdAt' | 'lastSeenAt';
  readonly direction: 'asc' | 'desc';
}

/**
 * What {@link AccountRepository.list} returns: All Users (every account of
 * the organization) or, with `memberOf`, a space's team. Every criterion
 * given must hold.
 *
 * @category Store port (for adapter authors)
 */
export interface AccountListQuery {
  /** The organization; a store never returns or counts another's rows. */
  readonly orgId: string;
  /**
   * What the actor may read (from the Policy). It is evaluated, with the
   * semantics of `matchesFilter`, over the account's own fields plus two
   * derived from its current memberships (state `member`): `roles` (the roles
   * held) and `spaceIds` (the spaces it is a member of).
   */
  readonly readFilter: ReadFilter;
  /**
   * Case-insensitive substring of the email, the first name, the last name,
   * or "first last" (both sides lower-cased by JavaScript's `toLowerCase`:
   * the adapter kit's `searchText` and `matchesSearch`). Blank means no search. Every character means itself:
   * `%`, `_` and `\` are not wildcards or escapes, even where the store
   * searches with SQL's `LIKE`.
   */
  readonly search?: string;
  /** Only accounts in one of these statuses. */
  readonly statuses?: readonly AccountStatus[];
  /** Only accounts that are current members of this space (the Team page). */
  readonly memberOf?: string;
  /**
   * With `memberOf`: also the `pending` accounts with a `pending` invitation
   * into that space (the invitees, in the same order and cursor as the
   * members). They hold no membership, so `roles` and `groupId`, which match
   * current memberships, leave them out. Ignored without `memberOf`.
   */
  readonly includeInvited?: boolean;
  /** Only accounts holding one of these roles in a current membership (of `memberOf` when given). */
  readonly roles?: readonly string[];
  /** Only accounts currently in this group. */
  readonly groupId?: string;
  /** The order; ties broken by `id`. */
  readonly sort: AccountSort;
  /**
   * From {@link Page.nextCursor} of the previous page, with the same sort; absent
   * for the first page. A cursor the store cannot read, or one returned for
   * another sort field or direction, is `INVALID_INPUT`.
   */
  readonly cursor?: string;
  /** Rows per page, an integer from 1 to 500, the adapter kit's `maxPageSize` (`INVALID_INPUT` otherwise). */
  readonly limit: number;
  /**
   * `'exact'` (the default): `total` counts every match; `'none'`: `total` is
   * `null` and the store skips the count.
   */
  readonly total?: TotalMode;
}
