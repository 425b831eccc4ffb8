import type {
  LinkFilter,
  ProvisioningConnection,
  ProvisioningLink,
  ProvisioningRepository,
  ProvisioningResourceType,
} from '@rosterkit/core';
import {
  checkLinkFilter,
  checkLinkWindow,
  checkNewRows,
  type LinkFilterKeys,
  type LinkFilterTranslator,
  linkFilterKeys,
  notFound,
  staleVersion,
  translateLinkFilter,
  uniqueConflict,
} from '@rosterkit/core/adapter';
import type { RosterkitModelDelegate, RosterkitPrismaTransactionClient } from '../client.js';
import { isUniqueViolation } from '../errors.js';
import { anyRow, noRow, type PrismaWhere } from '../read-filter-where.js';

const connectionSubject = 'ProvisioningConnection';
const linkSubject = 'ProvisioningLink';
const memberSubject = 'ProvisioningGroupMember';

/** The stored shape of a connection: its group roles as JSON text. @internal */
export interface ConnectionRow extends Omit<ProvisioningConnection, 'groupRoles'> {
  groupRolesJson: string;
}

/** The stored shape of a link: its attributes as JSON text, and its filter columns. @internal */
export interface LinkRow extends Omit<ProvisioningLink, 'attributes'>, LinkFilterKeys {
  attributesJson: string;
}

/** @internal */
export function connectionToRow(connection: ProvisioningConnection): ConnectionRow {
  const { groupRoles, ...rest } = connection;
  return { ...rest, groupRolesJson: JSON.stringify(groupRoles) };
}

/** @internal */
export function connectionFromRow(row: ConnectionRow): ProvisioningConnection {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    spaceId: row.spaceId,
    defaultRole: row.defaultRole,
    onCreate: row.onCreate,
    groupRoles: JSON.parse(row.groupRolesJson) as Record<string, string>,
    status: row.status,
    tokenHash: row.tokenHash,
    tokenHint: row.tokenHint,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastUsedAt: row.lastUsedAt,
  };
}

/** @internal */
export function linkToRow(link: ProvisioningLink): LinkRow {
  const { attributes, ...rest } = link;
  return { ...rest, attributesJson: JSON.stringify(attributes), ...linkFilterKeys(link) };
}

/** @internal */
export function linkFromRow(row: LinkRow): ProvisioningLink {
  return {
    id: row.id,
    orgId: row.orgId,
    connectionId: row.connectionId,
    resourceType: row.resourceType,
    targetId: row.targetId,
    userName: row.userName,
    externalId: row.externalId,
    attributes: JSON.parse(row.attributesJson) as ProvisioningLink['attributes'],
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

// A link filter as Prisma's `where` on the filter columns (see the kit's translateLinkFilter).
const linkWhere: LinkFilterTranslator<PrismaWhere> = {
  column(name, condition) {
    switch (condition.test) {
      case 'equals':
        return { [name]: condition.value };
      case 'notNull':
        return { [name]: { not: null } };
      default:
        return { [name]: { [condition.test]: condition.value } };
    }
  },
  and: (parts) => ({ AND: [...parts] }),
  or: (parts) => ({ OR: [...parts] }),
  not: (part) => ({ NOT: part }),
  all: anyRow,
  none: noRow,
};

/** The Prisma `where` of a listing's filter. @internal */
export function linkFilterWhere(
  filter: LinkFilter,
  resourceType: ProvisioningResourceType,
): PrismaWhere {
  return translateLinkFilter(filter, resourceType, linkWhere);
}

// Which key a unique index of the migrations holds, by a name or a column a
// driver reports it with.
const keyOfIndex: readonly [RegExp, string][] = [
  [/tokenHash/, 'tokenHash'],
  [/links_target_key|targetId/, 'targetId'],
  [/userName/, 'userName'],
];

/** The key a driver's unique violation names, when it names one. */
function violatedKey(error: unknown): string | undefined {
  const e = error as {
    meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: unknown } } };
    message?: unknown;
  };
  const said = JSON.stringify([
    e.meta?.target ?? null,
    e.meta?.driverAdapterError?.cause?.constraint ?? null,
  ]);
  return keyOfIndex.find(([pattern]) => pattern.test(said))?.[1];
}

