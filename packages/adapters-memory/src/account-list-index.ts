import type { Account, AccountSort, Invitation, Membership } from '@rosterkit/core';
import { type ListEntry, listEntry } from './list-entry.js';
import { SortedAccounts } from './sorted-accounts.js';
import { key, type Table } from './table.js';

const none: ReadonlySet<string> = new Set();

function addTo(index: Map<string, Set<string>>, value: string, id: string): void {
  const ids = index.get(value);
  if (ids === undefined) index.set(value, new Set([id]));
  else ids.add(id);
}

function removeFrom(index: Map<string, Set<string>>, value: string, id: string): void {
  const ids = index.get(value);
  if (ids === undefined) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(value);
}

/** The committed tables an account list reads. @internal */
export interface ListTables {
  readonly accounts: Table<Account>;
  readonly memberships: Table<Membership>;
  readonly invitations: Table<Invitation>;
}

/**
 * The committed accounts of one organization as its lists query them: an
 * entry per account, the ids by status, by space (current members), by
 * space invited into (pending invitations), by role and by group held in a
 * current membership, and the accounts sorted by each sort field a list
 * has asked for.
 *
 * It is brought up to date lazily: a commit only marks the accounts it
 * touched ({@link OrganizationAccounts.touch}); the next list of the
 * organization rebuilds their entries from the committed rows. Commits
 * therefore cost a set insertion per row (a bulk import pays nothing more),
 * and a list pays for what changed since the last one.
 *
 * @internal
 */
export class OrganizationAccounts {
  readonly entries = new Map<string, ListEntry>();
  readonly #byStatus = new Map<string, Set<string>>();
  readonly #bySpace = new Map<string, Set<string>>();
  readonly #invitedIn = new Map<string, Set<string>>();
  readonly #byRole = new Map<string, Set<string>>();
  readonly #byGroup = new Map<string, Set<string>>();
  readonly #orders = new Map<AccountSort['field'], SortedAccounts>();
  readonly #dirty = new Set<string>();
  // Every entry's haystack in one flat array (and the entry at the same
  // slot), so that a search scans strings only; removal swaps the last in.
  readonly #haystacks: string[] = [];
  readonly #slotted: ListEntry[] = [];
  readonly #slots = new Map<string, number>();
  readonly #orgId: string;
  readonly #tables: ListTables;

  constructor(orgId: string, tables: ListTables) {
    this.#orgId = orgId;
    this.#tables = tables;
    for (const account of tables.accounts.committedBy('org', orgId)) {
      const entry = this.#build(account.id);
      if (entry !== undefined) this.#add(entry);
    }
  }

  /** Marks an account whose rows a commit changed. */
  touch(accountId: string): void {
    this.#dirty.add(accountId);
  }

