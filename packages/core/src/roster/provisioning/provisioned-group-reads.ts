import { compareText } from '../../adapter/text.js';
import type { ProvisioningLink } from '../../model/provisioning-link.js';
import type { ProvisionerPolicyActor } from '../../ports/policy.js';
import type { ActorContext } from '../command-context.js';
import { ListProvisionedGroupsInput, ProvisionedGroupRef } from './group-inputs.js';
import { getLinksByIds, listConnectionLinks } from './link-list.js';
import { loadGroupLink } from './load-link.js';
import type { ProvisionedGroup, ProvisionedGroupPage } from './provisioned-group.js';
import { requireProvisioner } from './require-provisioner.js';

/**
 * The SCIM members of these Group links, as User links by link id: one read
 * of the member rows for every group, and the User links in one read per
 * 100 distinct members (see getLinksByIds), never one per group or member.
 * @internal
 */
export async function membersOf(
  ctx: ActorContext,
  provisioner: ProvisionerPolicyActor,
  groupLinkIds: readonly string[],
): Promise<Map<string, ProvisioningLink[]>> {
  const byGroup = new Map<string, ProvisioningLink[]>(groupLinkIds.map((id) => [id, []]));
  if (groupLinkIds.length === 0) return byGroup;
  const rows = await ctx.tx.provisioning.listGroupMembers(
    provisioner.organization.id,
    provisioner.connection.id,
    groupLinkIds,
  );
  const links = await getLinksByIds(
    ctx,
    provisioner,
    'User',
    rows.map((row) => row.userLinkId),
  );
  for (const row of rows) {
    const link = links.get(row.userLinkId);
    if (link !== undefined) byGroup.get(row.groupLinkId)?.push(link);
  }
  for (const members of byGroup.values()) members.sort((a, b) => compareText(a.id, b.id));
  return byGroup;
}

/** @internal */
export async function getProvisionedGroup(
  ctx: ActorContext,
  raw: unknown,
): Promise<ProvisionedGroup> {
  const input = ProvisionedGroupRef.parse(raw);
  const provisioner = requireProvisioner(ctx, 'getProvisionedGroup');
  const { link, group } = await loadGroupLink(ctx, provisioner, input.id);
  const members =
    input.members === false
      ? []
      : ((await membersOf(ctx, provisioner, [link.id])).get(link.id) ?? []);
  return { link, group, members };
}

/** @internal */
export async function listProvisionedGroups(
  ctx: ActorContext,
  raw: unknown,
): Promise<ProvisionedGroupPage> {
  const input = ListProvisionedGroupsInput.parse(raw);
  const provisioner = requireProvisioner(ctx, 'listProvisionedGroups');
  const orgId = provisioner.organization.id;
  const page = await listConnectionLinks(ctx, provisioner, 'Group', input);
  const ids = page.items.map((link) => link.targetId);
  const [groups, members] = await Promise.all([
    ids.length === 0 ? [] : ctx.tx.groups.getMany(orgId, ids),
    input.members === false
      ? new Map<string, ProvisioningLink[]>()
      : membersOf(
          ctx,
          provisioner,
          page.items.map((link) => link.id),
        ),
  ]);
  const items = page.items.flatMap((link) => {
    // A group an admin deleted leaves its link behind: not a SCIM Group any more.
    const group = groups.find((candidate) => candidate.id === link.targetId);
    return group === undefined ? [] : [{ link, group, members: members.get(link.id) ?? [] }];
  });
  return { items, total: page.total };
}
