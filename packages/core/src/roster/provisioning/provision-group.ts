import { uniqueConflict } from '../../adapter/store-errors.js';
import { compareText, lowerText } from '../../adapter/text.js';
import type { Group } from '../../model/group.js';
import type { ProvisionerPolicyActor } from '../../ports/policy.js';
import { audit } from '../audit.js';
import type { ActorContext } from '../command-context.js';
import { createGroup } from '../commands/structure.js';
import { ProvisionGroupInput } from './group-inputs.js';
import { resolveMembers } from './member-links.js';
import type { ProvisionedGroup } from './provisioned-group.js';
import { requireProvisioner } from './require-provisioner.js';
import { applyGroupChanges, applyGroupRoles } from './scim-group-sync.js';

/**
 * The group a new SCIM Group stands for: a group of the connection's space
 * with the same name (case-insensitively) that the connection does not link
 * yet is adopted; when every such group is linked already, `CONFLICT`
 * (reason `unique`, field `targetId`); with none, a new one, created as
 * createGroup creates it (authorized, audited; kind `'group'`).
 */
async function groupFor(
  ctx: ActorContext,
  provisioner: ProvisionerPolicyActor,
  name: string,
): Promise<Group> {
  const orgId = provisioner.organization.id;
  const { spaceId } = provisioner.connection;
  const named = (await ctx.tx.groups.listBySpace(orgId, spaceId)).filter(
    (group) => lowerText(group.name) === lowerText(name),
  );
  let linked: string | undefined;
  for (const group of named) {
    const link = await ctx.tx.provisioning.findLinkByTarget(
      orgId,
      provisioner.connection.id,
      'Group',
      group.id,
    );
    if (link === undefined) return group;
    linked ??= link.id;
  }
  if (linked !== undefined) throw uniqueConflict('ProvisioningLink', linked, 'targetId');
  return createGroup(ctx, { spaceId, name, kind: 'group' });
}

/** @internal */
export async function provisionGroup(ctx: ActorContext, raw: unknown): Promise<ProvisionedGroup> {
  const input = ProvisionGroupInput.parse(raw);
  const provisioner = requireProvisioner(ctx, 'provisionGroup');
  const { connection, organization } = provisioner;
  const orgId = organization.id;
  const members = await resolveMembers(ctx, provisioner, { members: input.members });
  const group = await groupFor(ctx, provisioner, input.displayName);
  const link = await ctx.tx.provisioning.insertLink({
    // The SCIM id: a uuid v4, never reused.
    id: globalThis.crypto.randomUUID(),
    orgId,
    connectionId: connection.id,
    resourceType: 'Group',
    targetId: group.id,
    userName: input.displayName,
    externalId: input.externalId ?? null,
    attributes: input.attributes ?? {},
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  const added = [...members.values()];
  if (added.length > 0) {
    await ctx.tx.provisioning.addGroupMembers(
      orgId,
      connection.id,
      link.id,
      added.map((member) => member.link.id),
    );
    await applyGroupChanges(
      ctx,
      connection.spaceId,
      added.map(({ account }) => ({ account, add: [group.id] })),
    );
    await applyGroupRoles(ctx, connection, added);
  }
  const memberLinks = added.map((member) => member.link).sort((a, b) => compareText(a.id, b.id));
  await audit(ctx, orgId, 'provisionGroup', { type: 'Group', id: group.id }, null, {
    link,
    members: memberLinks.map((member) => member.id),
  });
  return { link, group, members: memberLinks };
}
