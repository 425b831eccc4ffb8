import type { Account } from '../../model/account.js';
import type { Membership } from '../../model/membership.js';
import type { ListPage } from '../../ports/store.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { AccountRef, ListAccountsInput, PresenceInput } from '../inputs.js';
import { getAccountWithMemberships } from '../not-found.js';
import { accountSubject } from '../policy-subjects.js';

/** An account with its memberships, as the lists and `getAccount` return it. */
export interface AccountWithMemberships {
  readonly account: Account;
  /** Every membership of the account, current and former, with its periods. */
  readonly memberships: readonly Membership[];
}

/** @internal */
export async function getAccount(ctx: ActorContext, raw: unknown): Promise<AccountWithMemberships> {
  const input = AccountRef.parse(raw);
  const orgId = ctx.actor.organization.id;
  const { account, memberships } = await getAccountWithMemberships(ctx, orgId, input.accountId);
  await authorize(ctx, 'read', accountSubject(account, memberships));
  return { account, memberships };
}

/** @internal */
export async function listAccounts(
  ctx: ActorContext,
  raw: unknown,
  members: boolean,
): Promise<ListPage<AccountWithMemberships>> {
  const input = ListAccountsInput.parse(raw);
  const actor = ctx.actor;
  const orgId = actor.organization.id;
  const readFilter = await ctx.deps.policy.readFilter(actor, 'Account');
  const memberOf = members ? (input.spaceId ?? actor.organization.defaultSpaceId) : input.spaceId;
  const page = await ctx.tx.accounts.list({
    orgId,
    readFilter,
    sort: input.sort,
    limit: input.limit,
    total: input.total,
    ...(input.search === undefined ? {} : { search: input.search }),
    ...(input.statuses === undefined ? {} : { statuses: input.statuses }),
    ...(input.roles === undefined ? {} : { roles: input.roles }),
    ...(memberOf === undefined ? {} : { memberOf }),
    ...(members && input.includePending ? { includeInvited: true } : {}),
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

/** Where a person is, from when they were last seen. */
export type PresenceStatus = 'online' | 'away' | 'offline';

/** One account's presence. */
export interface Presence {
  readonly accountId: string;
  readonly status: PresenceStatus;
  readonly lastSeenAt: Date | null;
}

/** @internal */
export async function presence(ctx: ActorContext, raw: unknown): Promise<Presence[]> {
  const input = PresenceInput.parse(raw);
  const orgId = ctx.actor.organization.id;
  const accounts = await ctx.tx.accounts.getMany(orgId, input.accountIds);
  const memberships = await ctx.tx.memberships.listByAccounts(orgId, input.accountIds);
  const result: Presence[] = [];
  for (const id of input.accountIds) {
    const account = accounts.find((candidate) => candidate.id === id);
    if (account === undefined || account.status === 'deleted') continue;
    await authorize(
      ctx,
      'read',
      accountSubject(
        account,
        memberships.filter((m) => m.accountId === id),
      ),
    );
    const seen = account.lastSeenAt?.getTime();
    const ago = seen === undefined ? Number.POSITIVE_INFINITY : ctx.now.getTime() - seen;
    const { onlineWithinMs, awayWithinMs } = ctx.deps.presence;
    const status: PresenceStatus =
      account.status !== 'active'
        ? 'offline'
        : ago <= onlineWithinMs
          ? 'online'
          : ago <= awayWithinMs
            ? 'away'
            : 'offline';
    result.push({ accountId: id, status, lastSeenAt: account.lastSeenAt });
  }
  return result;
}
