import { notFound } from '../../adapter/store-errors.js';
import type { Account } from '../../model/account.js';
import type { Group } from '../../model/group.js';
import type { ProvisioningLink } from '../../model/provisioning-link.js';
import type { ProvisionerPolicyActor } from '../../ports/policy.js';
import type { ActorContext } from '../command-context.js';

/**
 * The connection's User link with this SCIM id and the account it stands
 * for. A link of another connection or organization is not found (DESIGN
 * rule 11), and neither is one whose account is gone (deleted by its owner).
 * @internal
 */
export async function loadUserLink(
  ctx: ActorContext,
  provisioner: ProvisionerPolicyActor,
  id: string,
): Promise<{ readonly link: ProvisioningLink; readonly account: Account }> {
  const orgId = provisioner.organization.id;
  const link = await ctx.tx.provisioning.getLink(orgId, provisioner.connection.id, 'User', id);
  const account = link === undefined ? undefined : await ctx.tx.accounts.get(orgId, link.targetId);
  if (link === undefined || account === undefined || account.status === 'deleted') {
    throw notFound('ProvisioningLink', id);
  }
  return { link, account };
}

/**
 * The connection's Group link with this SCIM id and the group it stands
 * for. A link of another connection or organization is not found, and
 * neither is one whose group is gone (deleted by an admin) unless
 * `orphanToo` (deprovisionGroup still deletes such a link).
 * @internal
 */
export async function loadGroupLink(
  ctx: ActorContext,
  provisioner: ProvisionerPolicyActor,
  id: string,
): Promise<{ readonly link: ProvisioningLink; readonly group: Group }>;
export async function loadGroupLink(
  ctx: ActorContext,
  provisioner: ProvisionerPolicyActor,
  id: string,
  orphanToo: true,
): Promise<{ readonly link: ProvisioningLink; readonly group: Group | undefined }>;
export async function loadGroupLink(
  ctx: ActorContext,
  provisioner: ProvisionerPolicyActor,
  id: string,
  orphanToo = false,
): Promise<{ readonly link: ProvisioningLink; readonly group: Group | undefined }> {
  const orgId = provisioner.organization.id;
  const link = await ctx.tx.provisioning.getLink(orgId, provisioner.connection.id, 'Group', id);
  const group = link === undefined ? undefined : await ctx.tx.groups.get(orgId, link.targetId);
  if (link === undefined || (group === undefined && !orphanToo)) {
    throw notFound('ProvisioningLink', id);
  }
  return { link, group };
}
