import { accountMachine } from '../../machines/account-machine.js';
import { transition } from '../../machines/machine.js';
import type { Account } from '../../model/account.js';
import { checkSelfAction } from '../../rules/self-action.js';
import {
  accountSubject,
  audit,
  authorize,
  type CommandContext,
  enqueue,
  getAccountOrThrow,
  refuseSelfOrOwner,
  requireActor,
} from '../command-context.js';
import { runDeparture } from '../departure.js';
import { AccountRef, DeactivateInput } from '../inputs.js';

/** @internal */
export async function deactivate(ctx: CommandContext, raw: unknown): Promise<Account> {
  const input = DeactivateInput.parse(raw);
  const actor = requireActor(ctx);
  const orgId = actor.organization.id;
  const account = await getAccountOrThrow(ctx, orgId, input.accountId);
  const memberships = await ctx.tx.memberships.listByAccounts(orgId, [account.id]);
  const ownerId = actor.organization.ownerId;
  refuseSelfOrOwner(ctx, account.id, 'deactivate');
  await authorize(ctx, 'deactivate', accountSubject(account, memberships));
  const reports = await ctx.tx.memberships.listReports(orgId, account.id);
  const result = transition(accountMachine, account.status, 'deactivate', {
    accountId: account.id,
    ownerId,
    person: account,
    requiredProfileFields: ctx.deps.requiredProfileFields,
    directReportIds: [...new Set(reports.map((report) => report.accountId))],
    reassignment: input.reassignReports,
  });
  if (!result.ok) throw result.error;
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
  for (const membership of memberships) {
    if (membership.groupIds.length > 0)
      await ctx.tx.memberships.update({ ...membership, groupIds: [] });
  }
  const updated = await ctx.tx.accounts.update({
    ...account,
    status: result.state,
    updatedAt: ctx.now,
  });
  await enqueue(ctx, orgId, 'sessions.revoke', { accountId: account.id });
  await audit(ctx, orgId, 'deactivate', { type: 'Account', id: account.id }, account, updated);
  return updated;
}

/** @internal */
export async function reactivate(ctx: CommandContext, raw: unknown): Promise<Account> {
  const input = AccountRef.parse(raw);
  const actor = requireActor(ctx);
  const orgId = actor.organization.id;
  const account = await getAccountOrThrow(ctx, orgId, input.accountId);
  const memberships = await ctx.tx.memberships.listByAccounts(orgId, [account.id]);
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
  // Same account and credentials; groups are not restored (an admin assigns them again).
  const updated = await ctx.tx.accounts.update({
    ...account,
    status: result.state,
    updatedAt: ctx.now,
  });
  await audit(ctx, orgId, 'reactivate', { type: 'Account', id: account.id }, account, updated);
  return updated;
}
