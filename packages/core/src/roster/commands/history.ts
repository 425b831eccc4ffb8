import { maxAuditTargets } from '../../adapter/audit-targets.js';
import type { Account } from '../../model/account.js';
import type { AuditEvent } from '../../model/audit-event.js';
import type { Membership } from '../../model/membership.js';
import { HistoryInput } from '../account-inputs.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { notFound } from '../not-found.js';
import { accountSubject } from '../policy-subjects.js';

/** One page of an account's history: its membership periods and the audit events about it. */
export interface AccountHistory {
  /** The account the history is of. */
  readonly accountId: string;
  /**
   * The account, or `null` when it was deleted: its trail stays, with its id
   * (and its memberships' ids) as pseudonyms and no personal data (DESIGN §3).
   */
  readonly account: Account | null;
  /** Every membership, current and former, each with its periods (none once the account is deleted). */
  readonly memberships: readonly Membership[];
  /** The audit events about the account and its memberships, newest first (ties by id, descending). */
  readonly events: readonly AuditEvent[];
  /** Pass as `cursor` for the next (older) page; `null` on the last one. */
  readonly nextCursor: string | null;
  /** How many events the whole history has. */
  readonly total: number;
}

type Target = { readonly type: 'Account' | 'Membership'; readonly id: string };

// A store lists events about at most this many records at once.
const maxTargets = maxAuditTargets;

/**
 * The memberships a deleted account had, from its deletion's audit event
 * (`deleteOwnAccount` records their ids, and nothing personal).
 */
function deletedMembershipIds(event: AuditEvent | undefined): string[] {
  if (event?.action !== 'deleteOwnAccount') return [];
  const before = event.before as { membershipIds?: unknown } | null;
  const ids = before?.membershipIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/** @internal */
export async function history(ctx: ActorContext, raw: unknown): Promise<AccountHistory> {
  const input = HistoryInput.parse(raw);
  const orgId = ctx.actor.organization.id;
  const stored = await ctx.tx.accounts.get(orgId, input.accountId);
  const account = stored?.status === 'deleted' ? undefined : stored;
  let memberships: Membership[] = [];
  let targets: Target[];
  if (account !== undefined) {
    memberships = await ctx.tx.memberships.listByAccounts(orgId, [account.id]);
    await authorize(ctx, 'read', accountSubject(account, memberships));
    await authorize(ctx, 'read', { type: 'AuditEvent', orgId, accountId: account.id });
    targets = memberships.map((membership) => ({ type: 'Membership', id: membership.id }));
  } else {
    // A deleted account: only those who may read the audit see its trail,
    // and they are told it is missing only after that (no existence probe).
    await authorize(ctx, 'read', { type: 'AuditEvent', orgId, accountId: input.accountId });
    const latest = await ctx.tx.auditEvents.list({
      orgId,
      target: { type: 'Account', id: input.accountId },
      limit: 1,
    });
    if (latest.total === 0) throw notFound('Account', input.accountId);
    targets = deletedMembershipIds(latest.items[0]).map((id) => ({ type: 'Membership', id }));
  }
  const page = await ctx.tx.auditEvents.list({
    orgId,
    targets: [{ type: 'Account' as const, id: input.accountId }, ...targets].slice(0, maxTargets),
    limit: input.limit,
    ...(input.cursor === undefined ? {} : { cursor: input.cursor }),
  });
  return {
    accountId: input.accountId,
    account: account ?? null,
    memberships,
    events: page.items,
    nextCursor: page.nextCursor,
    total: page.total,
  };
}
