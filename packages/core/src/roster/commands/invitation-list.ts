import type { Invitation } from '../../model/invitation.js';
import type { InvitationListStatus, Page } from '../../ports/store.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { notFound } from '../not-found.js';
import { ListInvitationsInput } from '../structure-inputs.js';

/**
 * An invitation as `listInvitations` shows it: without its token hash, and
 * with where it stands now (`expired` for a pending one past its expiry).
 */
export interface ListedInvitation extends Omit<Invitation, 'tokenHash'> {
  /** Where it stands now: the stored `status`, or `expired` for a pending one past `expiresAt`. */
  readonly listStatus: InvitationListStatus;
}

/** The spaces whose invitations the actor may read: the Policy's `read` of an invitation, asked per space. */
async function readableSpaceIds(ctx: ActorContext, spaceIds: readonly string[]): Promise<string[]> {
  const orgId = ctx.actor.organization.id;
  const allowed: string[] = [];
  for (const spaceId of spaceIds) {
    const decision = await ctx.deps.policy.check({
      actor: ctx.actor,
      action: 'read',
      subject: { type: 'Invitation', orgId, spaceId },
    });
    if (decision.allowed) allowed.push(spaceId);
  }
  return allowed;
}

/** @internal */
export async function listInvitations(
  ctx: ActorContext,
  raw: unknown,
): Promise<Page<ListedInvitation>> {
  const input = ListInvitationsInput.parse(raw);
  const orgId = ctx.actor.organization.id;
  let spaceIds: string[];
  if (input.spaceId !== undefined) {
    if ((await ctx.tx.spaces.get(orgId, input.spaceId)) === undefined) {
      throw notFound('Space', input.spaceId);
    }
    await authorize(ctx, 'read', { type: 'Invitation', orgId, spaceId: input.spaceId });
    spaceIds = [input.spaceId];
  } else {
    // Spaces are few: the Policy is asked once for each, and the store
    // filters by the spaces allowed (an empty list matches nothing).
    const spaces = await ctx.tx.spaces.listByOrganization(orgId);
    spaceIds = await readableSpaceIds(
      ctx,
      spaces.map((space) => space.id),
    );
  }
  const page = await ctx.tx.invitations.list({
    orgId,
    spaceIds,
    now: ctx.now,
    limit: input.limit,
    ...(input.statuses === undefined ? {} : { statuses: input.statuses }),
    ...(input.cursor === undefined ? {} : { cursor: input.cursor }),
  });
  const now = ctx.now.getTime();
  return {
    items: page.items.map(({ tokenHash: _hidden, ...invitation }) => ({
      ...invitation,
      listStatus:
        invitation.status === 'pending' && invitation.expiresAt.getTime() <= now
          ? 'expired'
          : invitation.status,
    })),
    nextCursor: page.nextCursor,
    total: page.total,
  };
}
