import type { Group } from '../../model/group.js';
import type { ProvisioningLink } from '../../model/provisioning-link.js';

/**
 * A SCIM Group as rosterkit holds it: the connection's Group link (the SCIM
 * id, its `displayName` as `userName`, `externalId`, the attributes
 * rosterkit does not model), the rosterkit group it stands for (in the
 * connection's space), and its SCIM members: the connection's User links,
 * by link id (empty when the caller asked for no members).
 */
export interface ProvisionedGroup {
  readonly link: ProvisioningLink;
  readonly group: Group;
  readonly members: readonly ProvisioningLink[];
}

/** One page of `listProvisionedGroups`: SCIM's window of groups and how many match in all. */
export interface ProvisionedGroupPage {
  readonly items: readonly ProvisionedGroup[];
  readonly total: number;
}
