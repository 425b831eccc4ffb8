import { RosterError } from '../errors/roster-error.js';
import type { Membership } from '../model/membership.js';
import { planReassignment, type ReportReassignment } from '../rules/direct-reports.js';
import { type CommandContext, notFound } from './command-context.js';
import type { DepartureReason } from './roster-options.js';

/** What a departure cascade needs to know. @internal */
export interface DepartureInput {
  readonly orgId: string;
  readonly accountId: string;
  readonly reason: DepartureReason;
  /** The space left, or null for every space. */
  readonly spaceId: string | null;
  /** The direct reports (memberships) that must move, already loaded. */
  readonly reports: readonly Membership[];
  readonly reassignment: ReportReassignment | undefined;
  readonly reassignResourcesTo: string | null;
}

/**
 * The cascade of DESIGN rule 10, run inside the command's transaction after the
 * machine allowed the transition: reports move to their new managers (who must be
 * active accounts of the organization), and the host's resource handlers run.
 * Group clearing is done by the caller, which writes the memberships anyway.
 * @internal
 */
export async function runDeparture(ctx: CommandContext, input: DepartureInput): Promise<void> {
  const plan = planReassignment({
    managerId: input.accountId,
    directReportIds: input.reports.map((report) => report.accountId),
    reassignment: input.reassignment,
  });
  if (!plan.ok) throw plan.error;
  const newManagerIds = [...new Set(plan.moves.map((move) => move.managerId))];
  if (input.reassignResourcesTo !== null) newManagerIds.push(input.reassignResourcesTo);
  const successors = await ctx.tx.accounts.getMany(input.orgId, newManagerIds);
  for (const id of newManagerIds) {
    const successor = successors.find((account) => account.id === id);
    if (successor === undefined || successor.status === 'deleted') throw notFound('Account', id);
    if (successor.status !== 'active') {
      throw new RosterError(
        'INVALID_INPUT',
        `Cannot hand over to ${id}: that account is ${successor.status}.`,
        {
          issues: [
            {
              path: ['reassignReports'],
              message: `Account ${id} is ${successor.status}, not active`,
            },
          ],
        },
      );
    }
  }
  for (const move of plan.moves) {
    const report = input.reports.find((membership) => membership.accountId === move.reportId);
    if (report !== undefined)
      await ctx.tx.memberships.update({ ...report, managerId: move.managerId });
  }
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
