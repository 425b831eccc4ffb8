import { RosterError } from '../errors/roster-error.js';
import { actingId } from '../ports/policy.js';
import { checkOwnerProtection, checkOwnerRoleGrant } from '../rules/owner-protection.js';
import { checkSelfAction } from '../rules/self-action.js';
import type { ActorContext } from './command-context.js';

/**
 * Refuses a role the roster may not grant: `INVALID_INPUT` when it is
 * unknown, `OWNER_PROTECTED` (action `grantOwnerRole`) when it is the
 * owner's and not shared (it then moves only by transferOwnership, DESIGN
 * rule 1).
 * @internal
 */
export function checkRoleGrantable(
  ctx: ActorContext,
  role: string,
  path: readonly (string | number)[],
): void {
  const { deps } = ctx;
  const ownerId = ctx.actor.organization.ownerId;
  const names = deps.roles.roles.map((known) => known.name);
  if (!names.includes(role)) {
    const problem = `Unknown role "${role}"; known roles: ${names.join(', ')}.`;
    throw new RosterError('INVALID_INPUT', problem, { issues: [{ path, message: problem }] });
  }
  const refusal = checkOwnerRoleGrant({ role, ownerRole: deps.roles.ownerRole, ownerId });
  if (refusal !== undefined) throw refusal;
}

/**
 * Nobody changes their own access, nor the owner's (DESIGN rules 1 and 3):
 * checked before the policy, so the code says which. `spaceId` is the space
 * of the membership acted on, for membership actions: outside the default
 * space, the owner's memberships are the owner's alone to manage.
 * @internal
 */
export function refuseSelfOrOwner(
  ctx: ActorContext,
  accountId: string,
  action: string,
  spaceId?: string,
): void {
  refuseSelf(ctx, accountId, action, spaceId);
  const actor = ctx.actor;
  const refusal = checkOwnerProtection({
    action,
    accountId,
    actorId: actingId(actor),
    ownerId: actor.organization.ownerId,
    defaultSpaceId: actor.organization.defaultSpaceId,
    ...(spaceId === undefined ? {} : { spaceId }),
  });
  if (refusal !== undefined) throw refusal;
}

/** Nobody changes their own access (DESIGN rule 3); see {@link refuseSelfOrOwner}. @internal */
export function refuseSelf(
  ctx: ActorContext,
  accountId: string,
  action: string,
  spaceId?: string,
): void {
  const actor = ctx.actor;
  const refusal = checkSelfAction({
    action,
    actorId: actingId(actor),
    targetId: accountId,
    ownerId: actor.organization.ownerId,
    defaultSpaceId: actor.organization.defaultSpaceId,
    ...(spaceId === undefined ? {} : { spaceId }),
  });
  if (refusal !== undefined) throw refusal;
}
