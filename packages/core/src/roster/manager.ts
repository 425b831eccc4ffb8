import type { Account } from '../model/account.js';
import type { Membership } from '../model/membership.js';
import type { CommandContext } from './command-context.js';
import { notFound } from './not-found.js';

/**
 * Whether `account` may manage people in `spaceId` (DESIGN rule 7): an active
 * account that is a current member of that space. Every command that sets a
 * manager holds to it, so no member ever reports to a deactivated or departed
 * manager.
 * @internal
 */
export function canManageIn(
  account: Account | undefined,
  memberships: readonly Membership[],
  spaceId: string,
): boolean {
  return (
    account !== undefined &&
    account.status === 'active' &&
    memberships.some(
      (m) => m.accountId === account.id && m.spaceId === spaceId && m.state === 'member',
    )
  );
}

/**
 * Whether `managerId` may manage people in `spaceId` now, read from the store
 * (two reads); see {@link canManageIn}.
 * @internal
 */
export async function mayManageIn(
  ctx: CommandContext,
  orgId: string,
  managerId: string,
  spaceId: string,
): Promise<boolean> {
  const account = await ctx.tx.accounts.get(orgId, managerId);
  const membership = await ctx.tx.memberships.find(orgId, managerId, spaceId);
  return canManageIn(account, membership === undefined ? [] : [membership], spaceId);
}

/**
 * Throws `NOT_FOUND` (Account) unless `managerId` may manage people in
 * `spaceId`; see {@link canManageIn}.
 * @internal
 */
export async function requireManager(
  ctx: CommandContext,
  orgId: string,
  managerId: string,
  spaceId: string,
): Promise<void> {
  if (!(await mayManageIn(ctx, orgId, managerId, spaceId))) throw notFound('Account', managerId);
}