/** Runs a write; a unique violation (another transaction won a race) becomes `CONFLICT` (`unique`). */
async function guarded<V>(subject: string, id: string, write: () => PromiseLike<V>): Promise<V> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw uniqueConflict(subject, id, violatedKey(error));
    throw error;
  }
}

/**
 * The first unique key of `link` another link holds (its id, or per
 * connection and type its target or userName key; never its externalId,
 * which SCIM does not make unique), read before the write so that the
 * `CONFLICT` names it (a violation aborts a PostgreSQL transaction: nothing
 * can be read after it).
 */
async function takenLinkKey(
  delegate: RosterkitModelDelegate,
  row: LinkRow,
  isNew: boolean,
): Promise<string | undefined> {
  const scope = {
    orgId: row.orgId,
    connectionId: row.connectionId,
    resourceType: row.resourceType,
  };
  const keys: PrismaWhere[] = [
    { ...scope, targetId: row.targetId },
    { ...scope, userNameKey: row.userNameKey },
  ];
  if (isNew) keys.push({ id: row.id });
  const taken = (await delegate.findMany({
    where: { OR: keys, ...(isNew ? {} : { NOT: { id: row.id } }) },
    select: { id: true, targetId: true },
    take: 3,
  })) as Pick<LinkRow, 'id' | 'targetId'>[];
  if (taken.length === 0) return undefined;
  if (isNew && taken.some((other) => other.id === row.id)) return 'id';
  // What matched and is neither the id nor the target holds the userName key.
  return taken.some((other) => other.targetId === row.targetId) ? 'targetId' : 'userName';
}

async function takenTokenHash(
  delegate: RosterkitModelDelegate,
  row: ConnectionRow,
  isNew: boolean,
): Promise<string | undefined> {
  const taken = (await delegate.findMany({
    where: { OR: [{ tokenHash: row.tokenHash }, ...(isNew ? [{ id: row.id }] : [])] },
    select: { id: true },
    take: 2,
  })) as { id: string }[];
  const others = taken.filter((other) => isNew || other.id !== row.id);
  if (others.length === 0) return undefined;
  return isNew && others.some((other) => other.id === row.id) ? 'id' : 'tokenHash';
}

/** The stored version and creation time of a row, to tell NOT_FOUND from a stale write. */
async function current(
  delegate: RosterkitModelDelegate,
  where: PrismaWhere,
): Promise<{ version: number; createdAt: Date } | null> {
  return (await delegate.findFirst({ where, select: { version: true, createdAt: true } })) as {
    version: number;
    createdAt: Date;
  } | null;
}

/**
 * The provisioning repository over `rosterkit_provisioning_connections`,
 * `rosterkit_provisioning_links` and `rosterkit_provisioning_group_members`.
 * The unique indexes hold the uniques under races; each write reads first
 * which key is taken, so its `CONFLICT` names it. A listing is one count and
 * one page query on the `(orgId, connectionId, resourceType, createdAt, id)`
 * index, its filter translated by the adapter kit onto the filter columns
 * each row stores.
 *
 * A group member write is a constant number of statements whatever the
 * number of ids: one read of the links, one of the members already there,
 * one `createMany` or `deleteMany`. Two transactions adding the same member
 * meet at the primary key (the loser's unique violation runs its work again,
 * and it then finds the member there); a link deleted while another
 * transaction adds it to a group is what Serializable isolation refuses.
 *
 * @internal
 */
