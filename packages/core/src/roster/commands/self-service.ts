import { accountMachine } from '../../machines/account-machine.js';
import { transition } from '../../machines/machine.js';
import type { Account } from '../../model/account.js';
import { requireAccountActor } from '../account-actor.js';
import { audit } from '../audit.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { accountScope } from '../effects/effect-scope.js';
import { runEffects } from '../effects/run-effects.js';
import { settleTransition } from '../effects/settle-transition.js';
import { AccountRef, DeleteOwnAccountInput } from '../inputs.js';
import { getAccountOrThrow } from '../not-found.js';
import { appendMessages, enqueue } from '../outbox.js';
import { accountSubject } from '../policy-subjects.js';

// Presence is written at most once a minute per account: enough for
// online/away/offline, and a busy product does not write on every request.
const activityThrottleMs = 60_000;

/** @internal */
export async function requestPasswordReset(ctx: ActorContext, raw: unknown): Promise<void> {
  const input = AccountRef.parse(raw);
  const orgId = ctx.actor.organization.id;
  const account = await getAccountOrThrow(ctx, orgId, input.accountId);
  const memberships = await ctx.tx.memberships.listByAccounts(orgId, [account.id]);
  await authorize(ctx, 'requestPasswordReset', accountSubject(account, memberships));
  await enqueue(ctx, orgId, 'password.reset', { accountId: account.id, email: account.email });
  await audit(ctx, orgId, 'requestPasswordReset', { type: 'Account', id: account.id }, null, null);
}

/** @internal */
export async function deleteOwnAccount(ctx: ActorContext, raw: unknown): Promise<void> {
  const input = DeleteOwnAccountInput.parse(raw);
  const actor = requireAccountActor(ctx, 'deleteOwnAccount');
  const { account, organization } = actor;
  const orgId = organization.id;
  const reports = await ctx.tx.memberships.listReports(orgId, account.id);
  const result = transition(accountMachine, account.status, 'deleteOwnAccount', {
    accountId: account.id,
    ownerId: organization.ownerId,
    directReportIds: [...new Set(reports.map((report) => report.accountId))],
    reassignment: input.reassignReports,
  });
  const { effects } = await settleTransition(result, () =>
    authorize(ctx, 'deleteOwnAccount', accountSubject(account, actor.memberships)),
  );
  const { messages } = await runEffects(
    accountScope(ctx, 'deleteOwnAccount', {
      account,
      memberships: actor.memberships,
      departure: {
        spaceId: null,
        reports,
        reassignment: input.reassignReports,
        reassignResourcesTo: input.reassignResourcesTo,
      },
    }),
    effects,
  );
  await appendMessages(ctx, messages);
  // The account's id stays in the trail as a pseudonym, with its
  // memberships' ids (its history finds their events by them); no personal
  // data is written.
  await audit(
    ctx,
    orgId,
    'deleteOwnAccount',
    { type: 'Account', id: account.id },
    { id: account.id, membershipIds: actor.memberships.map((membership) => membership.id) },
    null,
  );
}

/** @internal */
export async function recordActivity(ctx: ActorContext): Promise<Account> {
  const { account } = requireAccountActor(ctx, 'recordActivity');
  const last = account.lastSeenAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (ctx.now.getTime() - last < activityThrottleMs) return account;
  await ctx.tx.accounts.setLastSeen(account.orgId, account.id, ctx.now);
  return { ...account, lastSeenAt: ctx.now };
}
