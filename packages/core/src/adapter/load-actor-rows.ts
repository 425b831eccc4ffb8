import type { ActorRows, ActorRowsOptions } from '../ports/repositories/actor-rows.js';
import type { StoreTransaction } from '../ports/store.js';

/**
 * The acting account's rows composed from the repositories' own reads
 * (`organizations.get`, `accounts.get`, `memberships.listByAccounts`, and
 * `roles.listByOrganization` when asked): what an adapter without
 * `accounts.loadActor` gives, and what the conformance suite compares an
 * adapter's `loadActor` with.
 *
 * @example
 * ```ts
 * import { composeActorRows } from '@rosterkit/core/adapter';
 *
 * const rows = await store.transaction((tx) => composeActorRows(tx, orgId, accountId, { roles: false }));
 * ```
 */
export async function composeActorRows(
  tx: StoreTransaction,
  orgId: string,
  accountId: string,
  options: ActorRowsOptions,
): Promise<ActorRows> {
  const { target } = options;
  const [organization, account, targetAccount, roles] = await Promise.all([
    tx.organizations.get(orgId),
    tx.accounts.get(orgId, accountId),
    target === undefined ? undefined : tx.accounts.get(orgId, target),
    options.roles ? tx.roles.listByOrganization(orgId) : undefined,
  ]);
  const ids = [account, targetAccount].flatMap((found) => (found === undefined ? [] : [found.id]));
  const all = ids.length === 0 ? [] : await tx.memberships.listByAccounts(orgId, ids);
  const of = (id: string) => all.filter((membership) => membership.accountId === id);
  const rows: ActorRows = {
    organization,
    account,
    memberships: account === undefined ? [] : of(accountId),
  };
  return {
    ...rows,
    ...(roles === undefined ? {} : { roles }),
    ...(target === undefined
      ? {}
      : {
          target: {
            account: targetAccount,
            memberships: targetAccount === undefined ? [] : of(target),
          },
        }),
  };
}

/**
 * The acting account's rows: the store's own `accounts.loadActor` (one
 * round trip) when it has one, else {@link composeActorRows}.
 *
 * @example
 * ```ts
 * import { loadActorRows } from '@rosterkit/core/adapter';
 *
 * const { account, memberships } = await store.transaction((tx) =>
 *   loadActorRows(tx, orgId, accountId, { roles: false }),
 * );
 * ```
 */
export function loadActorRows(
  tx: StoreTransaction,
  orgId: string,
  accountId: string,
  options: ActorRowsOptions,
): Promise<ActorRows> {
  return tx.accounts.loadActor === undefined
    ? composeActorRows(tx, orgId, accountId, options)
    : tx.accounts.loadActor(orgId, accountId, options);
}
