import type { LinkFilter } from '../../model/link-filter.js';
import type { ProvisioningConnection } from '../../model/provisioning-connection.js';
import type { ProvisioningLink, ProvisioningResourceType } from '../../model/provisioning-link.js';

/**
 * What {@link ProvisioningRepository.listLinks} returns, SCIM's way: one
 * 1-based window of the matching links and how many match in all.
 *
 * @category Store port (for adapter authors)
 */
export interface LinkListQuery {
  /** Only the links this filter accepts (every link when absent); see the adapter kit's `matchesLinkFilter`. */
  readonly filter?: LinkFilter;
  /** The position of the first link returned, from 1 (SCIM's `startIndex`); past the end gives no items. */
  readonly startIndex: number;
  /** At most this many links, an integer from 0 to 1000 (SCIM's `count`; 0 asks for the total alone). */
  readonly count: number;
}

/**
 * One window of links and the number of links that match.
 *
 * @category Store port (for adapter authors)
 */
export interface LinkListPage {
  /** The links from `startIndex` on, by `createdAt` then `id` (ascending, by code units). */
  readonly items: ProvisioningLink[];
  /** How many links match the filter in all, whatever `startIndex` and `count`. */
  readonly total: number;
}

/**
 * One SCIM member of a provisioned group: a User link of the connection in
 * one of its Group links (what `GET /Groups/{id}` lists as `members`). It is
 * the identity provider's membership, kept apart from the group's
 * rosterkit membership (`Membership.groupIds`): a deactivated account leaves
 * its groups (DESIGN §3) but stays listed in its SCIM groups.
 *
 * @category Store port (for adapter authors)
 */
export interface GroupMemberLink {
  /** The Group link's id (the SCIM group id). */
  readonly groupLinkId: string;
  /** The User link's id (the SCIM user id). */
  readonly userLinkId: string;
}

/**
 * SCIM provisioning (DESIGN §8, SCIM 2.0): the connections of identity
 * providers to an organization, and their links (each a SCIM resource of one
 * connection, and the account or group it is).
 *
 * The store enforces, also when two transactions race:
 *
 * - a connection's `tokenHash` is unique across every organization;
 * - per connection and resource type, a link's `targetId` and its
 *   `userName` compared case-insensitively (lower-cased by the adapter kit's
 *   `lowerText`) are each unique.
 *
 * A link's `externalId` is not a key: SCIM (RFC 7643 §3.1) gives it no
 * uniqueness, and identity providers send several resources with the same
 * one, so the store keeps them all and a filter on it may find several.
 *
 * A write that would break a key throws `CONFLICT` with reason `unique` and
 * `details.field` naming the key (`'tokenHash'`, `'targetId'`, `'userName'`,
 * or `'id'` for a taken id); when two transactions race for one key, the
 * one that loses may name no field (a database does not always say which
 * index it hit).
 *
 * Everything but {@link ProvisioningRepository.findConnectionByTokenHash} is
 * scoped to one organization: another organization's id is not found
 * (`undefined`, or `NOT_FOUND` for a write), and so is a link asked for
 * under another connection or resource type than its own.
 *
 * Versions are optimistic (DESIGN rule 14): an update names the version it
 * read (`expectedVersion`) and stores the row with `expectedVersion + 1`,
 * whatever `version` the row given carries; a stored version that differs
 * is `CONFLICT` (reason `stale-version`), a row that is gone `NOT_FOUND`.
 * An update keeps the stored `createdAt`, and what identifies the row
 * (`id`, `orgId`, and for a link `connectionId` and `resourceType`).
 *
 * @category Store port (for adapter authors)
 */
