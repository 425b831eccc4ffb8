import type { Group } from '../../model/group.js';
import type { Organization } from '../../model/organization.js';
import type { Space } from '../../model/space.js';
import type { PolicySubject } from '../../ports/policy.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { notFound } from '../not-found.js';
import { ListGroupsInput } from '../structure-inputs.js';

/** A group with how many current members it has, as `listGroups` returns it. */
export interface GroupWithMemberCount {
  readonly group: Group;
  /** The current members of the space in the group. */
  readonly memberCount: number;
}

/** Whether the Policy lets the actor read this record (no error). */
async function mayRead(ctx: ActorContext, subject: PolicySubject): Promise<boolean> {
  return (await ctx.deps.policy.check({ actor: ctx.actor, action: 'read', subject })).allowed;
}

/** @internal */
export async function getOrganization(ctx: ActorContext): Promise<Organization> {
  const orgId = ctx.actor.organization.id;
  // Read in this transaction, not the actor's copy: the same snapshot as the rest.
  const organization = await ctx.tx.organizations.get(orgId);
  if (organization === undefined) throw notFound('Organization', orgId);
  await authorize(ctx, 'read', { ...organization, type: 'Organization', orgId });
  return organization;
}

/** @internal */
export async function listSpaces(ctx: ActorContext): Promise<Space[]> {
  const spaces = await ctx.tx.spaces.listByOrganization(ctx.actor.organization.id);
  const readable: Space[] = [];
  for (const space of spaces) {
    if (await mayRead(ctx, { ...space, type: 'Space' })) readable.push(space);
  }
  return readable;
}

/** @internal */
export async function listGroups(ctx: ActorContext, raw: unknown): Promise<GroupWithMemberCount[]> {
  const input = ListGroupsInput.parse(raw);
  const orgId = ctx.actor.organization.id;
  const spaceId = input.spaceId ?? ctx.actor.organization.defaultSpaceId;
  const space = await ctx.tx.spaces.get(orgId, spaceId);
  if (space === undefined) throw notFound('Space', spaceId);
  await authorize(ctx, 'read', { ...space, type: 'Space' });
  const groups: Group[] = [];
  for (const group of await ctx.tx.groups.listBySpace(orgId, spaceId)) {
    if (await mayRead(ctx, { ...group, type: 'Group' })) groups.push(group);
  }
  // Every group's count in one store call, whatever the number of members.
  const counts = await ctx.tx.memberships.countByGroups(
    orgId,
    groups.map((group) => group.id),
  );
  return groups.map((group) => ({ group, memberCount: counts[group.id] ?? 0 }));
}
