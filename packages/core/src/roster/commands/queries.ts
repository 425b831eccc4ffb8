import type { Account } from '../../model/account.js';
import type { Membership } from '../../model/membership.js';
import type { Page } from '../../ports/store.js';
import {
  accountSubject,
  authorize,
  type CommandContext,
  getAccountOrThrow,
  requireActor,
} from '../command-context.js';
import { AccountRef, ListAccountsInput } from '../inputs.js';

/** An account with its memberships, as the lists and `getAccount` return it. */
export interface AccountWithMemberships {
  readonly account: Account;
  /** Every membership of the account, current and former, with its periods. */
  readonly memberships: readonly Membership[];
}

/** @internal */
export async function getAccount(
  ctx: CommandContext,
  raw: unknown,
): Promise<AccountWithMemberships> {
  const input = AccountRef.parse(raw);
  const orgId = requireActor(ctx).organization.id;
  const account = await getAccountOrThrow(ctx, orgId, input.accountId);
  const memberships = await ctx.tx.memberships.listByAccounts(orgId, [account.id]);
  await authorize(ctx, 'read', accountSubject(account, memberships));
  return { account, memberships };
}

/** @internal */
export async function listAccounts(
  ctx: CommandContext,
  raw: unknown,
  members: boolean,
): Promise<Page<AccountWithMemberships>> {
  const input = ListAccountsInput.parse(raw);
  const actor = requireActor(ctx);
  const orgId = actor.organization.id;
  const readFilter = await ctx.deps.policy.readFilter(actor, 'Account');
  const memberOf = members ? (input.spaceId ?? actor.organization.defaultSpaceId) : input.spaceId;
  const page = await ctx.tx.accounts.list({
    orgId,
    readFilter,
    sort: input.sort,
    limit: input.limit,
    ...(input.search === undefined ? {} : { search: input.search }),
    ...(input.statuses === undefined ? {} : { statuses: input.statuses }),
    ...(input.roles === undefined ? {} : { roles: input.roles }),
    ...(memberOf === undefined ? {} : { memberOf }),
    ...(input.groupId === undefined ? {} : { groupId: input.groupId }),
    ...(input.cursor === undefined ? {} : { cursor: input.cursor }),
  });
  // One query for every row's memberships, whatever the page size (no N+1).
  const memberships = await ctx.tx.memberships.listByAccounts(
    orgId,
    page.items.map((account) => account.id),
  );
  return {
    items: page.items.map((account) => ({
      account,
      memberships: memberships.filter((membership) => membership.accountId === account.id),
    })),
    nextCursor: page.nextCursor,
    total: page.total,
  };
}
