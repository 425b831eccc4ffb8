import type { AuditEvent, AuditListQuery, Page, StoreTransaction } from '@rosterkit/core';
import {
  checkAuditTargets,
  checkNewRows,
  checkPageLimit,
  compareText,
  decodeInstantCursor,
  encodeInstantCursor,
  notFound,
  staleVersion,
} from '@rosterkit/core/adapter';
import { listAccounts } from './account-list.js';
import { copyRow } from './copy-row.js';
import { firstAfter } from './first-after.js';
import { listInvitations } from './invitation-list.js';
import { outboxRepository } from './outbox-repository.js';
import { provisioningRepository } from './provisioning-repository.js';
import { roleRepository } from './role-repository.js';
import { key, type TableView } from './table.js';
import type { Views } from './tables.js';
import { insertAll, stored, tenantRepository } from './tenant-repository.js';

const clone = <T>(row: T): T => copyRow(row);
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  compareText(a.name, b.name) || compareText(a.id, b.id);

interface Position {
  readonly at: number;
  readonly id: string;
}

// Newest first, ties by id descending.
function compareEvents(a: Position, b: Position): number {
  return Math.sign(b.at - a.at) || compareText(b.id, a.id);
}

/** The events a query is about: one target's, several targets' (each once), or the organization's. */
function auditRows(view: TableView<AuditEvent>, query: AuditListQuery): AuditEvent[] {
  const { orgId, target, targets } = query;
  if (targets !== undefined) {
    checkAuditTargets(targets);
    const seen = new Set<string>();
    return targets
      .filter((one) => target === undefined || (one.type === target.type && one.id === target.id))
      .flatMap((one) => {
        const indexKey = key(orgId, one.type, one.id);
        if (seen.has(indexKey)) return [];
        seen.add(indexKey);
        return view.rowsBy('target', indexKey);
      });
  }
  return target === undefined
    ? view.rowsBy('org', orgId)
    : view.rowsBy('target', key(orgId, target.type, target.id));
}

function listAuditEvents(view: TableView<AuditEvent>, query: AuditListQuery): Page<AuditEvent> {
  checkPageLimit(query.limit);
  const cursor = query.cursor === undefined ? undefined : decodeInstantCursor(query.cursor);
  const after = cursor === undefined ? undefined : { at: cursor.at.getTime(), id: cursor.id };
  const rows = auditRows(view, query);
  const sorted = rows
    .map((event) => ({ event, at: event.at.getTime(), id: event.id }))
    .sort(compareEvents);
  const start =
    after === undefined ? 0 : firstAfter(sorted, (row) => compareEvents(row, after) > 0);
  const items = sorted.slice(start, start + query.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => clone(row.event)),
    nextCursor:
      start + items.length < sorted.length && last !== undefined
        ? encodeInstantCursor({ at: new Date(last.at), id: last.id })
        : null,
    total: sorted.length,
  };
}

/**
 * The repositories of one transaction over its views. `views` throws once
 * the transaction has ended, so a leaked `tx` cannot write behind its back.
 *
 * @internal
 */
