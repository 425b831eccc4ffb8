import { notFound as storeNotFound } from '../adapter/store-errors.js';
import type { RosterError } from '../errors/roster-error.js';
import type { Account } from '../model/account.js';
import type { SubjectType } from '../model/audit-event.js';
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
