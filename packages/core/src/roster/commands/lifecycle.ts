import { type AccountEffect, accountMachine } from '../../machines/account-machine.js';
import { transition } from '../../machines/machine.js';
import type { Account, AccountStatus } from '../../model/account.js';
import type { Membership } from '../../model/membership.js';
import type { ReportReassignment } from '../../rules/direct-reports.js';
import { audit } from '../audit.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { accountScope, saveMemberships } from '../effects/effect-scope.js';
import { runEffects } from '../effects/run-effects.js';
import { settleTransition } from '../effects/settle-transition.js';
import { checkExpectedVersion } from '../expected-version.js';
import { DeactivateInput, ReactivateInput } from '../inputs.js';
import { getAccountWithMemberships } from '../not-found.js';
import { appendMessages } from '../outbox.js';
import { accountSubject } from '../policy-subjects.js';
import { refuseSelf } from '../protections.js';
import { reportsToReassign, requiredFieldsFor } from '../provisioner-departure.js';
import { takeSeat } from '../seats.js';

/** A transition of the account machine that the command may go on with. @internal */
export interface AccountDecision {
  readonly state: AccountStatus;
  readonly effects: readonly AccountEffect[];
}

/**
 * The checks of a deactivation after nobody's-own-access (rule 3): the
 * account machine, whose `notOwner` refusal comes first, then the Policy,
 * then the machine's other refusals (status, direct reports and their
 * reassignment, profile completeness).
 * @internal
 */
export async function planDeactivation(
  ctx: ActorContext,
  input: {
    readonly account: Account;
    readonly memberships: readonly Membership[];
    readonly reports: readonly Membership[];
    readonly reassignment: ReportReassignment | undefined;
    /** A further refusal between the Policy and the machine (bulk updates: rule 8). */
    readonly also?: () => void;
  },
): Promise<AccountDecision> {
  const { account } = input;
  const result = transition(accountMachine, account.status, 'deactivate', {
    accountId: account.id,
    ownerId: ctx.actor.organization.ownerId,
    person: account,
    requiredProfileFields: requiredFieldsFor(ctx),
    directReportIds: reportsToReassign(ctx, input.reports),
    reassignment: input.reassignment,
  });
  return settleTransition(result, async () => {
    await authorize(ctx, 'deactivate', accountSubject(account, input.memberships));
    input.also?.();
  });
}

/** @internal */
export async function deactivate(ctx: ActorContext, raw: unknown): Promise<Account> {
  const input = DeactivateInput.parse(raw);
  const orgId = ctx.actor.organization.id;
  const { account, memberships } = await getAccountWithMemberships(ctx, orgId, input.accountId);
  checkExpectedVersion('Account', account, input.version);
  refuseSelf(ctx, account.id, 'deactivate');
  const reports = await ctx.tx.memberships.listReports(orgId, account.id);
  const reassignment = input.reassignReports;
  const { state, effects } = await planDeactivation(ctx, {
    account,
    memberships,
    reports,
    reassignment,
  });
  const { target, messages } = await runEffects(
    accountScope(ctx, 'deactivate', {
      account: { ...account, status: state, updatedAt: ctx.now },
      memberships,
      departure: {
        spaceId: null,
        reports,
        reassignment,
        reassignResourcesTo: input.reassignResourcesTo,
      },
    }),
    effects,
  );
  await saveMemberships(ctx, memberships, target.memberships);
  const updated = await ctx.tx.accounts.update(target.account);
  await appendMessages(ctx, messages);
  await audit(ctx, orgId, 'deactivate', { type: 'Account', id: account.id }, account, updated);
  return updated;
}

/**
 * The checks of a reactivation: not oneself, the Policy, then the account
 * machine (status, profile completeness).
 * @internal
 */
export async function planReactivation(
  ctx: ActorContext,
  account: Account,
  memberships: readonly Membership[],
): Promise<AccountDecision> {
  refuseSelf(ctx, account.id, 'reactivate');
  const result = transition(accountMachine, account.status, 'reactivate', {
    accountId: account.id,
    ownerId: ctx.actor.organization.ownerId,
    person: account,
    requiredProfileFields: requiredFieldsFor(ctx),
  });
  return settleTransition(result, () =>
    authorize(ctx, 'reactivate', accountSubject(account, memberships)),
  );
}

/** @internal */
export async function reactivate(ctx: ActorContext, raw: unknown): Promise<Account> {
  const input = ReactivateInput.parse(raw);
  const orgId = ctx.actor.organization.id;
  const { account, memberships } = await getAccountWithMemberships(ctx, orgId, input.accountId);
  checkExpectedVersion('Account', account, input.version);
  const { state, effects } = await planReactivation(ctx, account, memberships);
  // Back as a member of a space, the person takes a seat again.
  if (memberships.some((membership) => membership.state === 'member')) {
    await takeSeat(ctx, ctx.actor.organization, 'member');
  }
  // Same account and credentials; groups are not restored (an admin assigns them again).
  const { target, messages } = await runEffects(
    accountScope(ctx, 'reactivate', {
      account: { ...account, status: state, updatedAt: ctx.now },
      memberships,
    }),
    effects,
  );
  await saveMemberships(ctx, memberships, target.memberships);
  const updated = await ctx.tx.accounts.update(target.account);
  await appendMessages(ctx, messages);
  await audit(ctx, orgId, 'reactivate', { type: 'Account', id: account.id }, account, updated);
  return updated;
}