export interface ProvisioningRepository {
  /**
   * Stores a new connection; its `version` must be 1.
   *
   * @throws `CONFLICT` (reason `unique`, field `id` or `tokenHash`); `INVALID_INPUT` when `version` is not 1.
   */
  insertConnection(connection: ProvisioningConnection): Promise<ProvisioningConnection>;
  /** The connection with this id in this organization, or `undefined`. */
  getConnection(orgId: string, id: string): Promise<ProvisioningConnection | undefined>;
  /**
   * Replaces the connection read at `expectedVersion` and returns it as
   * stored (`version` = `expectedVersion + 1`, `createdAt` as stored).
   *
   * @throws `CONFLICT` (reason `stale-version`, or `unique` for a `tokenHash` taken); `NOT_FOUND` when gone.
   */
  updateConnection(
    connection: ProvisioningConnection,
    expectedVersion: number,
  ): Promise<ProvisioningConnection>;
  /** Every connection of the organization, by `createdAt` then `id`. */
  listConnections(orgId: string): Promise<ProvisioningConnection[]>;
  /**
   * The connection whose token hashes to `tokenHash`, in any organization
   * (the token is what tells the organization), or `undefined`. A revoked
   * connection is found too: refusing it is the caller's decision.
   */
  findConnectionByTokenHash(tokenHash: string): Promise<ProvisioningConnection | undefined>;
  /**
   * Records that the connection's token was used at `at`: sets `lastUsedAt`
   * and nothing else. Does not change `version` (an identity provider
   * calling must never make an admin's edit of the connection stale) and
   * never moves `lastUsedAt` back. Callers throttle it (rosterkit writes it
   * at most once a minute per connection).
   *
   * @throws `NOT_FOUND` when the organization has no connection with this id (one of another organization included), changing nothing.
   */
  touchConnection(orgId: string, id: string, at: Date): Promise<void>;
  /**
   * Stores a new link; its `version` must be 1.
   *
   * @throws `CONFLICT` (reason `unique`, field `id`, `targetId` or `userName`); `INVALID_INPUT` when `version` is not 1.
   */
  insertLink(link: ProvisioningLink): Promise<ProvisioningLink>;
  /** The link with this id of this connection and resource type in this organization, or `undefined`. */
  getLink(
    orgId: string,
    connectionId: string,
    resourceType: ProvisioningResourceType,
    id: string,
  ): Promise<ProvisioningLink | undefined>;
  /** The link of this connection and resource type whose target is `targetId`, or `undefined`. */
  findLinkByTarget(
    orgId: string,
    connectionId: string,
    resourceType: ProvisioningResourceType,
    targetId: string,
  ): Promise<ProvisioningLink | undefined>;
  /**
   * Replaces the link read at `expectedVersion` and returns it as stored
   * (`version` = `expectedVersion + 1`, `createdAt` as stored). The link is
   * the one with `link.id` of `link.orgId`, `link.connectionId` and
   * `link.resourceType`.
   *
   * @throws `CONFLICT` (reason `stale-version`, or `unique` with the field taken); `NOT_FOUND` when gone.
   */
  updateLink(link: ProvisioningLink, expectedVersion: number): Promise<ProvisioningLink>;
  /**
   * Deletes the link (at whatever version) and its group memberships (as a
   * group: its members; as a user: the groups it is in). Its id is never found again;
   * not reusing it is the caller's part (SCIM ids are uuids).
   *
   * @throws `NOT_FOUND` when there is no such link.
   */
  deleteLink(
    orgId: string,
    connectionId: string,
    resourceType: ProvisioningResourceType,
    id: string,
  ): Promise<void>;
  /**
   * One window of the links of a connection and resource type that match
   * `query.filter`, by `createdAt` then `id`, with the total that match.
   *
   * @throws `INVALID_INPUT` for a bad filter (see the adapter kit's
   * `checkLinkFilter`), or a `startIndex` (an integer from 1) or `count`
   * (an integer from 0 to 1000) out of range.
   */
  listLinks(
    orgId: string,
    connectionId: string,
    resourceType: ProvisioningResourceType,
    query: LinkListQuery,
  ): Promise<LinkListPage>;
  /**
   * Adds User links to a Group link's SCIM members; those already members
   * are skipped. Every id must be a link of this organization, connection
   * and the right resource type (the group a `Group` link, the members
   * `User` links).
   *
   * @returns the ids added, in the order given, without repeats.
   * @throws `NOT_FOUND` (naming the first link that is not there), changing nothing.
   */
  addGroupMembers(
    orgId: string,
    connectionId: string,
    groupLinkId: string,
    userLinkIds: readonly string[],
  ): Promise<string[]>;
  /**
   * Removes User links from a Group link's SCIM members; ids that are not
   * members (or not links at all) are skipped.
   *
   * @returns the ids removed, in the order given, without repeats.
   * @throws `NOT_FOUND` when the group link is not there.
   */
  removeGroupMembers(
    orgId: string,
    connectionId: string,
    groupLinkId: string,
    userLinkIds: readonly string[],
  ): Promise<string[]>;
  /**
   * The SCIM members of these Group links of the connection, by
   * `groupLinkId` then `userLinkId` (ascending, by code units); ids that are
   * not group links of the connection have none.
   */
  listGroupMembers(
    orgId: string,
    connectionId: string,
    groupLinkIds: readonly string[],
  ): Promise<GroupMemberLink[]>;
  /** The ids of the connection's Group links this User link is a SCIM member of, ascending. */
  listMemberGroups(orgId: string, connectionId: string, userLinkId: string): Promise<string[]>;
  /**
   * Deletes every connection and link of the organization and their
   * group memberships (for `deleteOrganization`), returning how many rows in all.
   */
  deleteAllInOrganization(orgId: string): Promise<number>;
}