export function provisioningRepository(
  db: RosterkitPrismaTransactionClient,
): ProvisioningRepository {
  const connections = db.rosterkitProvisioningConnection;
  const links = db.rosterkitProvisioningLink;
  const members = db.rosterkitProvisioningGroupMember;
  const linkScope = (
    orgId: string,
    connectionId: string,
    resourceType: ProvisioningResourceType,
  ) => ({ orgId, connectionId, resourceType });
  const groupLink = async (orgId: string, connectionId: string, groupLinkId: string) => {
    const found = await links.findFirst({
      where: { id: groupLinkId, ...linkScope(orgId, connectionId, 'Group') },
      select: { id: true },
    });
    if (found === null) throw notFound(linkSubject, groupLinkId);
  };
  // The members among `userLinkIds` the group has (one query, whatever their number).
  const membersIn = async (groupLinkId: string, userLinkIds: readonly string[]) => {
    const rows = (await members.findMany({
      where: { groupLinkId, userLinkId: { in: [...userLinkIds] } },
      select: { userLinkId: true },
    })) as { userLinkId: string }[];
    return new Set(rows.map((row) => row.userLinkId));
  };

  return {
    async insertConnection(connection) {
      checkNewRows([connection]);
      const row = connectionToRow(connection);
      const taken = await takenTokenHash(connections, row, true);
      if (taken !== undefined) throw uniqueConflict(connectionSubject, connection.id, taken);
      await guarded(connectionSubject, connection.id, () =>
        connections.create({ data: row, select: { id: true } }),
      );
      return connectionFromRow(row);
    },
    async getConnection(orgId, id) {
      const row = (await connections.findFirst({ where: { id, orgId } })) as ConnectionRow | null;
      return row === null ? undefined : connectionFromRow(row);
    },
    async updateConnection(connection, expectedVersion) {
      const where = { id: connection.id, orgId: connection.orgId };
      const stored = await current(connections, where);
      if (stored === null) throw notFound(connectionSubject, connection.id);
      if (stored.version !== expectedVersion) throw staleVersion(connectionSubject, connection.id);
      const row = connectionToRow({
        ...connection,
        createdAt: stored.createdAt,
        version: expectedVersion + 1,
      });
      const taken = await takenTokenHash(connections, row, false);
      if (taken !== undefined) throw uniqueConflict(connectionSubject, connection.id, taken);
      const { id: _id, orgId: _orgId, createdAt: _createdAt, ...data } = row;
      const { count } = (await guarded(connectionSubject, connection.id, () =>
        connections.updateMany({ where: { ...where, version: expectedVersion }, data }),
      )) as { count: number };
      if (count !== 1) throw staleVersion(connectionSubject, connection.id);
      return connectionFromRow(row);
    },
    async listConnections(orgId) {
      const rows = (await connections.findMany({
        where: { orgId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      })) as ConnectionRow[];
      return rows.map(connectionFromRow);
    },
    async findConnectionByTokenHash(tokenHash) {
      const row = (await connections.findUnique({ where: { tokenHash } })) as ConnectionRow | null;
      return row === null ? undefined : connectionFromRow(row);
    },
    async touchConnection(orgId, id, at) {
      // Never back in time, and never a version change (see the port).
      const { count } = (await connections.updateMany({
        where: { orgId, id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: at } }] },
        data: { lastUsedAt: at },
      })) as { count: number };
      if (count === 0) {
        const exists = await connections.findFirst({ where: { orgId, id }, select: { id: true } });
        if (exists === null) throw notFound(connectionSubject, id);
      }
    },
    async insertLink(link) {
      checkNewRows([link]);
      const row = linkToRow(link);
      const taken = await takenLinkKey(links, row, true);
      if (taken !== undefined) throw uniqueConflict(linkSubject, link.id, taken);
      await guarded(linkSubject, link.id, () => links.create({ data: row, select: { id: true } }));
      return linkFromRow(row);
    },
    async getLink(orgId, connectionId, resourceType, id) {
      const row = (await links.findFirst({
        where: { id, ...linkScope(orgId, connectionId, resourceType) },
      })) as LinkRow | null;
      return row === null ? undefined : linkFromRow(row);
    },
    async findLinkByTarget(orgId, connectionId, resourceType, targetId) {
      const row = (await links.findFirst({
        where: { ...linkScope(orgId, connectionId, resourceType), targetId },
      })) as LinkRow | null;
      return row === null ? undefined : linkFromRow(row);
    },
    async updateLink(link, expectedVersion) {
      const where = { id: link.id, ...linkScope(link.orgId, link.connectionId, link.resourceType) };
      const stored = await current(links, where);
      if (stored === null) throw notFound(linkSubject, link.id);
      if (stored.version !== expectedVersion) throw staleVersion(linkSubject, link.id);
      const row = linkToRow({ ...link, createdAt: stored.createdAt, version: expectedVersion + 1 });
      const taken = await takenLinkKey(links, row, false);
      if (taken !== undefined) throw uniqueConflict(linkSubject, link.id, taken);
      const {
        id: _id,
        orgId: _orgId,
        connectionId: _connectionId,
        resourceType: _resourceType,
        createdAt: _createdAt,
        ...data
      } = row;
      const { count } = (await guarded(linkSubject, link.id, () =>
        links.updateMany({ where: { ...where, version: expectedVersion }, data }),
      )) as { count: number };
      if (count !== 1) throw staleVersion(linkSubject, link.id);
      return linkFromRow(row);
    },
    async deleteLink(orgId, connectionId, resourceType, id) {
      const { count } = (await links.deleteMany({
        where: { id, ...linkScope(orgId, connectionId, resourceType) },
      })) as { count: number };
      if (count !== 1) throw notFound(linkSubject, id);
      // Its memberships: a link is on the side of its type only (adds check the types).
      await members.deleteMany({
        where: { orgId, ...(resourceType === 'Group' ? { groupLinkId: id } : { userLinkId: id }) },
      });
    },
    async listLinks(orgId, connectionId, resourceType, query) {
      const filter = query.filter === undefined ? undefined : checkLinkFilter(query.filter);
      checkLinkWindow(query.startIndex, query.count);
      const scope = linkScope(orgId, connectionId, resourceType);
      const where =
        filter === undefined ? scope : { AND: [scope, linkFilterWhere(filter, resourceType)] };
      const total = (await links.count({ where })) as number;
      if (query.count === 0 || query.startIndex > total) return { items: [], total };
      const rows = (await links.findMany({
        where,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        skip: query.startIndex - 1,
        take: query.count,
      })) as LinkRow[];
      return { items: rows.map(linkFromRow), total };
    },
    async addGroupMembers(orgId, connectionId, groupLinkId, userLinkIds) {
      const ids = [...new Set(userLinkIds)];
      const found = (await links.findMany({
        where: { orgId, connectionId, id: { in: [groupLinkId, ...ids] } },
        select: { id: true, resourceType: true },
      })) as { id: string; resourceType: ProvisioningResourceType }[];
      const typeOf = new Map(found.map((link) => [link.id, link.resourceType]));
      if (typeOf.get(groupLinkId) !== 'Group') throw notFound(linkSubject, groupLinkId);
      const missing = ids.find((id) => typeOf.get(id) !== 'User');
      if (missing !== undefined) throw notFound(linkSubject, missing);
      if (ids.length === 0) return [];
      const there = await membersIn(groupLinkId, ids);
      const added = ids.filter((id) => !there.has(id));
      if (added.length > 0) {
        await guarded(memberSubject, groupLinkId, () =>
          members.createMany({
            data: added.map((userLinkId) => ({ groupLinkId, userLinkId, orgId, connectionId })),
          }),
        );
      }
      return added;
    },
    async removeGroupMembers(orgId, connectionId, groupLinkId, userLinkIds) {
      await groupLink(orgId, connectionId, groupLinkId);
      const ids = [...new Set(userLinkIds)];
      if (ids.length === 0) return [];
      const there = await membersIn(groupLinkId, ids);
      const removed = ids.filter((id) => there.has(id));
      if (removed.length > 0) {
        await members.deleteMany({ where: { groupLinkId, userLinkId: { in: removed } } });
      }
      return removed;
    },
    async listGroupMembers(orgId, connectionId, groupLinkIds) {
      if (groupLinkIds.length === 0) return [];
      return (await members.findMany({
        where: { orgId, connectionId, groupLinkId: { in: [...new Set(groupLinkIds)] } },
        select: { groupLinkId: true, userLinkId: true },
        orderBy: [{ groupLinkId: 'asc' }, { userLinkId: 'asc' }],
      })) as { groupLinkId: string; userLinkId: string }[];
    },
    async listMemberGroups(orgId, connectionId, userLinkId) {
      const rows = (await members.findMany({
        where: { orgId, connectionId, userLinkId },
        select: { groupLinkId: true },
        orderBy: { groupLinkId: 'asc' },
      })) as { groupLinkId: string }[];
      return rows.map((row) => row.groupLinkId);
    },
    async deleteAllInOrganization(orgId) {
      const left = (await members.deleteMany({ where: { orgId } })) as { count: number };
      const removed = (await links.deleteMany({ where: { orgId } })) as { count: number };
      const gone = (await connections.deleteMany({ where: { orgId } })) as { count: number };
      return left.count + removed.count + gone.count;
    },
  };
}
