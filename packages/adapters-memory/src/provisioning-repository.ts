import type {
  ProvisioningConnection,
  ProvisioningLink,
  ProvisioningRepository,
} from '@rosterkit/core';
import {
  checkLinkFilter,
  checkLinkWindow,
  checkNewRows,
  compareByCreation,
  compareText,
  matchesLinkFilter,
  notFound,
  staleVersion,
} from '@rosterkit/core/adapter';
import { copyRow } from './copy-row.js';
import { type GroupMemberRow, groupMemberRow } from './group-member-row.js';
import { key } from './table.js';
import { stored, type ViewOf } from './tenant-repository.js';

const clone = <T>(row: T): T => copyRow(row);

/**
 * The provisioning repository over its three tables: unique keys (token hash,
 * and per connection and type the target and the lower-cased `userName`; not
 * the `externalId`, which SCIM does not make unique) are the tables' indexes,
 * so a race is caught at commit like any other; a connection's links are
 * indexed by (organization, connection, type), and a listing filters and
 * sorts them in memory (an `externalId` filter too: it needs no index). A
 * SCIM group member is a row whose id is its pair of links (two transactions
 * adding the same member take the same id: the later commit is a
 * `CONFLICT`), indexed by group and by user, which is how a deleted link
 * takes its memberships along.
 *
 * @internal
 */
