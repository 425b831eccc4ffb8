import { RosterError } from '../../errors/roster-error.js';
import type { AccountEffect, AccountEvent } from '../../machines/account-machine.js';
import type { Account } from '../../model/account.js';
import type { Group } from '../../model/group.js';
import type { Membership } from '../../model/membership.js';
import type { Space } from '../../model/space.js';
import type { ActorContext } from '../command-context.js';
import { planDeactivation, planReactivation } from '../commands/lifecycle.js';
import {
  planAssignGroups,
  planSetManager,
  planSetRestrictions,
  requireMember,
} from '../commands/membership-settings.js';
import { planChangeRole } from '../commands/team.js';
import { checkRoleGrantable, refuseSelf, refuseSelfOrOwner } from '../protections.js';
import { roleCanManageTeam } from '../roster-options.js';
import type { BulkUpdateRow } from './bulk-rows.js';
import { resolveGroups, resolveSpace, sameSet } from './resolve.js';
import { at } from './row-failure.js';

/** What the batch knows: the accounts named and their memberships, kept current as rows are written. @internal */
export interface BatchState {
  readonly spaces: readonly Space[];
  readonly groups: readonly Group[];
  readonly byEmail: Map<string, Account>;
  readonly memberships: Map<string, Membership[]>;
  /**
   * The current reports of every account a row deactivates, read at once,
   * by membership id: kept up to date as rows are written, so a row that
   * gives someone a manager is seen by a later row deactivating that manager.
   */
  readonly reports: Map<string, Membership>;
}

/** The direct reports of `managerId` as the batch stands. @internal */
export function reportsIn(state: BatchState, managerId: string): Membership[] {
  return [...state.reports.values()].filter(
    (membership) => membership.managerId === managerId && membership.state === 'member',
  );
}

/** A change of status the row asks, accepted by the account machine. @internal */
export interface StatusChange {
  readonly event: Extract<AccountEvent, 'deactivate' | 'reactivate'>;
  /** The account with its new status. */
  readonly account: Account;
  readonly effects: readonly AccountEffect[];
  /** The direct reports of a deactivated person: none, or the machine would have refused. */
  readonly reports: readonly Membership[];
}

/** The writes of one row, every check passed. @internal */
export interface RowPlan {
  readonly account: Account;
  /** Every membership of the account before the row. */
  readonly before: readonly Membership[];
  /** The same, with the row's membership changes (drafts: the status change's effects come on top). */
  readonly after: readonly Membership[];
  readonly status: StatusChange | undefined;
}

/** What a row asks that differs from now: an unchanged field is no change, and needs no right. */
interface RowChanges {
  readonly reactivates: boolean;
  readonly deactivates: boolean;
  readonly role: string | undefined;
  readonly groupIds: readonly string[] | undefined;
  readonly managerId: string | null | undefined;
  /** The new manager's account, when the row names one. */
  readonly manager: Account | undefined;
  readonly restrictions: readonly string[] | undefined;
}

/** The row's account, the space it names and the account's membership of it. */
async function rowTarget(
  ctx: ActorContext,
  data: BulkUpdateRow,
  state: BatchState,
): Promise<{ account: Account; space: Space; memberships: Membership[] }> {
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
    resolveSpace(state.spaces, data.space, ctx.actor.organization.defaultSpaceId),
  );
  return { account, space, memberships };
}

async function rowChanges(
  data: BulkUpdateRow,
  state: BatchState,
  account: Account,
  space: Space,
  membership: Membership | undefined,
): Promise<RowChanges> {
  const groupIds =
    data.groups === undefined
      ? undefined
      : await at('groups', () => resolveGroups(state.groups, data.groups ?? [], space));
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
  return {
    reactivates: data.deactivated === false && account.status === 'deactivated',
    deactivates: data.deactivated === true && account.status !== 'deactivated',
    role: data.role !== undefined && data.role !== membership?.role ? data.role : undefined,
    groupIds:
      groupIds !== undefined && !sameSet(groupIds, membership?.groupIds ?? [])
        ? groupIds
        : undefined,
    managerId:
      managerId !== undefined && managerId !== (membership?.managerId ?? null)
        ? managerId
        : undefined,
    manager,
    restrictions:
      data.restrictions !== undefined && !sameSet(data.restrictions, membership?.restrictions ?? [])
        ? data.restrictions
        : undefined,
  };
}

function changesMembership(changes: RowChanges): boolean {
  return (
    changes.role !== undefined ||
    changes.groupIds !== undefined ||
    changes.managerId !== undefined ||
    changes.restrictions !== undefined
  );
}

/**
 * The membership changes of a row, each checked as its single command checks
 * it (`changeRole`, `assignGroups`, `setManager`, `setRestrictions`), in that
 * order, on the current membership of the space.
 */
