import type { Group } from '../../model/group.js';
import type { Space } from '../../model/space.js';
import { audit } from '../audit.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { notFound } from '../not-found.js';
import { CreateGroupInput, CreateSpaceInput } from '../organization-inputs.js';

/** @internal */
export async function createSpace(ctx: ActorContext, raw: unknown): Promise<Space> {
  const input = CreateSpaceInput.parse(raw);
  const orgId = ctx.actor.organization.id;
  const draft: Space = {
    id: ctx.deps.ids.next('Space'),
    orgId,
    name: input.name,
    isDefault: false,
    createdAt: ctx.now,
    version: 1,
  };
  await authorize(ctx, 'createSpace', { ...draft, type: 'Space' });
  const space = await ctx.tx.spaces.insert(draft);
  await audit(ctx, orgId, 'createSpace', { type: 'Space', id: space.id }, null, space);
  return space;
}

/** @internal */
export async function createGroup(ctx: ActorContext, raw: unknown): Promise<Group> {
  const input = CreateGroupInput.parse(raw);
  const { organization } = ctx.actor;
  const spaceId = input.spaceId ?? organization.defaultSpaceId;
  const draft: Group = {
    id: ctx.deps.ids.next('Group'),
    orgId: organization.id,
    spaceId,
    name: input.name,
    kind: input.kind,
    createdAt: ctx.now,
    version: 1,
  };
  await authorize(ctx, 'createGroup', { ...draft, type: 'Group' });
  if ((await ctx.tx.spaces.get(organization.id, spaceId)) === undefined)
    throw notFound('Space', spaceId);
  const group = await ctx.tx.groups.insert(draft);
  await audit(ctx, organization.id, 'createGroup', { type: 'Group', id: group.id }, null, group);
  return group;
}
