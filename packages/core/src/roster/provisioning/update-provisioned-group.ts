import { compareText } from '../../adapter/text.js';
import type { ProvisioningLink } from '../../model/provisioning-link.js';
import { audit } from '../audit.js';
import type { ActorContext } from '../command-context.js';
import { renameGroup } from '../commands/structure-changes.js';
import { checkExpectedVersion } from '../expected-version.js';
import { UpdateProvisionedGroupInput } from './group-inputs.js';
import { loadGroupLink } from './load-link.js';
import { loadMembers, resolveMembers } from './member-links.js';
import type { ProvisionedGroup } from './provisioned-group.js';
import { membersOf } from './provisioned-group-reads.js';
import { requireProvisioner } from './require-provisioner.js';
import { applyGroupChanges, applyGroupRoles } from './scim-group-sync.js';

/** @internal */
export async function updateProvisionedGroup(
  ctx: ActorContext,
  raw: unknown,
): Promise<ProvisionedGroup> {
  const input = UpdateProvisionedGroupInput.parse(raw);
  const provisioner = requireProvisioner(ctx, 'updateProvisionedGroup');
  const { connection, organization } = provisioner;
  const orgId = organization.id;
  const { link, group } = await loadGroupLink(ctx, provisioner, input.id);
  checkExpectedVersion('ProvisioningLink', link, input.version);
  const known = await resolveMembers(ctx, provisioner, {
    members: input.members,
    addMembers: input.addMembers,
    removeMembers: input.removeMembers,
  });
  const current = new Set(
    (await ctx.tx.provisioning.listGroupMembers(orgId, connection.id, [link.id])).map(
      (row) => row.userLinkId,
    ),
  );
  // `members` replaces, then `addMembers` adds, then `removeMembers` removes.
  const next = new Set(input.members ?? current);
  for (const id of input.addMembers ?? []) next.add(id);
  for (const id of input.removeMembers ?? []) next.delete(id);
  const added = [...next].filter((id) => !current.has(id));
  const removed = [...current].filter((id) => !next.has(id));
  const renamed =
    input.displayName !== undefined && input.displayName !== group.name
      ? await renameGroup(ctx, { groupId: group.id, name: input.displayName })
      : group;
  const changed: ProvisioningLink = {
    ...link,
    userName: input.displayName ?? link.userName,
    externalId: input.externalId === undefined ? link.externalId : input.externalId,
    attributes: input.attributes ?? link.attributes,
    updatedAt: ctx.now,
  };
  const saved = await ctx.tx.provisioning.updateLink(changed, link.version);
  if (added.length > 0) {
    await ctx.tx.provisioning.addGroupMembers(orgId, connection.id, link.id, added);
  }
  if (removed.length > 0) {
    await ctx.tx.provisioning.removeGroupMembers(orgId, connection.id, link.id, removed);
  }
  // Members `members` leaves out are not among the ids given: read them too.
  const others = await loadMembers(
    ctx,
    provisioner,
    removed.filter((id) => !known.has(id)),
  );
  const touched = [
    ...added.flatMap((id) => {
      const member = known.get(id);
      return member === undefined ? [] : [{ member, add: [group.id] }];
    }),
    ...removed.flatMap((id) => {
      const member = known.get(id) ?? others.get(id);
      return member === undefined ? [] : [{ member, remove: [group.id] }];
    }),
  ];
  await applyGroupChanges(
    ctx,
    connection.spaceId,
    touched.map(({ member, ...change }) => ({ account: member.account, ...change })),
  );
  await applyGroupRoles(
    ctx,
    connection,
    touched.map(({ member }) => member),
  );
  const members = (await membersOf(ctx, provisioner, [link.id])).get(link.id) ?? [];
  await audit(
    ctx,
    orgId,
    'updateProvisionedGroup',
    { type: 'Group', id: group.id },
    { link, members: [...current].sort(compareText) },
    { link: saved, members: members.map((member) => member.id) },
  );
  return { link: saved, group: renamed, members };
}
