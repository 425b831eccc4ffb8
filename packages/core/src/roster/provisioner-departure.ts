import type { Membership } from '../model/membership.js';
import type { OutboxMessage } from '../model/outbox-message.js';
import { isProvisionerActor } from '../ports/policy.js';
import { auditEventOf } from './audit.js';
import type { ActorContext, CommandContext } from './command-context.js';
import { requireActor } from './command-context.js';
import { outboxMessageOf } from './outbox.js';

// An identity provider deprovisions people whatever the state of the org
// chart or of their profiles: it cannot answer "reassign the reports first"
// or "fill in the phone first", and refusing would leave a person who left
// the company able to sign in. So for a provisioner, rule 7 clears the
// reports' manager (audited, and an outbox message so admins reassign them)
// and rule 9 does not block (DESIGN §8, SCIM 2.0).

/**
 * The profile fields that must be filled before (de)activation (rule 9):
 * none when a provisioning connection acts.
 * @internal
 */
export function requiredFieldsFor(ctx: ActorContext): readonly string[] {
  return isProvisionerActor(ctx.actor) ? [] : ctx.deps.requiredProfileFields;
}

/**
 * The direct reports the machine's rule 7 guard checks: none when a
 * provisioning connection acts (they are cleared instead, see
 * {@link clearReportsManager}).
 * @internal
 */
export function reportsToReassign(ctx: ActorContext, reports: readonly Membership[]): string[] {
  return isProvisionerActor(ctx.actor) ? [] : [...new Set(reports.map((r) => r.accountId))];
}

/**
 * Clears the manager of a departing manager's reports that no reassignment
 * covers, when a provisioning connection acts: one batched write, an audit
 * event per report (`setManager`, to nobody), and one `reports.unassigned`
 * message telling the host which reports need a new manager, returned for
 * the command's outbox.
 * @internal
 */
export async function clearReportsManager(
  ctx: CommandContext,
  orgId: string,
  managerId: string,
  reports: readonly Membership[],
): Promise<OutboxMessage> {
  const actor = requireActor(ctx);
  if (!isProvisionerActor(actor)) {
    throw new TypeError('Only a provisioning connection leaves reports without a manager');
  }
  const saved = await ctx.tx.memberships.updateMany(
    reports.map((report) => ({ ...report, managerId: null })),
  );
  await ctx.tx.auditEvents.appendMany(
    reports.map((report, index) =>
      auditEventOf(
        ctx,
        orgId,
        'setManager',
        { type: 'Membership', id: report.id },
        report,
        saved[index],
      ),
    ),
  );
  return outboxMessageOf(ctx, orgId, 'reports.unassigned', {
    managerId,
    reportIds: [...new Set(reports.map((report) => report.accountId))],
    spaceIds: [...new Set(reports.map((report) => report.spaceId))],
    connectionId: actor.connection.id,
  });
}
