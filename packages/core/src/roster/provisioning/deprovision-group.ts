import { audit } from '../audit.js';
import type { ActorContext } from '../command-context.js';
import { deleteGroup } from '../commands/structure-changes.js';
import { ProvisionedGroupRef } from './group-inputs.js';
import { loadGroupLink } from './load-link.js';
import { loadMembers } from './member-links.js';
import { requireProvisioner } from './require-provisioner.js';
import { applyGroupRoles } from './scim-group-sync.js';

/** @internal */
export async function deprovisionGroup(ctx: ActorContext, raw: unknown): Promise<void> {
  const { id } = ProvisionedGroupRef.parse(raw);
  const provisioner = requireProvisioner(ctx, 'deprovisionGroup');
  const { connection, organization } = provisioner;
  const orgId = organization.id;
  // A link whose group an admin deleted is still the identity provider's to delete.
  const { link, group } = await loadGroupLink(ctx, provisioner, id, true);
  const rows = await ctx.tx.provisioning.listGroupMembers(orgId, connection.id, [link.id]);
  const members = await loadMembers(
    ctx,
    provisioner,
    rows.map((row) => row.userLinkId),
  );
  // The link and its member rows first, so the roles below no longer count it.
  await ctx.tx.provisioning.deleteLink(orgId, connection.id, 'Group', link.id);
  // As deleteGroup deletes it: it leaves every membership, each audited.
  if (group !== undefined) await deleteGroup(ctx, { groupId: group.id });
  await applyGroupRoles(ctx, connection, [...members.values()]);
  await audit(
    ctx,
    orgId,
    'deprovisionGroup',
    { type: 'Group', id: link.targetId },
    { link, members: rows.map((row) => row.userLinkId) },
    null,
  );
}
