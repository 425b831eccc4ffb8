import type { Account } from '../../model/account.js';
import type { AuditEvent } from '../../model/audit-event.js';
import type { Membership } from '../../model/membership.js';
import type { ListPage } from '../../ports/store.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { AccountRef, ListAccountsInput, PresenceInput } from '../inputs.js';
import { getAccountOrThrow } from '../not-found.js';
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
  const account = await getAccountOrThrow(ctx, orgId, input.accountId);
  const memberships = await ctx.tx.memberships.listByAccounts(orgId, [account.id]);
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

/** An account's history: its membership periods and the audit events about it. */
export interface AccountHistory {
  readonly account: Account;
  /** Every membership, current and former, each with its periods. */
  readonly memberships: readonly Membership[];
  /** The audit events about the account and its memberships, newest first (the latest 100 of each). */
  readonly events: readonly AuditEvent[];
}

/** @internal */
export async function history(ctx: ActorContext, raw: unknown): Promise<AccountHistory> {
  const { account, memberships } = await getAccount(ctx, raw);
  const orgId = account.orgId;
  await authorize(ctx, 'read', { type: 'AuditEvent', orgId, accountId: account.id });
  const targets = [
    { type: 'Account' as const, id: account.id },
    ...memberships.map((membership) => ({ type: 'Membership' as const, id: membership.id })),
  ];
  // One query per target: an account has one membership per space, a handful.
  const pages = await Promise.all(
    targets.map((target) => ctx.tx.auditEvents.list({ orgId, target, limit: 100 })),
  );
  const events = pages
    .flatMap((page) => page.items)
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { account, memberships, events };
}
