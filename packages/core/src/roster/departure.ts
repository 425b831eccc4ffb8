import { RosterError } from '../errors/roster-error.js';
import type { Account } from '../model/account.js';
import type { Membership } from '../model/membership.js';
import { planReassignment, type ReportReassignment } from '../rules/direct-reports.js';
import type { CommandContext } from './command-context.js';
import { canManageIn } from './manager.js';
import { notFound } from './not-found.js';
import type { DepartureReason } from './roster-options.js';

/**
 * Moves a manager's direct reports to their new managers (DESIGN rule 7).
 * Every new manager must be an active account of the organization; the
 * reassignment must cover every report. Returns the updated memberships.
 * @internal
 */
export async function moveReports(
  ctx: CommandContext,
  input: {
    readonly orgId: string;
    readonly managerId: string;
    readonly reports: readonly Membership[];
    readonly reassignment: ReportReassignment | undefined;
  },
): Promise<Membership[]> {
  const plan = planReassignment({
    managerId: input.managerId,
    directReportIds: input.reports.map((report) => report.accountId),
    reassignment: input.reassignment,
  });
  if (!plan.ok) throw plan.error;
  const managerIds = [...new Set(plan.moves.map((move) => move.managerId))];
  const managers = await checkActive(ctx, input.orgId, managerIds, 'reassignReports');
  // Rule 7 again: a report moves only to someone who can manage in its space.
  const managerships =
    managerIds.length === 0 ? [] : await ctx.tx.memberships.listByAccounts(input.orgId, managerIds);
  // One batched write, so a manager with many reports costs no more round trips.
  const managerOf = new Map(plan.moves.map((move) => [move.reportId, move.managerId]));
  const moved = input.reports.flatMap((report) => {
    const managerId = managerOf.get(report.accountId);
    return managerId === undefined ? [] : [{ ...report, managerId }];
  });
  for (const report of moved) {
    const manager = managers.find((account) => account.id === report.managerId);
    if (!canManageIn(manager, managerships, report.spaceId)) {
      throw new RosterError(
        'INVALID_INPUT',
        `Cannot hand reports over to ${report.managerId}: they are not a member of the report's space.`,
        {
          issues: [
            {
              path: ['reassignReports'],
              message: `Account ${report.managerId} is not a member of space ${report.spaceId}`,
            },
          ],
        },
      );
    }
  }
  return ctx.tx.memberships.updateMany(moved);
}

/**
 * The cascade of DESIGN rule 10 when a person leaves (deactivation, removal,
 * deletion): their reports move, then the host's resource handlers run, in
 * the command's transaction. Group clearing is done by the caller, which
 * writes the memberships anyway.
 * @internal
 */
export async function runDeparture(
  ctx: CommandContext,
  input: {
    readonly orgId: string;
    readonly accountId: string;
    readonly reason: DepartureReason;
    /** The space left, or null for every space. */
    readonly spaceId: string | null;
    readonly reports: readonly Membership[];
    readonly reassignment: ReportReassignment | undefined;
    readonly reassignResourcesTo: string | null;
  },
): Promise<void> {
  await moveReports(ctx, {
    orgId: input.orgId,
    managerId: input.accountId,
    reports: input.reports,
    reassignment: input.reassignment,
  });
  if (input.reassignResourcesTo !== null) {
    if (input.reassignResourcesTo === input.accountId) {
      throw new RosterError(
        'INVALID_INPUT',
        'Resources cannot be handed to the person who is leaving.',
        {
          issues: [{ path: ['reassignResourcesTo'], message: 'Must be another account' }],
        },
      );
    }
    await checkActive(ctx, input.orgId, [input.reassignResourcesTo], 'reassignResourcesTo');
  }
  // Not in a bulk dry run: it is rolled back anyway, and the handlers' hooks
  // are for people who really leave.
  if (ctx.dryRun === true) return;
  for (const handler of ctx.deps.resourceHandlers) {
    await handler.onDeparture(
      {
        orgId: input.orgId,
        accountId: input.accountId,
        reason: input.reason,
        spaceId: input.spaceId,
        reassignTo: input.reassignResourcesTo,
      },
      ctx.tx,
    );
  }
}

async function checkActive(
  ctx: CommandContext,
  orgId: string,
  ids: readonly string[],
  path: string,
): Promise<Account[]> {
  if (ids.length === 0) return [];
  const accounts = await ctx.tx.accounts.getMany(orgId, ids);
  for (const id of ids) {
    const account = accounts.find((candidate) => candidate.id === id);
    if (account === undefined || account.status === 'deleted') throw notFound('Account', id);
    if (account.status !== 'active') {
      throw new RosterError(
        'INVALID_INPUT',
        `Cannot hand over to ${id}: that account is ${account.status}.`,
        {
          issues: [{ path: [path], message: `Account ${id} is ${account.status}, not active` }],
        },
      );
    }
  }
  return accounts;
}
