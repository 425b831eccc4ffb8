import type { Account } from '../../model/account.js';
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

/**
 * Reads what the rows name at once: spaces, groups, every account (the
 * rows' and the managers') and their memberships, and the current reports of
 * every account a row deactivates (rule 7 checks them): a constant number of
 * reads for any number of rows.
 */
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
  const byEmail = new Map(accounts.map((account) => [account.email, account]));
  const deactivated = rows.flatMap(({ data }) => {
    const account = data.deactivated === true ? byEmail.get(data.email) : undefined;
    return account === undefined ? [] : [account.id];
  });
  const [listed, reports] = await Promise.all([
    accounts.length === 0
      ? []
      : ctx.tx.memberships.listByAccounts(
          orgId,
          accounts.map((account) => account.id),
        ),
    deactivated.length === 0 ? [] : ctx.tx.memberships.listReportsOf(orgId, deactivated),
  ]);
  const memberships = new Map<string, Membership[]>();
  for (const membership of listed) {
    memberships.set(membership.accountId, [
      ...(memberships.get(membership.accountId) ?? []),
      membership,
    ]);
  }
  return {
    spaces,
    groups,
    byEmail,
    memberships,
    reports: new Map(reports.map((membership) => [membership.id, membership])),
  };
}

/** A planned row whose writes wait for the batch's: its account and membership drafts. */
interface PendingRow {
  readonly plan: RowPlan;
  readonly account: Account | undefined;
  readonly memberships: readonly Membership[];
}

/**
 * The batch's writes, held until {@link PendingWrites.flush}: every changed
 * membership in one `updateMany`, every changed account in another, so a
 * batch costs the same number of statements whatever its size. A row on an
 * account already waiting flushes first, so each row plans on stored versions.
 */
class PendingWrites {
  private rows: PendingRow[] = [];
  private readonly accountIds = new Set<string>();

  constructor(
    private readonly ctx: ActorContext,
    private readonly state: BatchState,
    private readonly events: AuditEvent[],
  ) {}

  has(accountId: string | undefined): boolean {
    return accountId !== undefined && this.accountIds.has(accountId);
  }

  add(row: PendingRow): void {
    this.rows.push(row);
    this.accountIds.add(row.plan.account.id);
    // Later rows plan on the batch as it will stand: who now reports to whom.
    for (const membership of row.memberships) {
      if (membership.managerId !== null || this.state.reports.has(membership.id))
        this.state.reports.set(membership.id, membership);
    }
    const { account, before } = row.plan;
    this.state.byEmail.set(account.email, row.account ?? account);
    const drafts = new Map(row.memberships.map((membership) => [membership.id, membership]));
    this.state.memberships.set(
      account.id,
      before.map((membership) => drafts.get(membership.id) ?? membership),
    );
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    this.accountIds.clear();
    const { tx } = this.ctx;
    const drafts = rows.flatMap((row) => row.memberships);
    const accounts = rows.flatMap((row) => (row.account === undefined ? [] : [row.account]));
    const [savedMemberships, savedAccounts] = await Promise.all([
      drafts.length === 0 ? [] : tx.memberships.updateMany(drafts),
      accounts.length === 0 ? [] : tx.accounts.updateMany(accounts),
    ]);
    const memberships = new Map(savedMemberships.map((membership) => [membership.id, membership]));
    const byId = new Map(savedAccounts.map((account) => [account.id, account]));
    for (const { plan, memberships: changed } of rows) {
      const { account, before } = plan;
      const saved = changed.map((draft) => memberships.get(draft.id) ?? draft);
      const savedAccount = byId.get(account.id) ?? account;
      const changedIds = new Set(saved.map((membership) => membership.id));
      this.events.push(
        auditEventOf(
          this.ctx,
          account.orgId,
          'bulkUpdate',
          { type: 'Account', id: account.id },
          { account, memberships: before.filter((membership) => changedIds.has(membership.id)) },
          { account: savedAccount, memberships: saved },
        ),
      );
      this.state.byEmail.set(savedAccount.email, savedAccount);
      this.state.memberships.set(
        account.id,
        before.map((membership) => memberships.get(membership.id) ?? membership),
      );
      for (const membership of saved) {
        if (this.state.reports.has(membership.id))
          this.state.reports.set(membership.id, membership);
      }
    }
  }
}

/**
 * Runs the effects of one planned row's status change (groups cleared, the
 * host's resource handlers, sessions revoked) and returns its drafts, for
 * the batch's writes; its outbox messages go to the batch's.
 */
async function draftRow(
  ctx: ActorContext,
  plan: RowPlan,
  messages: OutboxMessage[],
): Promise<PendingRow> {
  const { before, status } = plan;
  let after = plan.after;
  let nextAccount: Account | undefined;
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
    messages.push(...scope.messages);
  }
  return { plan, account: nextAccount, memberships: changedMemberships(before, after) };
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
 * managers'), their memberships and the reports of those deactivated, at
 * once; then row by row, check everything the row asks with the single
 * commands' checks (`changeRole`, `assignGroups`, `setManager`,
 * `setRestrictions`, `deactivate` and `reactivate`, plus rule 8); and write
 * the batch at the end: its memberships in one `updateMany`, its accounts in
 * another, one audit event per updated row and the outbox messages, each
 * appended at once. The statements do not grow with the rows.
 * @internal
 */
export function bulkUpdateCommand(): BulkCommand<BulkUpdateRow> {
  return {
    model: BulkUpdateRow,
    async process(ctx, rows) {
      const state = await loadBatchState(ctx, rows);
      const reports = new Map<number, BulkRowReport>();
      const events: AuditEvent[] = [];
      const messages: OutboxMessage[] = [];
      const pending = new PendingWrites(ctx, state, events);
      let seats: { readonly room: SeatRoom | undefined; taken: number } | null = null;
      for (const row of rows) {
        // Two rows of one account: the second plans on the first's writes, stored.
        if (pending.has(state.byEmail.get(row.data.email)?.id)) await pending.flush();
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
        pending.add(await draftRow(ctx, plan, messages));
        reports.set(row.index, rowReport(row, 'updated', plan.account.id));
      }
      await pending.flush();
      if (messages.length > 0) await ctx.tx.outbox.appendMany(messages);
      if (events.length > 0) await ctx.tx.auditEvents.appendMany(events);
      return { reports, invitations: [] };
    },
  };
}
