import type { AccountRows } from '../ports/repositories/actor-rows.js';

/**
 * The account a command's input names, read with the actor in the same
 * round trip (the store's `accounts.loadActor` with a `target`): the
 * command's first read of that account takes it instead of reading again.
 * Only once: a later read in the command may follow its own writes.
 * @internal
 */
export interface PrefetchedAccount {
  take(accountId: string): AccountRows | undefined;
}

/** A prefetched account, handed out once. @internal */
export function prefetchedAccount(accountId: string, rows: AccountRows): PrefetchedAccount {
  let left: AccountRows | undefined = rows;
  return {
    take(id) {
      if (id !== accountId) return undefined;
      const taken = left;
      left = undefined;
      return taken;
    },
  };
}

/**
 * The account id a command's raw input names (`accountId`), to read with
 * the actor; the command parses its input after, and a read of another id
 * (a trimmed one) simply does not take it.
 * @internal
 */
export function namedAccountId(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const id = (input as { readonly accountId?: unknown }).accountId;
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
}
