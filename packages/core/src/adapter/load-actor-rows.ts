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
  const [organization, account, roles] = await Promise.all([
    tx.organizations.get(orgId),
    tx.accounts.get(orgId, accountId),
    options.roles ? tx.roles.listByOrganization(orgId) : undefined,
  ]);
  const memberships =
    account === undefined ? [] : await tx.memberships.listByAccounts(orgId, [accountId]);
  return roles === undefined
    ? { organization, account, memberships }
    : { organization, account, memberships, roles };
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
