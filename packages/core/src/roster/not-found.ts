import { RosterError } from '../errors/roster-error.js';
import type { Account } from '../model/account.js';
import type { SubjectType } from '../model/audit-event.js';
import type { CommandContext } from './command-context.js';

/** The NOT_FOUND error of a record that is missing or in another organization. @internal */
export function notFound(subject: SubjectType, id: string): RosterError<'NOT_FOUND'> {
  const where = subject === 'Organization' ? '' : ' in this organization';
  return new RosterError('NOT_FOUND', `No ${subject.toLowerCase()} ${id}${where}.`, {
    subject,
    id,
  });
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