export function createTransaction(views: () => Views): StoreTransaction<undefined> {
  const accounts = tenantRepository(
    () => views().accounts,
    'Account',
    (previous, next) => ({
      ...next,
      lastSeenAt: previous.lastSeenAt,
    }),
  );
  const spaces = tenantRepository(() => views().spaces, 'Space');
  const memberships = tenantRepository(() => views().memberships, 'Membership');
  const groups = tenantRepository(() => views().groups, 'Group');
  const invitations = tenantRepository(() => views().invitations, 'Invitation');

  return {
    // Nothing of the store's own to offer a host's writes (see MemoryStore).
    native: undefined,
    organizations: {
      async get(id) {
        const row = views().organizations.get(id);
        return row === undefined ? undefined : clone(row);
      },
      async insert(row) {
        checkNewRows([row]);
        const copy = clone(row);
        views().organizations.insert(copy);
        return clone(copy);
      },
      async update(row) {
        const view = views().organizations;
        const previous = atVersion(view, row.id, row.version);
        const next = { ...clone(row), version: row.version + 1 };
        view.replace(previous, next);
        return clone(next);
      },
      async delete(id, version) {
        const view = views().organizations;
        view.remove(atVersion(view, id, version));
      },
      // The runner holds an organization for one transaction at a time, so
      // the count holds until this one ends without a lock of its own.
      async countSeats(orgId) {
        const { accounts: accountView, memberships: membershipView, invitations } = views();
        const activeMembers = accountView
          .rowsBy('org', orgId)
          .filter(
            (account) =>
              account.status === 'active' &&
              membershipView
                .rowsBy('account', key(orgId, account.id))
                .some((membership) => membership.state === 'member'),
          ).length;
        const pendingInvitations = invitations
          .rowsBy('org', orgId)
          .filter((invitation) => invitation.status === 'pending').length;
        return { activeMembers, pendingInvitations };
      },
    },
    accounts: {
      ...accounts,
      async findByEmail(orgId, email) {
        const view = views().accounts;
        const id = view.idBy('email', key(orgId, email));
        const row = id === undefined ? undefined : stored(view, orgId, id);
        return row === undefined ? undefined : clone(row);
      },
      async findByEmails(orgId, emails) {
        const view = views().accounts;
        return [...new Set(emails)].flatMap((email) => {
          const id = view.idBy('email', key(orgId, email));
          const row = id === undefined ? undefined : stored(view, orgId, id);
          return row === undefined ? [] : [clone(row)];
        });
      },
      async findByExternalId(orgId, externalId) {
        const view = views().accounts;
        const id = view.idBy('externalId', key(orgId, externalId));
        const row = id === undefined ? undefined : stored(view, orgId, id);
        return row === undefined ? undefined : clone(row);
      },
      async list(query) {
        const { accounts, memberships, invitations } = views();
        return listAccounts({ accounts, memberships, invitations }, query);
      },
      async setLastSeen(orgId, id, at) {
        const view = views().accounts;
        const row = stored(view, orgId, id);
        if (row === undefined) throw notFound('Account', id);
        if (row.lastSeenAt !== null && row.lastSeenAt.getTime() >= at.getTime()) return;
        view.replace(row, { ...row, lastSeenAt: new Date(at.getTime()) });
      },
    },
    spaces: {
      ...spaces,
      async listByOrganization(orgId) {
        return views()
          .spaces.rowsBy('org', orgId)
          .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || byName(a, b))
          .map(clone);
      },
    },
    memberships: {
      ...memberships,
      async find(orgId, accountId, spaceId) {
        const view = views().memberships;
        const id = view.idBy('accountSpace', key(orgId, accountId, spaceId));
        const row = id === undefined ? undefined : view.get(id);
        return row === undefined ? undefined : clone(row);
      },
      async listByAccounts(orgId, accountIds) {
        const view = views().memberships;
        return [...new Set(accountIds)].flatMap((accountId) =>
          view.rowsBy('account', key(orgId, accountId)).map(clone),
        );
      },
      async listReports(orgId, managerId) {
        return views()
          .memberships.rowsBy('manager', key(orgId, managerId))
          .filter((row) => row.state === 'member')
          .map(clone);
      },
      async listReportsOf(orgId, managerIds) {
        const view = views().memberships;
        return [...new Set(managerIds)].flatMap((managerId) =>
          view
            .rowsBy('manager', key(orgId, managerId))
            .filter((row) => row.state === 'member')
            .map(clone),
        );
      },
      async listBySpace(orgId, spaceId) {
        return views()
          .memberships.rowsBy('space', key(orgId, spaceId))
          .filter((row) => row.state === 'member')
          .map(clone);
      },
      async listByGroup(orgId, groupId) {
        return views().memberships.rowsBy('group', key(orgId, groupId)).map(clone);
      },
      async countByGroups(orgId, groupIds) {
        const view = views().memberships;
        return Object.fromEntries(
          groupIds.map((id) => [id, view.rowsBy('group', key(orgId, id)).length]),
        );
      },
    },
    groups: {
      ...groups,
      async listBySpace(orgId, spaceId) {
        return views().groups.rowsBy('space', key(orgId, spaceId)).sort(byName).map(clone);
      },
    },
    invitations: {
      ...invitations,
      async findByTokenHash(tokenHash) {
        const view = views().invitations;
        const id = view.idBy('tokenHash', tokenHash);
        const row = id === undefined ? undefined : view.get(id);
        return row === undefined ? undefined : clone(row);
      },
      async listByAccount(orgId, accountId) {
        return views()
          .invitations.rowsBy('account', key(orgId, accountId))
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || compareText(b.id, a.id))
          .map(clone);
      },
      async list(query) {
        return listInvitations(views().invitations, query);
      },
    },
    auditEvents: {
      async append(event) {
        views().auditEvents.insert(clone(event));
      },
      async appendMany(events) {
        insertAll(views().auditEvents, events);
      },
      async list(query) {
        return listAuditEvents(views().auditEvents, query);
      },
      async deleteAllInOrganization(orgId) {
        const view = views().auditEvents;
        const rows = view.rowsBy('org', orgId);
        for (const row of rows) view.remove(row);
        return rows.length;
      },
      async eraseSnapshots(orgId, targets) {
        const view = views().auditEvents;
        let changed = 0;
        for (const target of targets) {
          for (const row of view.rowsBy('target', key(orgId, target.type, target.id))) {
            if (row.before === null && row.after === null) continue;
            view.replace(row, { ...row, before: null, after: null });
            changed += 1;
          }
        }
        return changed;
      },
    },
    outbox: outboxRepository(() => views().outbox),
    roles: roleRepository(
      () => views().roles,
      () => views().memberships,
      () => views().invitations,
    ),
    provisioning: provisioningRepository(
      () => views().provisioningConnections,
      () => views().provisioningLinks,
      () => views().provisioningGroupMembers,
    ),
  };
}

function atVersion<T extends { id: string; version: number }>(
  view: TableView<T>,
  id: string,
  version: number,
): T {
  const row = view.get(id);
  if (row === undefined) throw notFound('Organization', id);
  if (row.version !== version) throw staleVersion('Organization', id);
  return row;
}