export function provisioningRepository(
  connections: ViewOf<ProvisioningConnection>,
  links: ViewOf<ProvisioningLink>,
  members: ViewOf<GroupMemberRow>,
): ProvisioningRepository {
  const ofConnection = (orgId: string, connectionId: string, resourceType: string) =>
    links().rowsBy('links', key(orgId, connectionId, resourceType));

  const findLink = (
    orgId: string,
    connectionId: string,
    resourceType: string,
    id: string,
  ): ProvisioningLink | undefined => {
    const row = stored(links(), orgId, id);
    return row !== undefined &&
      row.connectionId === connectionId &&
      row.resourceType === resourceType
      ? row
      : undefined;
  };

  const groupOf = (orgId: string, connectionId: string, groupLinkId: string) => {
    if (findLink(orgId, connectionId, 'Group', groupLinkId) === undefined) {
      throw notFound('ProvisioningLink', groupLinkId);
    }
  };

  // Either side: a link is only ever one of the two, but which one is its type's business.
  const removeMembershipsOf = (orgId: string, linkId: string): number => {
    const view = members();
    const rows = [
      ...view.rowsBy('group', key(orgId, linkId)),
      ...view.rowsBy('user', key(orgId, linkId)),
    ];
    for (const row of rows) view.remove(row);
    return rows.length;
  };

  return {
    async insertConnection(connection) {
      checkNewRows([connection]);
      const copy = clone(connection);
      connections().insert(copy);
      return clone(copy);
    },
    async getConnection(orgId, id) {
      const row = stored(connections(), orgId, id);
      return row === undefined ? undefined : clone(row);
    },
    async updateConnection(connection, expectedVersion) {
      const view = connections();
      const previous = stored(view, connection.orgId, connection.id);
      if (previous === undefined) throw notFound('ProvisioningConnection', connection.id);
      if (previous.version !== expectedVersion) {
        throw staleVersion('ProvisioningConnection', connection.id);
      }
      const next: ProvisioningConnection = {
        ...clone(connection),
        createdAt: previous.createdAt,
        version: expectedVersion + 1,
      };
      view.replace(previous, next);
      return clone(next);
    },
    async listConnections(orgId) {
      return connections().rowsBy('org', orgId).sort(compareByCreation).map(clone);
    },
    async findConnectionByTokenHash(tokenHash) {
      const view = connections();
      const id = view.idBy('tokenHash', tokenHash);
      const row = id === undefined ? undefined : view.get(id);
      return row === undefined ? undefined : clone(row);
    },
    async touchConnection(orgId, id, at) {
      const view = connections();
      const row = stored(view, orgId, id);
      if (row === undefined) throw notFound('ProvisioningConnection', id);
      // Never back in time, and never a version change (see the port).
      if (row.lastUsedAt !== null && row.lastUsedAt.getTime() >= at.getTime()) return;
      view.replace(row, { ...row, lastUsedAt: new Date(at.getTime()) });
    },
    async insertLink(link) {
      checkNewRows([link]);
      const copy = clone(link);
      links().insert(copy);
      return clone(copy);
    },
    async getLink(orgId, connectionId, resourceType, id) {
      const row = findLink(orgId, connectionId, resourceType, id);
      return row === undefined ? undefined : clone(row);
    },
    async findLinkByTarget(orgId, connectionId, resourceType, targetId) {
      const view = links();
      const id = view.idBy('targetId', key(orgId, connectionId, resourceType, targetId));
      const row = id === undefined ? undefined : view.get(id);
      return row === undefined ? undefined : clone(row);
    },
    async updateLink(link, expectedVersion) {
      const previous = findLink(link.orgId, link.connectionId, link.resourceType, link.id);
      if (previous === undefined) throw notFound('ProvisioningLink', link.id);
      if (previous.version !== expectedVersion) throw staleVersion('ProvisioningLink', link.id);
      const next: ProvisioningLink = {
        ...clone(link),
        createdAt: previous.createdAt,
        version: expectedVersion + 1,
      };
      links().replace(previous, next);
      return clone(next);
    },
    async deleteLink(orgId, connectionId, resourceType, id) {
      const row = findLink(orgId, connectionId, resourceType, id);
      if (row === undefined) throw notFound('ProvisioningLink', id);
      removeMembershipsOf(orgId, id);
      links().remove(row);
    },
    async listLinks(orgId, connectionId, resourceType, query) {
      const filter = query.filter === undefined ? undefined : checkLinkFilter(query.filter);
      checkLinkWindow(query.startIndex, query.count);
      const matching = ofConnection(orgId, connectionId, resourceType)
        .filter((row) => filter === undefined || matchesLinkFilter(row, filter))
        .sort(compareByCreation);
      const start = query.startIndex - 1;
      return {
        items: matching.slice(start, start + query.count).map(clone),
        total: matching.length,
      };
    },
    async addGroupMembers(orgId, connectionId, groupLinkId, userLinkIds) {
      groupOf(orgId, connectionId, groupLinkId);
      const ids = [...new Set(userLinkIds)];
      // Every id is checked before the first row is written: nothing half-added.
      for (const id of ids) {
        if (findLink(orgId, connectionId, 'User', id) === undefined) {
          throw notFound('ProvisioningLink', id);
        }
      }
      const view = members();
      const added: string[] = [];
      for (const id of ids) {
        const row = groupMemberRow(orgId, connectionId, groupLinkId, id);
        if (view.get(row.id) !== undefined) continue;
        view.insert(row);
        added.push(id);
      }
      return added;
    },
    async removeGroupMembers(orgId, connectionId, groupLinkId, userLinkIds) {
      groupOf(orgId, connectionId, groupLinkId);
      const view = members();
      const removed: string[] = [];
      for (const id of new Set(userLinkIds)) {
        const row = view.get(groupMemberRow(orgId, connectionId, groupLinkId, id).id);
        if (row === undefined || row.orgId !== orgId) continue;
        view.remove(row);
        removed.push(id);
      }
      return removed;
    },
    async listGroupMembers(orgId, connectionId, groupLinkIds) {
      const view = members();
      return [...new Set(groupLinkIds)].sort(compareText).flatMap((groupLinkId) =>
        view
          .rowsBy('group', key(orgId, groupLinkId))
          .filter((row) => row.connectionId === connectionId)
          .map((row) => row.userLinkId)
          .sort(compareText)
          .map((userLinkId) => ({ groupLinkId, userLinkId })),
      );
    },
    async listMemberGroups(orgId, connectionId, userLinkId) {
      return members()
        .rowsBy('user', key(orgId, userLinkId))
        .filter((row) => row.connectionId === connectionId)
        .map((row) => row.groupLinkId)
        .sort(compareText);
    },
    async deleteAllInOrganization(orgId) {
      let count = 0;
      for (const view of [members(), links(), connections()] as const) {
        const rows = view.rowsBy('org', orgId);
        for (const row of rows) view.remove(row as never);
        count += rows.length;
      }
      return count;
    },
  };
}
