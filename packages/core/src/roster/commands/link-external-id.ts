import { RosterError } from '../../errors/roster-error.js';
import type { Account } from '../../model/account.js';
import { LinkExternalIdInput } from '../account-inputs.js';
import { audit } from '../audit.js';
import { authorize } from '../authorize.js';
import type { ActorContext, CommandContext } from '../command-context.js';
import { checkExpectedVersion } from '../expected-version.js';
import { getAccountOrThrow } from '../not-found.js';
import { accountSubject } from '../policy-subjects.js';

/**
 * Refuses an `externalId` that another account of the organization holds
 * (before the store's unique key would, with a clearer error).
 * @internal
 */
export async function checkExternalIdFree(
  ctx: CommandContext,
  orgId: string,
  accountId: string,
  externalId: string,
): Promise<void> {
  const holder = await ctx.tx.accounts.findByExternalId(orgId, externalId);
  if (holder !== undefined && holder.id !== accountId) {
    throw new RosterError(
      'CONFLICT',
      'Another account of this organization is already linked to this external id.',
      { subject: 'Account', id: holder.id, reason: 'unique' },
    );
  }
}

/**
 * The link is set once: an account linked to another id is refused
 * (`INVALID_TRANSITION`), so a host's user can never be moved onto an
 * account behind its back.
 * @internal
 */
export function checkLinkable(account: Account, externalId: string): void {
  if (account.externalId !== null && account.externalId !== externalId) {
    throw new RosterError(
      'INVALID_TRANSITION',
      'This account is already linked to another external id; an external id is set once.',
      { machine: 'externalId', from: 'linked', event: 'linkExternalId' },
    );
  }
}

/** @internal */
export async function linkExternalId(ctx: ActorContext, raw: unknown): Promise<Account> {
  const input = LinkExternalIdInput.parse(raw);
  const orgId = ctx.actor.organization.id;
  const account = await getAccountOrThrow(ctx, orgId, input.accountId);
  checkExpectedVersion('Account', account, input.version);
  const memberships = await ctx.tx.memberships.listByAccounts(orgId, [account.id]);
  await authorize(ctx, 'linkExternalId', accountSubject(account, memberships));
  checkLinkable(account, input.externalId);
  // Linking the id it already has is a no-op: nothing written, nothing audited.
  if (account.externalId === input.externalId) return account;
  await checkExternalIdFree(ctx, orgId, account.id, input.externalId);
  const saved = await ctx.tx.accounts.update({
    ...account,
    externalId: input.externalId,
    updatedAt: ctx.now,
  });
  await audit(ctx, orgId, 'linkExternalId', { type: 'Account', id: account.id }, account, saved);
  return saved;
}
