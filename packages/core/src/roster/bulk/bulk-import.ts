import { RosterError } from '../../errors/roster-error.js';
import type { Account } from '../../model/account.js';
import type { Membership } from '../../model/membership.js';
import type { Space } from '../../model/space.js';
import type { ActorContext } from '../command-context.js';
import {
  authorizeInvite,
  buildInvitationRows,
  type InvitationRowsInput,
  mayInvite,
} from '../commands/invitations.js';
import { type InvitationSecret, newInvitationSecrets } from '../invitation-token.js';
import { canManageIn } from '../manager.js';
import { checkProfileLimits } from '../profile-limits.js';
import { checkRoleGrantable } from '../protections.js';
import { seatRoom } from '../seats.js';
import type { BatchOutcome, BulkCommand, PreparedRow } from './bulk-command.js';
import type { BulkInvitation, BulkRowReport } from './bulk-report.js';
import { BulkImportRow } from './bulk-rows.js';
import { loadBatchNames, resolveGroups, resolveSpace } from './resolve.js';
import { at, RowFailure, reportFailure, rowReport } from './row-failure.js';

/**
 * The column of an invitation the Policy refused: `role` when the actor may
 * invite someone into the space with another role, `space` when they may
 * invite with this role into another space, else `null` (they may invite no
 * one: the row is not what to change). Asked only of refused rows; `asked`
 * keeps the batch's answers, so a file of refused rows asks each once.
 */
async function forbiddenColumn(
  ctx: ActorContext,
  asked: Map<string, Promise<boolean>>,
  spaces: readonly Space[],
  spaceId: string,
  role: string,
): Promise<'role' | 'space' | null> {
  const allowed = (into: string, as: string) => {
    const key = `${into}\u0000${as}`;
    let answer = asked.get(key);
    if (answer === undefined) {
      answer = mayInvite(ctx, into, as);
      asked.set(key, answer);
    }
    return answer;
  };
  for (const { name } of ctx.deps.roles.roles) {
    if (name !== role && (await allowed(spaceId, name))) return 'role';
  }
  for (const space of spaces) {
    if (space.id !== spaceId && (await allowed(space.id, role))) return 'space';
  }
  return null;
}

/**
 * What a batch of import rows does, in one transaction and a constant number
 * of Store calls whatever its size: read the spaces, the groups of the spaces
 * used, every account named (the rows' and the managers') and the managers'
 * memberships; check each row like `invite` does (role, Policy, placement,
 * DESIGN rule 12); then insert the new accounts and invitations, and append
 * their e-mails and audit events, all at once.
 * @internal
 */
