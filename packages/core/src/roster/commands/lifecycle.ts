import { accountMachine } from '../../machines/account-machine.js';
import { transition } from '../../machines/machine.js';
import type { Account, AccountStatus } from '../../model/account.js';
import type { Membership } from '../../model/membership.js';
import type { ReportReassignment } from '../../rules/direct-reports.js';
import { checkSelfAction } from '../../rules/self-action.js';
import { audit } from '../audit.js';
import { authorize } from '../authorize.js';
import { type CommandContext, requireActor } from '../command-context.js';
import { runDeparture } from '../departure.js';
import { AccountRef, DeactivateInput } from '../inputs.js';
import { getAccountOrThrow } from '../not-found.js';
import { enqueue } from '../outbox.js';
import { accountSubject } from '../policy-subjects.js';
import { refuseSelfOrOwner } from '../protections.js';

/**
 * The checks of a deactivation after the self / owner protections: the
 * Policy, then the account machine (status, direct reports and their
 * reassignment, profile completeness). Returns the new status.
 * @internal
 */
export async function planDeactivation(
  ctx: CommandContext,
  input: {
    readonly account: Account;
    readonly memberships: readonly Membership[];
    readonly reports: readonly Membership[];
    readonly reassignment: ReportReassignment | undefined;
    /** A further refusal between the Policy and the machine (bulk updates: rule 8). */
    readonly also?: () => void;
  },
): Promise<AccountStatus> {
  const { account } = input;
  await authorize(ctx, 'deactivate', accountSubject(account, input.memberships));
  input.also?.();
  const result = transition(accountMachine, account.status, 'deactivate', {
    accountId: account.id,
    ownerId: requireActor(ctx).organization.ownerId,
    person: account,
    requiredProfileFields: ctx.deps.requiredProfileFields,
    directReportIds: [...new Set(input.reports.map((report) => report.accountId))],
    reassignment: input.reassignment,
  });
  if (!result.ok) throw result.error;
  return result.state;
}

/** @internal */
export async function deactivate(ctx: CommandContext, raw: unknown): Promise<Account> {
  const input = DeactivateInput.parse(raw);
  const actor = requireActor(ctx);
  const orgId = actor.organization.id;
  const account = await getAccountOrThrow(ctx, orgId, input.accountId);
  const memberships = await ctx.tx.memberships.listByAccounts(orgId, [account.id]);
  refuseSelfOrOwner(ctx, account.id, 'deactivate');
  const reports = await ctx.tx.memberships.listReports(orgId, account.id);
  const status = await planDeactivation(ctx, {
    account,
    memberships,
    reports,
    reassignment: input.reassignReports,
  });
  await runDeparture(ctx, {
    orgId,
    accountId: account.id,
    reason: 'deactivate',
    spaceId: null,
    reports,
    reassignment: input.reassignReports,
    reassignResourcesTo: input.reassignResourcesTo,
  });
  // Removed from every group (queue); membership, role and history stay.
  await ctx.tx.memberships.updateMany(
    memberships.filter((m) => m.groupIds.length > 0).map((m) => ({ ...m, groupIds: [] })),
  );
  const updated = await ctx.tx.accounts.update({ ...account, status, updatedAt: ctx.now });
  await enqueue(ctx, orgId, 'sessions.revoke', { accountId: account.id });
  await audit(ctx, orgId, 'deactivate', { type: 'Account', id: account.id }, account, updated);
  return updated;
}

/**
 * The checks of a reactivation: not oneself, the Policy, then the account
 * machine (status, profile completeness). Returns the new status.
 * @internal
 */
export async function planReactivation(
  ctx: CommandContext,
  account: Account,
  memberships: readonly Membership[],
): Promise<AccountStatus> {
  const actor = requireActor(ctx);
  const refusal = checkSelfAction({
    actorId: actor.account.id,
    targetId: account.id,
    action: 'reactivate',
  });
  if (refusal !== undefined) throw refusal;
  await authorize(ctx, 'reactivate', accountSubject(account, memberships));
  const result = transition(accountMachine, account.status, 'reactivate', {
    accountId: account.id,
    ownerId: actor.organization.ownerId,
    person: account,
    requiredProfileFields: ctx.deps.requiredProfileFields,
  });
  if (!result.ok) throw result.error;
  return result.state;
}

/** @internal */
export async function reactivate(ctx: CommandContext, raw: unknown): Promise<Account> {
  const input = AccountRef.parse(raw);
  const orgId = requireActor(ctx).organization.id;
  const account = await getAccountOrThrow(ctx, orgId, input.accountId);
  const memberships = await ctx.tx.memberships.listByAccounts(orgId, [account.id]);
  const status = await planReactivation(ctx, account, memberships);
  // Same account and credentials; groups are not restored (an admin assigns them again).
  const updated = await ctx.tx.accounts.update({ ...account, status, updatedAt: ctx.now });
  await audit(ctx, orgId, 'reactivate', { type: 'Account', id: account.id }, account, updated);
  return updated;
}
