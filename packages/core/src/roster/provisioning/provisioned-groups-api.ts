import type {
  ListProvisionedGroupsInput,
  ProvisionedGroupRef,
  ProvisionGroupInput,
  UpdateProvisionedGroupInput,
} from './group-inputs.js';
import type { ProvisionedGroup, ProvisionedGroupPage } from './provisioned-group.js';

/**
 * The SCIM Group commands of a provisioning connection (DESIGN §8, SCIM
 * 2.0): what `@rosterkit/scim` calls for `/Groups`. A SCIM Group is a
 * rosterkit group of the connection's space (its `displayName` the group's
 * name), the connection's Group link (the SCIM id, `externalId`, the
 * attributes rosterkit does not model), and its SCIM members: User links
 * of the same connection. Only a provisioner actor may call them; an
 * account actor is refused with `FORBIDDEN`. Each call is one Store
 * transaction: the group, the link, its members, the memberships and roles
 * they change, and every audit event (each naming the connection), or
 * nothing. A SCIM id of another connection or organization is `NOT_FOUND`;
 * a member id that is not a User of this connection is `INVALID_INPUT`
 * (one issue per unknown id, at its field and index), nothing changed.
 *
 * How SCIM membership becomes rosterkit's:
 *
 * - **Groups.** A SCIM member whose account is active and a current member
 *   of the connection's space has the group in its membership's `groupIds`
 *   (put in and taken out as `assignGroups` would, audited `assignGroups`).
 *   A deactivated or pending account stays a SCIM member but is in no
 *   rosterkit group (DESIGN §3). When the connection reactivates it
 *   (`updateProvisionedUser` with `active: true`) its SCIM groups are put
 *   back, since the identity provider still lists it in them; an admin's
 *   own `reactivate` restores no group (DESIGN §3). The owner may be a
 *   SCIM member, but their memberships are left as they are (rule 1).
 * - **Roles.** The role of a SCIM member in the connection's space is the
 *   highest-ranked (by the role catalog's `rank`) of the roles
 *   `connection.groupRoles` maps its SCIM groups' rosterkit groups to,
 *   else `connection.defaultRole`. It is recomputed for every account
 *   whose SCIM groups a call changes and set as `changeRole` would (the
 *   Policy asked, audited `changeRole`), so the mapping wins over a role an
 *   admin set by hand the next time the account's SCIM groups change. Never
 *   for the owner (rule 1), nor an account without a current membership of
 *   the space. A user provisioned anew is in no SCIM group, so it gets
 *   `defaultRole` (`provisionUser`).
 */
export interface ProvisionedGroupsApi {
  /**
   * Creates a SCIM Group. A group of the connection's space with the same
   * name (case-insensitively) is adopted, unless this connection links it
   * already (`CONFLICT`, reason `unique`, field `targetId`); otherwise a
   * new group (kind `'group'`) is created as `createGroup` would (the
   * Policy asked, audited `createGroup`). `displayName` is the group's name
   * and the link's `userName`: one the connection links already
   * (case-insensitively) is `CONFLICT` (reason `unique`), and so is an
   * `externalId`. `members` (User link ids; repeats ignored) become its SCIM
   * members, with their groups and roles as {@link ProvisionedGroupsApi}
   * says. Audited `provisionGroup` (the link and member ids).
   *
   * @example
   * ```ts
   * const okta = roster.as({ kind: 'provisioner', orgId, connectionId });
   * const { link: bo } = await okta.provisionUser({ userName: 'bo@acme.io' });
   * const { link, group, members } = await okta.provisionGroup({
   *   displayName: 'Sales',
   *   externalId: '00g1sales',
   *   members: [bo.id],
   * });
   * console.log(link.id, group.name, members.length); // a uuid, 'Sales', 1
   * ```
   */
  provisionGroup(input: ProvisionGroupInput): Promise<ProvisionedGroup>;
  /**
   * Changes a SCIM Group (a PUT, or a PATCH the scim package applied). A
   * new `displayName` renames the group as `renameGroup` would (audited
   * `renameGroup`) and the link; `externalId` `null` clears it;
   * `attributes` replace the link's. Members: `members` replaces them all,
   * then `addMembers` adds (a member already is skipped), then
   * `removeMembers` removes (a non-member is skipped); every id must be a
   * User of this connection. Groups and roles follow, as
   * {@link ProvisionedGroupsApi} says. `version` is the link's (a SCIM
   * ETag): a stale one is `CONFLICT` (`stale-version`), nothing changed.
   * Audited `updateProvisionedGroup` (link and member ids before and after).
   *
   * @example
   * ```ts
   * const sales = await okta.updateProvisionedGroup({
   *   id: link.id,
   *   version: link.version,
   *   displayName: 'Inside sales',
   *   addMembers: [cy.id],
   *   removeMembers: [bo.id],
   * });
   * console.log(sales.group.name, sales.members.map((m) => m.userName)); // 'Inside sales', ['cy@acme.io']
   * ```
   */
  updateProvisionedGroup(input: UpdateProvisionedGroupInput): Promise<ProvisionedGroup>;
  /**
   * Deprovisions a SCIM Group (a DELETE): the link and its member rows are
   * deleted, and the rosterkit group too, as `deleteGroup` would (it leaves
   * every membership, audited) — also the memberships an admin put in it
   * by hand: a group the identity provider owns is its to delete. Then the
   * former members' roles are recomputed without it. Audited
   * `deprovisionGroup`. A link whose group an admin deleted already is
   * deleted alone.
   *
   * @example
   * ```ts
   * await okta.deprovisionGroup({ id: link.id });
   * ```
   */
  deprovisionGroup(input: ProvisionedGroupRef): Promise<void>;
  /**
   * One SCIM Group of the connection: its link, its group, and its members
   * (User links, by link id; `members: false` returns `[]` without reading
   * them, for a SCIM `excludedAttributes=members`). A link whose group is
   * gone (deleted by an admin) is `NOT_FOUND`.
   *
   * @example
   * ```ts
   * const { group, members } = await okta.getProvisionedGroup({ id: link.id });
   * ```
   */
  getProvisionedGroup(input: ProvisionedGroupRef): Promise<ProvisionedGroup>;
  /**
   * The connection's SCIM Groups that match `filter` (a {@link LinkFilter};
   * `displayName` is the link's `userName`), from `startIndex` (1-based,
   * default 1), `count` at most (0 to 1000, default 100), by creation, with
   * how many match, as {@link ProvisionedUsersApi.listProvisionedUsers}
   * windows Users. Members as for `getProvisionedGroup`, read for the whole
   * page at once; `members: false` reads none.
   *
   * @example
   * ```ts
   * const { items, total } = await okta.listProvisionedGroups({
   *   filter: { op: 'eq', attribute: 'displayName', value: 'sales' },
   *   members: false,
   * });
   * ```
   */
  listProvisionedGroups(input?: ListProvisionedGroupsInput): Promise<ProvisionedGroupPage>;
}
