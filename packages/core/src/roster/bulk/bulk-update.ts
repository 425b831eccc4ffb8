import { RosterError } from '../../errors/roster-error.js';
import type { Account } from '../../model/account.js';
import type { AuditEvent } from '../../model/audit-event.js';
import type { Group } from '../../model/group.js';
import type { Membership } from '../../model/membership.js';
import type { OutboxMessage } from '../../model/outbox-message.js';
import type { Space } from '../../model/space.js';
import { auditEventOf } from '../audit.js';
import { type CommandContext, requireActor } from '../command-context.js';
import { planDeactivation, planReactivation } from '../commands/lifecycle.js';
import {
  planAssignGroups,
  planSetManager,
  planSetRestrictions,
  requireMember,
} from '../commands/membership-settings.js';
import { planChangeRole } from '../commands/team.js';
import { runDeparture } from '../departure.js';
import { outboxMessageOf } from '../outbox.js';
import { checkRoleGrantable, refuseSelf, refuseSelfOrOwner } from '../protections.js';
import { roleCanManageTeam } from '../roster-options.js';
import type { BulkRowReport } from './bulk-report.js';
import { BulkUpdateRow } from './bulk-rows.js';
import { loadBatchNames, resolveGroups, resolveSpace, sameSet } from './resolve.js';
import { at, type BulkCommand, reportFailure, rowReport } from './run-bulk.js';

/** What the batch knows: the accounts named and their memberships, kept current as rows are written. */
interface BatchState {
  readonly spaces: readonly Space[];
  readonly groups: readonly Group[];
  readonly byEmail: Map<string, Account>;
  readonly memberships: Map<string, Membership[]>;
}

/** The writes of one row, every check passed. */
interface RowPlan {
  readonly account: Account;
  /** The account with its new status, when it is deactivated or reactivated. */
  readonly nextAccount: Account | undefined;
  /** Every membership of the account before, and the ones that change. */
  readonly before: readonly Membership[];
  readonly changed: readonly Membership[];
  readonly deactivates: boolean;
}

/** DESIGN §4 rule 8: a bulk update never deactivates someone who can manage the team. */
function refuseTeamManager(ctx: CommandContext, account: Account, roles: readonly string[]): void {
  const role = roles.find((held) => roleCanManageTeam(ctx.deps.roles, held));
  if (role === undefined) return;
  const who = `${account.firstName} ${account.lastName}`.trim() || account.email;
  throw new RosterError(
    'BULK_DEACTIVATION_REFUSED',
    `${who} holds the role "${role}", which can manage the team, so a bulk update does not deactivate them. Deactivate them one by one, after reassigning their direct reports.`,
    { accountId: account.id, role },
  );
}

