import { loadActorRows } from '../adapter/load-actor-rows.js';
import { notFound as storeNotFound } from '../adapter/store-errors.js';
import type { RosterError } from '../errors/roster-error.js';
import type { Account } from '../model/account.js';
import type { SubjectType } from '../model/audit-event.js';
import type { Membership } from '../model/membership.js';
import type { CommandContext } from './command-context.js';

/**
 * The NOT_FOUND error of a record that is missing or in another
 * organization: the adapter kit's, so a command and a store word it alike.
 * @internal
 */
export function notFound(subject: SubjectType, id: string): RosterError<'NOT_FOUND'> {
  return storeNotFound(subject, id);
}

/** Loads an account of the actor's organization or throws NOT_FOUND. @internal */
export async function getAccountOrThrow(
  ctx: CommandContext,
  orgId: string,
  id: string,
): Promise<Account> {
  const account = await ctx.tx.accounts.get(orgId, id);
  if (account === undefined || account.status === 'deleted') throw notFound('Account', id);
  return account;
}

/**
 * Loads an account of the actor's organization with all its memberships
 * (current and former), or throws NOT_FOUND: one round trip where the store
 * has `accounts.loadActor` (the organization it also reads is the actor's,
 * already loaded), else `accounts.get` and `memberships.listByAccounts`.
 * @internal
 */
export async function getAccountWithMemberships(
  ctx: CommandContext,
  orgId: string,
  id: string,
): Promise<{ account: Account; memberships: Membership[] }> {
  const prefetched = ctx.prefetched?.take(id);
  if (prefetched !== undefined) {
    const { account, memberships } = prefetched;
    if (account === undefined || account.status === 'deleted') throw notFound('Account', id);
    return { account, memberships: [...memberships] };
  }
  if (ctx.tx.accounts.loadActor === undefined) {
    const account = await getAccountOrThrow(ctx, orgId, id);
    return { account, memberships: await ctx.tx.memberships.listByAccounts(orgId, [id]) };
  }
  const { account, memberships } = await loadActorRows(ctx.tx, orgId, id, { roles: false });
  if (account === undefined || account.status === 'deleted') throw notFound('Account', id);
  return { account, memberships: [...memberships] };
}