export function bulkImportCommand(options: {
  readonly space?: string;
}): BulkCommand<BulkImportRow> {
  return {
    model: BulkImportRow,
    async process(ctx, rows) {
      const actor = ctx.actor;
      const orgId = actor.organization.id;
      const names = await loadBatchNames(
        ctx,
        rows.map(({ data }) => ({
          space: data.space ?? options.space,
          hasGroups: (data.groups?.length ?? 0) > 0,
          emails: data.manager === undefined ? [data.email] : [data.email, data.manager],
        })),
      );
      const { spaces, groups } = names;
      const accounts = new Map<string, Account>(
        names.accounts.map((account) => [account.email, account]),
      );
      const managerIds = [
        ...new Set(
          rows.flatMap(({ data }) => {
            const manager = data.manager === undefined ? undefined : accounts.get(data.manager);
            return manager === undefined ? [] : [manager.id];
          }),
        ),
      ];
      const managerMemberships: Membership[] =
        managerIds.length === 0 ? [] : await ctx.tx.memberships.listByAccounts(orgId, managerIds);

      const reports = new Map<number, BulkRowReport>();
      const asked = new Map<string, Promise<boolean>>();
      // The Policy's answer for an invitation depends on the space, the role
      // and the restrictions only (the actor is the batch's): asked once per
      // batch for each, not once per row. A refusal is kept and rethrown.
      const decided = new Map<string, Promise<void>>();
      const authorized = (spaceId: string, role: string, restrictions: readonly string[]) => {
        // Most rows grant no restrictions: their key needs no JSON.
        const key =
          restrictions.length === 0 && !`${spaceId}${role}`.includes('\u0000')
            ? `${spaceId}\u0000${role}`
            : JSON.stringify([spaceId, role, restrictions]);
        let decision = decided.get(key);
        if (decision === undefined) {
          decision = authorizeInvite(ctx, spaceId, role, restrictions);
          decided.set(key, decision);
        }
        return decision;
      };
      const accepted: { row: PreparedRow<BulkImportRow>; input: InvitationRowsInput }[] = [];
      for (const row of rows) {
        const { data } = row;
        try {
          const space = await at('space', () =>
            resolveSpace(spaces, data.space ?? options.space, actor.organization.defaultSpaceId),
          );
          await at('role', () => checkRoleGrantable(ctx, data.role, ['role']));
          await authorized(space.id, data.role, data.restrictions ?? []).catch(
            async (error: unknown) => {
              // A rank refusal is about the role granted (rule 4).
              if (RosterError.isInstance(error, 'RANK_EXCEEDED'))
                throw new RowFailure('role', error);
              if (!RosterError.isInstance(error) || error.code !== 'FORBIDDEN') throw error;
              throw new RowFailure(
                await forbiddenColumn(ctx, asked, spaces, space.id, data.role),
                error,
              );
            },
          );
          await at('profile', () =>
            checkProfileLimits(ctx.deps.profileLimits, data.profile ?? {}, ['profile']),
          );
          const groupIds = await at('groups', () =>
            resolveGroups(groups, data.groups ?? [], space),
          );
          const managerId = await at('manager', () => {
            if (data.manager === undefined) return null;
            const manager = accounts.get(data.manager);
            if (manager === undefined || !canManageIn(manager, managerMemberships, space.id)) {
              throw new RosterError(
                'NOT_FOUND',
                `The manager ${data.manager} is not an active member of ${space.name}.`,
                { subject: 'Account', id: data.manager },
              );
            }
            return manager.id;
          });
          // DESIGN rule 12: an email that has an account never gets a second one; a re-run is harmless.
          const existing = accounts.get(data.email);
          if (existing !== undefined) {
            reports.set(row.index, rowReport(row, 'unchanged', existing.id));
            continue;
          }
          accepted.push({
            row,
            input: {
              email: data.email,
              role: data.role,
              spaceId: space.id,
              groupIds,
              restrictions: data.restrictions ?? [],
              managerId,
              firstName: data.firstName ?? '',
              lastName: data.lastName ?? '',
              profile: data.profile ?? {},
            },
          });
        } catch (error) {
          reports.set(row.index, reportFailure(row, error));
        }
      }

      // The plan's seats: the rows that fit are created, in file order; the
      // rest fail, with the numbers (one count per batch, held by the store
      // until the batch commits).
      const room =
        accepted.length === 0 ? undefined : await seatRoom(ctx, actor.organization, 'invitation');
      if (room !== undefined && accepted.length > room.free) {
        const error = room.refuse(accepted.length);
        for (const { row } of accepted.splice(room.free)) {
          reports.set(row.index, reportFailure(row, error));
        }
      }
      // Every token of the batch made at once: its random bits in one draw,
      // and Web Crypto digests (asynchronous) awaited together, not one by one.
      const secrets = await newInvitationSecrets(accepted.length, ctx.deps.invitationKeys);
      const created = accepted.map(({ row, input }, i) => {
        const issued = buildInvitationRows(ctx, input, secrets[i] as InvitationSecret);
        reports.set(row.index, rowReport(row, 'created', issued.account.id));
        return { row, rows: issued };
      });
      if (created.length > 0) {
        await ctx.tx.accounts.insertMany(created.map(({ rows: issued }) => issued.account));
        await ctx.tx.invitations.insertMany(created.map(({ rows: issued }) => issued.invitation));
        await ctx.tx.outbox.appendMany(created.map(({ rows: issued }) => issued.message));
        await ctx.tx.auditEvents.appendMany(created.map(({ rows: issued }) => issued.event));
      }
      const invitations: BulkInvitation[] = created.map(({ row, rows: issued }) => ({
        row: row.row,
        invitation: issued.invitation,
        account: issued.account,
        token: issued.token,
      }));
      return { reports, invitations } satisfies BatchOutcome;
    },
  };
}
