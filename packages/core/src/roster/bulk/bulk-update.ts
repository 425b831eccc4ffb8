import type { AuditEvent } from '../../model/audit-event.js';
import type { Membership } from '../../model/membership.js';
import type { OutboxMessage } from '../../model/outbox-message.js';
import { auditEventOf } from '../audit.js';
import type { ActorContext } from '../command-context.js';
import { accountScope, changedMemberships } from '../effects/effect-scope.js';
import { runEffects } from '../effects/run-effects.js';
import { type SeatRoom, seatRoom } from '../seats.js';
import type { BulkCommand, PreparedRow } from './bulk-command.js';
import type { BulkRowReport } from './bulk-report.js';
import { BulkUpdateRow } from './bulk-rows.js';
import { type BatchState, planUpdateRow, type RowPlan } from './plan-update-row.js';
import { loadBatchNames } from './resolve.js';
import { reportFailure, rowReport } from './row-failure.js';

/** Reads what the rows name at once: spaces, groups, every account (the rows' and the managers') and their memberships. */
async function loadBatchState(
  ctx: ActorContext,
  rows: readonly PreparedRow<BulkUpdateRow>[],
): Promise<BatchState> {
  const orgId = ctx.actor.organization.id;
  const { spaces, groups, accounts } = await loadBatchNames(
    ctx,
    rows.map(({ data }) => ({
      space: data.space,
      hasGroups: data.groups !== undefined,
      emails: typeof data.manager === 'string' ? [data.email, data.manager] : [data.email],
    })),
  );
  const memberships = new Map<string, Membership[]>();
  if (accounts.length > 0) {
    const listed = await ctx.tx.memberships.listByAccounts(
      orgId,
      accounts.map((account) => account.id),
    );
    for (const membership of listed) {
      memberships.set(membership.accountId, [
        ...(memberships.get(membership.accountId) ?? []),
        membership,
      ]);
    }
  }
  return {
    spaces,
    groups,
    byEmail: new Map(accounts.map((account) => [account.email, account])),
    memberships,
  };
}

/**
 * Writes one planned row: the effects of its status change (groups cleared,
 * the host's resource handlers, sessions revoked), then its account and
 * changed memberships. Its audit event and outbox messages go to the batch's.
 * A failure here is unexpected (a concurrent writer): it fails the batch,
 * which is then run row by row.
 */
async function writeRow(
  ctx: ActorContext,
  plan: RowPlan,
  state: BatchState,
  batch: { readonly events: AuditEvent[]; readonly messages: OutboxMessage[] },
): Promise<void> {
  const { account, before, status } = plan;
  let after = plan.after;
  let nextAccount = account;
  if (status !== undefined) {
    const scope = await runEffects(
      accountScope(ctx, status.event, {
        account: status.account,
        memberships: after,
        departure: {
          spaceId: null,
          reports: status.reports,
          reassignment: undefined,
          reassignResourcesTo: null,
        },
      }),
      status.effects,
    );
    after = scope.target.memberships;
    nextAccount = scope.target.account;
    batch.messages.push(...scope.messages);
  }
  const saved: Membership[] = [];
  for (const membership of changedMemberships(before, after)) {
    saved.push(await ctx.tx.memberships.update(membership));
  }
  const savedAccount = status === undefined ? account : await ctx.tx.accounts.update(nextAccount);
  const changedIds = new Set(saved.map((membership) => membership.id));
  batch.events.push(
    auditEventOf(
      ctx,
      account.orgId,
      'bulkUpdate',
      { type: 'Account', id: account.id },
      { account, memberships: before.filter((membership) => changedIds.has(membership.id)) },
      { account: savedAccount, memberships: saved },
    ),
  );
  state.byEmail.set(savedAccount.email, savedAccount);
  state.memberships.set(
    account.id,
    before.map((membership) => saved.find((next) => next.id === membership.id) ?? membership),
  );
}

/** A reactivation of someone still a member of a space takes a seat back, as `reactivate` does. */
function takesSeat(plan: RowPlan): boolean {
  return (
    plan.status?.event === 'reactivate' &&
    plan.after.some((membership) => membership.state === 'member')
  );
}

/**
 * What a batch of update rows does, in one transaction: read the spaces, the
 * groups of the spaces used, every account named (the rows' and the
 * managers') and their memberships, at once; then row by row, check
 * everything the row asks with the single commands' checks (`changeRole`,
 * `assignGroups`, `setManager`, `setRestrictions`, `deactivate` and
 * `reactivate`, plus rule 8), and only then write it: one account and
 * membership update each, and one audit event per updated row, appended with
 * the batch's outbox messages at the end.
 * @internal
 */
export function bulkUpdateCommand(): BulkCommand<BulkUpdateRow> {
  return {
    model: BulkUpdateRow,
    async process(ctx, rows) {
      const state = await loadBatchState(ctx, rows);
      const reports = new Map<number, BulkRowReport>();
      const batch = { events: [] as AuditEvent[], messages: [] as OutboxMessage[] };
      let seats: { readonly room: SeatRoom | undefined; taken: number } | null = null;
      for (const row of rows) {
        let plan: Awaited<ReturnType<typeof planUpdateRow>>;
        try {
          plan = await planUpdateRow(ctx, row.data, state);
        } catch (error) {
          const known = state.byEmail.get(row.data.email);
          reports.set(row.index, reportFailure(row, error, known?.id ?? null));
          continue;
        }
        if ('unchanged' in plan) {
          reports.set(row.index, rowReport(row, 'unchanged', plan.unchanged.id));
          continue;
        }
        if (takesSeat(plan)) {
          // The plan's seats, counted once per batch (held by the store
          // until it commits) when a row first needs one: reactivations
          // past the cap fail, in file order.
          if (seats === null)
            seats = { room: await seatRoom(ctx, ctx.actor.organization, 'member'), taken: 0 };
          if (seats.room !== undefined && seats.taken >= seats.room.free) {
            reports.set(
              row.index,
              reportFailure(row, seats.room.refuse(seats.taken + 1), plan.account.id),
            );
            continue;
          }
          seats.taken += 1;
        }
        await writeRow(ctx, plan, state, batch);
        reports.set(row.index, rowReport(row, 'updated', plan.account.id));
      }
      if (batch.messages.length > 0) await ctx.tx.outbox.appendMany(batch.messages);
      if (batch.events.length > 0) await ctx.tx.auditEvents.appendMany(batch.events);
      return { reports, invitations: [] };
    },
  };
}
