import type { Account, AccountSort, Invitation, Membership } from '@rosterkit/core';
import { type AccountSortKey, accountSortKey, lowerText } from '@rosterkit/core/adapter';

/**
 * What an account list needs of one account, worked out once per change of
 * the account (not per query): the committed row, its current memberships
 * (state `member`), the spaces it has a pending invitation into, and the
 * lower-cased texts a search looks in.
 *
 * @internal
 */
export interface ListEntry {
  readonly id: string;
  /** The committed row: never handed out (a page copies it). */
  readonly account: Account;
  readonly memberships: readonly Membership[];
  /** Spaces of the account's `pending` invitations. */
  readonly invitedTo: readonly string[];
  /**
   * The texts `matchesSearch` looks in (lower-cased email, first name, last
   * name, "first last"), less any that another of them contains: a search
   * found in a dropped one is found in the one containing it.
   */
  readonly texts: readonly string[];
  /** {@link ListEntry.texts} joined by {@link textSeparator}: one `includes` per account. */
  readonly haystack: string;
  /** The `name` sort's key, `accountSortKey('name', account)`, made once. */
  readonly nameKey: AccountSortKey;
}

/** The entry's key for a sort field: `accountSortKey`'s, the `name` one made once per entry. @internal */
export function entrySortKey(entry: ListEntry, field: AccountSort['field']): AccountSortKey {
  return field === 'name' ? entry.nameKey : accountSortKey(field, entry.account);
}

/**
 * Joins an entry's texts in its haystack. A search holding it is looked for
 * text by text instead, so a match never spans two texts.
 *
 * @internal
 */
export const textSeparator = '\u0001';

/** The {@link ListEntry} of a committed account. @internal */
export function listEntry(
  account: Account,
  memberships: readonly Membership[],
  invitations: readonly Invitation[],
): ListEntry {
  const full = lowerText(`${account.firstName} ${account.lastName}`);
  const texts = [lowerText(account.email), full];
  const nameKey = accountSortKey('name', account);
  for (const name of nameKey as readonly string[]) {
    if (!full.includes(name)) texts.push(name);
  }
  return {
    id: account.id,
    account,
    memberships: memberships.filter((membership) => membership.state === 'member'),
    invitedTo: invitations
      .filter((invitation) => invitation.status === 'pending')
      .map((invitation) => invitation.spaceId),
    texts,
    haystack: texts.join(textSeparator),
    nameKey,
  };
}

/** Whether the entry matches a search made by `searchText` (`''` matches all): `matchesSearch`'s answer. @internal */
export function entryMatchesSearch(entry: ListEntry, search: string): boolean {
  if (search === '') return true;
  for (const text of entry.texts) if (text.includes(search)) return true;
  return false;
}
