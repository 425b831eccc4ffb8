import type { Group } from '../../model/group.js';
import type { Space } from '../../model/space.js';
import { audit, auditEventOf } from '../audit.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { checkExpectedVersion } from '../expected-version.js';
import { notFound } from '../not-found.js';
import { DeleteGroupInput, RenameGroupInput, RenameSpaceInput } from '../structure-inputs.js';

/** A space of the actor's organization, or `NOT_FOUND`. @internal */
export async function loadSpace(ctx: ActorContext, spaceId: string): Promise<Space> {
  const space = await ctx.tx.spaces.get(ctx.actor.organization.id, spaceId);
  if (space === undefined) throw notFound('Space', spaceId);
  return space;
}

async function loadGroup(ctx: ActorContext, groupId: string): Promise<Group> {
  const group = await ctx.tx.groups.get(ctx.actor.organization.id, groupId);
  if (group === undefined) throw notFound('Group', groupId);
  return group;
}

/** @internal */
export async function renameSpace(ctx: ActorContext, raw: unknown): Promise<Space> {
  const input = RenameSpaceInput.parse(raw);
  const space = await loadSpace(ctx, input.spaceId);
  checkExpectedVersion('Space', space, input.version);
  await authorize(ctx, 'renameSpace', { ...space, type: 'Space' });
  if (space.name === input.name) return space;
  const saved = await ctx.tx.spaces.update({ ...space, name: input.name });
  await audit(ctx, space.orgId, 'renameSpace', { type: 'Space', id: space.id }, space, saved);
  return saved;
}

/** @internal */
export async function renameGroup(ctx: ActorContext, raw: unknown): Promise<Group> {
  const input = RenameGroupInput.parse(raw);
  const group = await loadGroup(ctx, input.groupId);
  checkExpectedVersion('Group', group, input.version);
  await authorize(ctx, 'renameGroup', { ...group, type: 'Group' });
  if (group.name === input.name) return group;
  const saved = await ctx.tx.groups.update({ ...group, name: input.name });
  await audit(ctx, group.orgId, 'renameGroup', { type: 'Group', id: group.id }, group, saved);
  return saved;
}

/**
 * Deletes a group: its members leave it in the same transaction, each
 * membership audited (`deleteGroup`, so the member's history shows it), then
 * the group goes, audited too. A pending invitation that named the group
 * keeps its id; acceptance skips groups that no longer exist.
 * @internal
 */
export async function deleteGroup(ctx: ActorContext, raw: unknown): Promise<Group> {
  const input = DeleteGroupInput.parse(raw);
  const group = await loadGroup(ctx, input.groupId);
  checkExpectedVersion('Group', group, input.version);
  await authorize(ctx, 'deleteGroup', { ...group, type: 'Group' });
  const { orgId } = group;
  const members = await ctx.tx.memberships.listByGroup(orgId, group.id);
  const left = members.map((membership) => ({
    ...membership,
    groupIds: membership.groupIds.filter((id) => id !== group.id),
  }));
  // One batch for every member, however many.
  const saved = left.length === 0 ? [] : await ctx.tx.memberships.updateMany(left);
  await ctx.tx.groups.delete(orgId, group.id, group.version);
  await ctx.tx.auditEvents.appendMany([
    ...members.map((before, i) =>
      auditEventOf(
        ctx,
        orgId,
        'deleteGroup',
        { type: 'Membership', id: before.id },
        before,
        saved[i],
      ),
    ),
    auditEventOf(ctx, orgId, 'deleteGroup', { type: 'Group', id: group.id }, group, null),
  ]);
  return group;
}
