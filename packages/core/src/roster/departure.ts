import { RosterError } from '../errors/roster-error.js';
import type { Account } from '../model/account.js';
import type { Membership } from '../model/membership.js';
import type { ReportMove } from '../rules/direct-reports.js';
import type { CommandContext } from './command-context.js';
import { canManageIn } from './manager.js';
import { notFound } from './not-found.js';
import type { Departure } from './roster-options.js';

/**
 * Moves direct reports to their new managers (DESIGN rule 7), as `moves`
 * says: every new manager must be an active account of the organization and
 * a member of the report's space. Whether `moves` covers every report is the
 * caller's check (the `reportsReassigned` guard, or {@link planReassignment}).
 * Returns the updated memberships, written in one batch.
 * @internal
 */
export async function moveReports(
  ctx: CommandContext,
  input: {
    readonly orgId: string;
    readonly reports: readonly Membership[];
    readonly moves: readonly ReportMove[];
  },
): Promise<Membership[]> {
  if (input.reports.length === 0) return [];
  const managerIds = [...new Set(input.moves.map((move) => move.managerId))];
  const managers = await checkActive(ctx, input.orgId, managerIds, 'reassignReports');
  // Rule 7 again: a report moves only to someone who can manage in its space.
  const managerships =
    managerIds.length === 0 ? [] : await ctx.tx.memberships.listByAccounts(input.orgId, managerIds);
  // One batched write, so a manager with many reports costs no more round trips.
  const managerOf = new Map(input.moves.map((move) => [move.reportId, move.managerId]));
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
 * The host's part of DESIGN rule 10 when a person leaves (deactivation,
 * removal, deletion): whoever takes over their resources must be another,
 * active account; then each resource handler runs, in the command's
 * transaction.
 * @internal
 */
export async function runResourceHandlers(
  ctx: CommandContext,
  departure: Departure,
): Promise<void> {
  const { reassignTo } = departure;
  if (reassignTo !== null) {
    if (reassignTo === departure.accountId) {
      throw new RosterError(
        'INVALID_INPUT',
        'Resources cannot be handed to the person who is leaving.',
        {
          issues: [{ path: ['reassignResourcesTo'], message: 'Must be another account' }],
        },
      );
    }
    await checkActive(ctx, departure.orgId, [reassignTo], 'reassignResourcesTo');
  }
  // Not in a bulk dry run: it is rolled back anyway, and the handlers' hooks
  // are for people who really leave.
  if (ctx.dryRun === true) return;
  for (const handler of ctx.deps.resourceHandlers) await handler.onDeparture(departure, ctx.tx);
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
