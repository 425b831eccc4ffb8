import { RosterError } from '../errors/roster-error.js';
import type { Organization } from '../model/organization.js';
import type { CommandContext } from './command-context.js';

/**
 * What a command takes: an `invitation` (invite, a bulk import row), a
 * `member` (addToTeam, reactivate), or an `acceptance` (a pending invitation
 * becoming a member: its seat was held since the invitation).
 * @internal
 */
export type SeatTake = 'invitation' | 'member' | 'acceptance';

/** How many seats of a kind are free, and the error for a command that wants more. @internal */
export interface SeatRoom {
  readonly free: number;
  refuse(requested: number): RosterError<'SEAT_LIMIT'>;
}

interface Cap {
  readonly seat: 'members' | 'pendingInvitations';
  readonly limit: number;
  readonly inUse: number;
}

/**
 * The room left under the organization's plan for `take`, or `undefined`
 * when the plan caps nothing `take` needs (then the store is not asked: an
 * uncapped plan costs nothing). The count comes from the store's
 * `countSeats`, which holds it until the transaction ends: two commands of
 * one organization that both ask never both commit on the same count.
 * @internal
 */
export async function seatRoom(
  ctx: CommandContext,
  organization: Organization,
  take: SeatTake,
): Promise<SeatRoom | undefined> {
  const limits = ctx.deps.seatLimits[organization.plan];
  const members = limits?.members;
  const pending = take === 'invitation' ? limits?.pendingInvitations : undefined;
  if (members === undefined && pending === undefined) return undefined;
  const count = await ctx.tx.organizations.countSeats(organization.id);
  const caps: Cap[] = [];
  if (members !== undefined) {
    const inUse =
      take === 'acceptance' ? count.activeMembers : count.activeMembers + count.pendingInvitations;
    caps.push({ seat: 'members', limit: members, inUse });
  }
  if (pending !== undefined) {
    caps.push({ seat: 'pendingInvitations', limit: pending, inUse: count.pendingInvitations });
  }
  // The tightest cap decides, and is the one named when it refuses.
  const [tightest] = caps.sort((a, b) => a.limit - a.inUse - (b.limit - b.inUse));
  if (tightest === undefined) return undefined;
  const free = Math.max(0, tightest.limit - tightest.inUse);
  return {
    free,
    refuse(requested) {
      const what = tightest.seat === 'members' ? 'member seats' : 'pending invitations';
      return new RosterError(
        'SEAT_LIMIT',
        `The ${organization.plan} plan allows ${tightest.limit} ${what}; ${tightest.inUse} are taken and this needs ${requested} more.`,
        { plan: organization.plan, ...tightest, requested },
      );
    },
  };
}

/** Throws `SEAT_LIMIT` unless the plan has a seat free for `take`. @internal */
export async function takeSeat(
  ctx: CommandContext,
  organization: Organization,
  take: SeatTake,
): Promise<void> {
  const room = await seatRoom(ctx, organization, take);
  if (room !== undefined && room.free < 1) throw room.refuse(1);
}