/** The checks of one row, in the order the single commands would run them; nothing is written. */
async function planRow(
  ctx: CommandContext,
  data: BulkUpdateRow,
  state: BatchState,
): Promise<RowPlan | { readonly unchanged: Account }> {
  const actor = requireActor(ctx);
  const orgId = actor.organization.id;
  const found = state.byEmail.get(data.email);
  const account = await at('email', () => {
    if (found === undefined || found.status === 'deleted') {
      throw new RosterError(
        'NOT_FOUND',
        `No account has the email ${data.email} in this organization.`,
        { subject: 'Account', id: data.email },
      );
    }
    return found;
  });
  const memberships = state.memberships.get(account.id) ?? [];
  const space = await at('space', () =>
    resolveSpace(state.spaces, data.space, actor.organization.defaultSpaceId),
  );
  const membership = memberships.find((candidate) => candidate.spaceId === space.id);

  // What the row asks that differs from now: an unchanged field is no change, and needs no right.
  const reactivates = data.deactivated === false && account.status === 'deactivated';
  const deactivates = data.deactivated === true && account.status !== 'deactivated';
  const role = data.role !== undefined && data.role !== membership?.role ? data.role : undefined;
  const groupIds =
    data.groups === undefined
      ? undefined
      : await at('groups', () => resolveGroups(state.groups, data.groups ?? [], space));
  const groupsChange =
    groupIds !== undefined && !sameSet(groupIds, membership?.groupIds ?? []) ? groupIds : undefined;
  const manager =
    data.manager === undefined || data.manager === null
      ? undefined
      : state.byEmail.get(data.manager);
  if (data.manager !== undefined && data.manager !== null && manager === undefined) {
    const email = data.manager;
    await at('manager', () => {
      throw new RosterError(
        'NOT_FOUND',
        `The manager ${email} has no account in this organization.`,
        { subject: 'Account', id: email },
      );
    });
  }
  const managerId = data.manager === undefined ? undefined : (manager?.id ?? null);
  const managerChange =
    managerId !== undefined && managerId !== (membership?.managerId ?? null)
      ? managerId
      : undefined;
  const restrictions =
    data.restrictions !== undefined && !sameSet(data.restrictions, membership?.restrictions ?? [])
      ? data.restrictions
      : undefined;
  const membershipChanges =
    role !== undefined ||
    groupsChange !== undefined ||
    managerChange !== undefined ||
    restrictions !== undefined;
  if (!reactivates && !deactivates && !membershipChanges) return { unchanged: account };

  let nextAccount: Account | undefined;
  if (reactivates) {
    const status = await at('deactivated', () => planReactivation(ctx, account, memberships));
    nextAccount = { ...account, status, updatedAt: ctx.now };
  }
  const finalStatus = nextAccount?.status ?? (deactivates ? 'deactivated' : account.status);
  let draft = membership;
  if (membershipChanges) {
    const first = role !== undefined ? 'changeRole' : groupsChange ? 'assignGroups' : 'setManager';
    await at('space', () => requireMember(membership, first));
  }
  if (draft !== undefined && role !== undefined) {
    await at('role', () => {
      checkRoleGrantable(ctx, role, ['role']);
      refuseSelfOrOwner(ctx, account.id, 'changeRole', space.id);
    });
    const current = draft;
    draft = await at('role', () => planChangeRole(ctx, current, memberships, role));
  }
  if (draft !== undefined && groupsChange !== undefined) {
    if (finalStatus === 'deactivated' && groupsChange.length > 0) {
      await at('groups', () => {
        throw new RosterError(
          'INVALID_INPUT',
          'A deactivated account belongs to no group; reactivate it (deactivated: false) to assign groups.',
          { issues: [{ path: ['groups'], message: 'Must be empty for a deactivated account' }] },
        );
      });
    }
    await at('groups', () => refuseSelfOrOwner(ctx, account.id, 'assignGroups', space.id));
    const current = draft;
    draft = await at('groups', () =>
      planAssignGroups(ctx, current, memberships, groupsChange, state.groups),
    );
  }
  if (draft !== undefined && managerChange !== undefined) {
    const managerMembership =
      manager === undefined
        ? undefined
        : state.memberships.get(manager.id)?.find((candidate) => candidate.spaceId === space.id);
    await at('manager', () =>
      managerChange === null
        ? refuseSelf(ctx, account.id, 'setManager', space.id)
        : refuseSelfOrOwner(ctx, account.id, 'setManager', space.id),
    );
    const current = draft;
    draft = await at('manager', () =>
      planSetManager(ctx, current, memberships, managerChange, {
        account: manager,
        membership: managerMembership,
      }),
    );
  }
  if (draft !== undefined && restrictions !== undefined) {
    await at('restrictions', () => refuseSelfOrOwner(ctx, account.id, 'setRestrictions', space.id));
    const current = draft;
    draft = await at('restrictions', () =>
      planSetRestrictions(ctx, current, memberships, restrictions),
    );
  }

  let after = memberships.map((candidate) =>
    draft !== undefined && candidate.id === draft.id ? draft : candidate,
  );
  if (deactivates) {
    await at('deactivated', () => refuseSelfOrOwner(ctx, account.id, 'deactivate'));
    const reports = await ctx.tx.memberships.listReports(orgId, account.id);
    const roles = after
      .filter((candidate) => candidate.state === 'member')
      .map((candidate) => candidate.role);
    const held = memberships
      .filter((candidate) => candidate.state === 'member')
      .map((candidate) => candidate.role);
    const status = await at('deactivated', () =>
      planDeactivation(ctx, {
        account,
        memberships,
        reports,
        reassignment: undefined,
        also: () => refuseTeamManager(ctx, account, [...new Set([...held, ...roles])]),
      }),
    );
    nextAccount = { ...account, status, updatedAt: ctx.now };
    // Removed from every group (queue); membership, role and history stay.
    after = after.map((candidate) =>
      candidate.groupIds.length > 0 ? { ...candidate, groupIds: [] } : candidate,
    );
  }
  const changed = after.filter((candidate, index) => candidate !== memberships[index]);
  return { account, nextAccount, before: memberships, changed, deactivates };
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
      const actor = requireActor(ctx);
      const orgId = actor.organization.id;
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
      const state: BatchState = {
        spaces,
        groups,
        byEmail: new Map(accounts.map((account) => [account.email, account])),
        memberships,
      };

      const reports = new Map<number, BulkRowReport>();
      const events: AuditEvent[] = [];
      const messages: OutboxMessage[] = [];
      for (const row of rows) {
        let plan: Awaited<ReturnType<typeof planRow>>;
        try {
          plan = await planRow(ctx, row.data, state);
        } catch (error) {
          const known = state.byEmail.get(row.data.email);
          reports.set(row.index, reportFailure(row, error, known?.id ?? null));
          continue;
        }
        if ('unchanged' in plan) {
          reports.set(row.index, rowReport(row, 'unchanged', plan.unchanged.id));
          continue;
        }
        // Every check passed: the writes. A failure here is unexpected (a
        // concurrent writer): it fails the batch, which is then run row by row.
        const { account } = plan;
        if (plan.deactivates) {
          await runDeparture(ctx, {
            orgId,
            accountId: account.id,
            reason: 'deactivate',
            spaceId: null,
            reports: [],
            reassignment: undefined,
            reassignResourcesTo: null,
          });
        }
        const saved: Membership[] = [];
        for (const membership of plan.changed)
          saved.push(await ctx.tx.memberships.update(membership));
        const savedAccount =
          plan.nextAccount === undefined ? account : await ctx.tx.accounts.update(plan.nextAccount);
        if (plan.deactivates) {
          messages.push(outboxMessageOf(ctx, orgId, 'sessions.revoke', { accountId: account.id }));
        }
        const changedIds = new Set(saved.map((membership) => membership.id));
        events.push(
          auditEventOf(
            ctx,
            orgId,
            'bulkUpdate',
            { type: 'Account', id: account.id },
            {
              account,
              memberships: plan.before.filter((membership) => changedIds.has(membership.id)),
            },
            { account: savedAccount, memberships: saved },
          ),
        );
        state.byEmail.set(savedAccount.email, savedAccount);
        state.memberships.set(
          account.id,
          plan.before.map(
            (membership) => saved.find((next) => next.id === membership.id) ?? membership,
          ),
        );
        reports.set(row.index, rowReport(row, 'updated', account.id));
      }
      if (messages.length > 0) await ctx.tx.outbox.appendMany(messages);
      if (events.length > 0) await ctx.tx.auditEvents.appendMany(events);
      return { reports, invitations: [] };
    },
  };
}