  /** Rebuilds the entries of the accounts touched since the last refresh. */
  refresh(): void {
    if (this.#dirty.size === 0) return;
    const changes = new Map<string, ListEntry | undefined>();
    for (const id of this.#dirty) {
      const previous = this.entries.get(id);
      const next = this.#build(id);
      if (previous === undefined && next === undefined) continue;
      if (previous !== undefined) this.#remove(previous);
      if (next !== undefined) this.#add(next);
      changes.set(id, next);
    }
    this.#dirty.clear();
    for (const order of this.#orders.values()) order.apply(changes);
  }

  /** The accounts in `field`'s order (sorted on first use, then kept up to date). */
  order(field: AccountSort['field']): SortedAccounts {
    let order = this.#orders.get(field);
    if (order === undefined) {
      order = new SortedAccounts(field, this.entries.values());
      this.#orders.set(field, order);
    }
    return order;
  }

  /** The entries whose haystack contains `text` (a search without the text separator). */
  searched(text: string): ListEntry[] {
    const found: ListEntry[] = [];
    const haystacks = this.#haystacks;
    for (let i = 0; i < haystacks.length; i += 1) {
      if ((haystacks[i] as string).includes(text)) found.push(this.#slotted[i] as ListEntry);
    }
    return found;
  }

  byStatus(status: string): ReadonlySet<string> {
    return this.#byStatus.get(status) ?? none;
  }

  /** The current members of a space. */
  bySpace(spaceId: string): ReadonlySet<string> {
    return this.#bySpace.get(spaceId) ?? none;
  }

  /** The accounts with a pending invitation into a space, whatever their status. */
  invitedIn(spaceId: string): ReadonlySet<string> {
    return this.#invitedIn.get(spaceId) ?? none;
  }

  /** The accounts holding a role in a current membership, of any space. */
  byRole(role: string): ReadonlySet<string> {
    return this.#byRole.get(role) ?? none;
  }

  /** The accounts in a group through a current membership. */
  byGroup(groupId: string): ReadonlySet<string> {
    return this.#byGroup.get(groupId) ?? none;
  }

  #build(id: string): ListEntry | undefined {
    const { accounts, memberships, invitations } = this.#tables;
    const account = accounts.committed(id);
    if (account === undefined || account.orgId !== this.#orgId) return undefined;
    const accountKey = key(this.#orgId, id);
    return listEntry(
      account,
      memberships.committedBy('account', accountKey),
      invitations.committedBy('account', accountKey),
    );
  }

  #add(entry: ListEntry): void {
    this.#index(entry, addTo);
    this.entries.set(entry.id, entry);
    this.#slots.set(entry.id, this.#haystacks.length);
    this.#haystacks.push(entry.haystack);
    this.#slotted.push(entry);
  }

  #remove(entry: ListEntry): void {
    this.#index(entry, removeFrom);
    this.entries.delete(entry.id);
    const slot = this.#slots.get(entry.id) as number;
    const lastHaystack = this.#haystacks.pop() as string;
    const lastEntry = this.#slotted.pop() as ListEntry;
    this.#slots.delete(entry.id);
    if (lastEntry !== entry) {
      this.#haystacks[slot] = lastHaystack;
      this.#slotted[slot] = lastEntry;
      this.#slots.set(lastEntry.id, slot);
    }
  }

  #index(
    entry: ListEntry,
    change: (index: Map<string, Set<string>>, value: string, id: string) => void,
  ): void {
    const { id } = entry;
    change(this.#byStatus, entry.account.status, id);
    for (const membership of entry.memberships) {
      change(this.#bySpace, membership.spaceId, id);
      change(this.#byRole, membership.role, id);
      for (const groupId of membership.groupIds) change(this.#byGroup, groupId, id);
    }
    for (const spaceId of entry.invitedTo) change(this.#invitedIn, spaceId, id);
  }
}

const registries = new WeakMap<Table<Account>, AccountListIndexes>();

/**
 * The {@link OrganizationAccounts} of every organization a list has asked
 * for, kept in step with the committed tables by watching their commits.
 * An organization never listed has no index and costs nothing.
 *
 * @internal
 */
export class AccountListIndexes {
  readonly #tables: ListTables;
  readonly #orgs = new Map<string, OrganizationAccounts>();

  constructor(tables: ListTables) {
    this.#tables = tables;
    const touch = (orgId: string, accountId: string) => this.#orgs.get(orgId)?.touch(accountId);
    tables.accounts.watchers.push((before, after) => {
      for (const row of [before, after]) if (row !== undefined) touch(row.orgId, row.id);
    });
    const byAccount = (before?: Membership | Invitation, after?: Membership | Invitation) => {
      for (const row of [before, after]) if (row !== undefined) touch(row.orgId, row.accountId);
    };
    tables.memberships.watchers.push(byAccount);
    tables.invitations.watchers.push(byAccount);
    registries.set(tables.accounts, this);
  }

  /** The up-to-date index of an organization's committed accounts. */
  of(orgId: string): OrganizationAccounts {
    let org = this.#orgs.get(orgId);
    if (org === undefined) {
      org = new OrganizationAccounts(orgId, this.#tables);
      this.#orgs.set(orgId, org);
    }
    org.refresh();
    // An organization left with no account (deleted) keeps no index.
    if (org.entries.size === 0) this.#orgs.delete(orgId);
    return org;
  }

  /** The indexes kept over an accounts table, if any. */
  static of(accounts: Table<Account>): AccountListIndexes | undefined {
    return registries.get(accounts);
  }
}