async function planMembership(
  ctx: ActorContext,
  input: {
    readonly account: Account;
    readonly memberships: readonly Membership[];
    readonly membership: Membership | undefined;
    readonly changes: RowChanges;
    /** The account's status once the row is written. */
    readonly finalStatus: Account['status'];
    readonly state: BatchState;
    readonly spaceId: string;
  },
): Promise<Membership | undefined> {
  const { account, memberships, changes, spaceId } = input;
  const { role, groupIds, managerId, restrictions } = changes;
  const first = role !== undefined ? 'changeRole' : groupIds ? 'assignGroups' : 'setManager';
  await at('space', () => requireMember(input.membership, first));
  let draft = input.membership as Membership;
  if (role !== undefined) {
    await at('role', () => {
      checkRoleGrantable(ctx, role, ['role']);
      refuseSelfOrOwner(ctx, account.id, 'changeRole', spaceId);
    });
    const current = draft;
    draft = await at('role', () => planChangeRole(ctx, current, memberships, role));
  }
  if (groupIds !== undefined) {
    if (input.finalStatus === 'deactivated' && groupIds.length > 0) {
      await at('groups', () => {
        throw new RosterError(
          'INVALID_INPUT',
          'A deactivated account belongs to no group; reactivate it (deactivated: false) to assign groups.',
          { issues: [{ path: ['groups'], message: 'Must be empty for a deactivated account' }] },
        );
      });
    }
    await at('groups', () => refuseSelfOrOwner(ctx, account.id, 'assignGroups', spaceId));
    const current = draft;
    draft = await at('groups', () =>
      planAssignGroups(ctx, current, memberships, groupIds, input.state.groups),
    );
  }
  if (managerId !== undefined) {
    const { manager } = changes;
    const managerMembership =
      manager === undefined
        ? undefined
        : input.state.memberships.get(manager.id)?.find((m) => m.spaceId === spaceId);
    await at('manager', () =>
      managerId === null
        ? refuseSelf(ctx, account.id, 'setManager', spaceId)
        : refuseSelfOrOwner(ctx, account.id, 'setManager', spaceId),
    );
    const current = draft;
    draft = await at('manager', () =>
      planSetManager(ctx, current, memberships, managerId, {
        account: manager,
        membership: managerMembership,
      }),
    );
  }
  if (restrictions !== undefined) {
    await at('restrictions', () => refuseSelfOrOwner(ctx, account.id, 'setRestrictions', spaceId));
    const current = draft;
    draft = await at('restrictions', () =>
      planSetRestrictions(ctx, current, memberships, restrictions),
    );
  }
  return draft;
}

/** DESIGN §4 rule 8: a bulk update never deactivates someone who can manage the team. */
function refuseTeamManager(ctx: ActorContext, account: Account, roles: readonly string[]): void {
  const role = roles.find((held) => roleCanManageTeam(ctx.deps.roles, held));
  if (role === undefined) return;
  const who = `${account.firstName} ${account.lastName}`.trim() || account.email;
  throw new RosterError(
    'BULK_DEACTIVATION_REFUSED',
    `${who} holds the role "${role}", which can manage the team, so a bulk update does not deactivate them. Deactivate them one by one, after reassigning their direct reports.`,
    { accountId: account.id, role },
  );
}

/** A row's deactivation, checked as `deactivate` checks it, plus rule 8 on the roles held before and after the row. */
async function planRowDeactivation(
  ctx: ActorContext,
  account: Account,
  before: readonly Membership[],
  after: readonly Membership[],
  batch: BatchState,
): Promise<StatusChange> {
  await at('deactivated', () => refuseSelf(ctx, account.id, 'deactivate'));
  const reports = reportsIn(batch, account.id);
  const held = [...before, ...after]
    .filter((membership) => membership.state === 'member')
    .map((membership) => membership.role);
  const { state, effects } = await at('deactivated', () =>
    planDeactivation(ctx, {
      account,
      memberships: before,
      reports,
      reassignment: undefined,
      also: () => refuseTeamManager(ctx, account, [...new Set(held)]),
    }),
  );
  return {
    event: 'deactivate',
    account: { ...account, status: state, updatedAt: ctx.now },
    effects,
    reports,
  };
}

/**
 * The checks of one row, in the order the single commands would run them:
 * reactivation, the membership changes, deactivation. Nothing is written.
 * @internal
 */
export async function planUpdateRow(
  ctx: ActorContext,
  data: BulkUpdateRow,
  state: BatchState,
): Promise<RowPlan | { readonly unchanged: Account }> {
  const { account, space, memberships } = await rowTarget(ctx, data, state);
  const membership = memberships.find((candidate) => candidate.spaceId === space.id);
  const changes = await rowChanges(data, state, account, space, membership);
  if (!changes.reactivates && !changes.deactivates && !changesMembership(changes)) {
    return { unchanged: account };
  }
  let status: StatusChange | undefined;
  if (changes.reactivates) {
    const { state: next, effects } = await at('deactivated', () =>
      planReactivation(ctx, account, memberships),
    );
    const reactivated = { ...account, status: next, updatedAt: ctx.now };
    status = { event: 'reactivate', account: reactivated, effects, reports: [] };
  }
  const draft = changesMembership(changes)
    ? await planMembership(ctx, {
        account,
        memberships,
        membership,
        changes,
        finalStatus:
          status?.account.status ?? (changes.deactivates ? 'deactivated' : account.status),
        state,
        spaceId: space.id,
      })
    : undefined;
  const after = memberships.map((candidate) =>
    draft !== undefined && candidate.id === draft.id ? draft : candidate,
  );
  if (changes.deactivates)
    status = await planRowDeactivation(ctx, account, memberships, after, state);
  return { account, before: memberships, after, status };
}
