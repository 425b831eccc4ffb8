import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterRoutes } from '../src/index.js';
import { outboxRoutes } from '../src/routes/outbox-routes.js';
import { permissionRoutes } from '../src/routes/permission-routes.js';
import { provisioningRoutes } from '../src/routes/provisioning-routes.js';
import { roleRoutes } from '../src/routes/role-routes.js';
import { structureRoutes } from '../src/routes/structure-routes.js';
import { expectRoute } from './support/expect-route.js';
import type { Json } from './support/json.js';
import { addPerson, startApi, type TestApi } from './support/server.js';

// Every route of the table, driven over a real HTTP server with fetch, in
// the order a product would use them; the last test checks none was missed
// (the structure, role, permission and outbox routes have their own files, each of
// which checks it drove all of its group).

let api: TestApi;
let admin: string;
const driven = new Set<string>();
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await startApi();
  admin = api.signIn(api.ownerId);
});
afterAll(() => api.close());

describe('every route over HTTP', () => {
  it('reads accounts: one with its ETag, the list from a query string', async () => {
    const one = (await expectRoute(
      driven,
      'getAccount',
      await api.call(`/accounts/${api.ownerId}`, { token: admin }),
    )) as Json;
    expect(one.account.email).toBe('ana@acme.io');
    const list = (await expectRoute(
      driven,
      'listAccounts',
      await api.call('/accounts?search=ana&status=active,pending&sort=-createdAt&limit=10', {
        token: admin,
      }),
    )) as Json;
    expect(list.total).toBe(1);
    expect(list.items[0].account.id).toBe(api.ownerId);
  });

  it('invites, resends, accepts (unauthenticated) and revokes', async () => {
    const issued = (await expectRoute(
      driven,
      'invite',
      await api.call('/invitations', {
        method: 'POST',
        token: admin,
        json: { email: 'bo@acme.io', role: 'agent' },
      }),
    )) as Json;
    expect(issued.invitation).not.toHaveProperty('tokenHash');
    expect(issued.token).toEqual(expect.any(String));
    const resent = (await expectRoute(
      driven,
      'resendInvitation',
      await api.call(`/invitations/${issued.invitation.id}/resend`, {
        method: 'POST',
        token: admin,
      }),
    )) as Json;
    expect(resent.token).not.toBe(issued.token);
    const accepted = (await expectRoute(
      driven,
      'acceptInvitation',
      await api.call('/invitations/accept', {
        method: 'POST',
        json: { token: resent.token, firstName: 'Bo', lastName: 'Li' },
      }),
    )) as Json;
    expect(accepted.account.status).toBe('active');
    ids.bo = accepted.account.id;
    const other = (await (
      await api.call('/invitations', {
        method: 'POST',
        token: admin,
        json: { email: 'cy@acme.io', role: 'agent' },
      })
    ).json()) as Json;
    const revoked = (await expectRoute(
      driven,
      'revokeInvitation',
      await api.call(`/invitations/${other.invitation.id}`, { method: 'DELETE', token: admin }),
    )) as Json;
    expect(revoked.status).toBe('revoked');
  });

  it('lists invitations with their list status, and an invitee declines (unauthenticated)', async () => {
    const issued = (await (
      await api.call('/invitations', {
        method: 'POST',
        token: admin,
        json: { email: 'fay@acme.io', role: 'agent' },
      })
    ).json()) as Json;
    const pending = (await expectRoute(
      driven,
      'listInvitations',
      await api.call('/invitations?status=pending&limit=10', { token: admin }),
    )) as Json;
    expect(pending.items.map((item: Json) => [item.email, item.listStatus])).toEqual([
      ['fay@acme.io', 'pending'],
    ]);
    expect(pending.items[0]).not.toHaveProperty('tokenHash');
    const team = (await (
      await api.call(`/spaces/${api.defaultSpaceId}/members?includePending=true&search=fay`, {
        token: admin,
      })
    ).json()) as Json;
    expect(team.items.map((item: Json) => item.account.status)).toEqual(['pending']);
    const declined = (await expectRoute(
      driven,
      'declineInvitation',
      await api.call('/invitations/decline', { method: 'POST', json: { token: issued.token } }),
    )) as Json;
    expect([declined.id, declined.status]).toEqual([issued.invitation.id, 'declined']);
    expect(declined).not.toHaveProperty('tokenHash');
    // A used token gets the one answer every unusable token gets.
    const again = await api.call('/invitations/decline', {
      method: 'POST',
      json: { token: issued.token },
    });
    expect([again.status, ((await again.json()) as Json).code]).toEqual([404, 'NOT_FOUND']);
    const all = (await (
      await api.call('/invitations?status=revoked,declined', { token: admin })
    ).json()) as Json;
    expect(all.items.map((item: Json) => item.listStatus).sort()).toEqual(['declined', 'revoked']);
    const bad = await api.call('/invitations?status=lost', { token: admin });
    expect([bad.status, ((await bad.json()) as Json).code]).toEqual([400, 'INVALID_INPUT']);
    const withoutPending = (await (
      await api.call(`/spaces/${api.defaultSpaceId}/members?includePending=maybe`, {
        token: admin,
      })
    ).json()) as Json;
    expect(withoutPending.code).toBe('INVALID_INPUT');
  });

  it('creates a space and a group, and manages a member there', async () => {
    const space = (await expectRoute(
      driven,
      'createSpace',
      await api.call('/spaces', { method: 'POST', token: admin, json: { name: 'Leeds' } }),
    )) as Json;
    ids.space = space.id;
    const group = (await expectRoute(
      driven,
      'createGroup',
      await api.call(`/spaces/${space.id}/groups`, {
        method: 'POST',
        token: admin,
        json: { name: 'Sales', kind: 'queue' },
      }),
    )) as Json;
    const member = `/spaces/${space.id}/members/${ids.bo}`;
    const added = (await expectRoute(
      driven,
      'addToTeam',
      await api.call(member, { method: 'PUT', token: admin, json: { role: 'agent' } }),
    )) as Json;
    expect(added.state).toBe('member');
    const team = (await expectRoute(
      driven,
      'listMembers',
      await api.call(`/spaces/${space.id}/members?sort=email`, { token: admin }),
    )) as Json;
    expect(team.items.map((item: Json) => item.account.id)).toEqual([ids.bo]);
    const changed = await api.call(`${member}/role`, {
      method: 'PUT',
      token: admin,
      headers: { 'if-match': `"${added.version}"` },
      json: { role: 'manager' },
    });
    expect(changed.headers.get('etag')).toBe(`"${added.version + 1}"`);
    expect(((await expectRoute(driven, 'changeRole', changed)) as Json).role).toBe('manager');
    const restricted = (await expectRoute(
      driven,
      'setRestrictions',
      await api.call(`${member}/restrictions`, {
        method: 'PUT',
        token: admin,
        json: { restrictions: ['no-export'] },
      }),
    )) as Json;
    expect(restricted.restrictions).toEqual(['no-export']);
    const grouped = (await expectRoute(
      driven,
      'assignGroups',
      await api.call(`${member}/groups`, {
        method: 'PUT',
        token: admin,
        json: { groupIds: [group.id] },
      }),
    )) as Json;
    expect(grouped.groupIds).toEqual([group.id]);
    const managed = (await expectRoute(
      driven,
      'setManager',
      await api.call(`${member}/manager`, {
        method: 'PUT',
        token: admin,
        json: { managerId: null },
      }),
    )) as Json;
    expect(managed.managerId).toBeNull();
    const removed = (await expectRoute(
      driven,
      'removeFromTeam',
      await api.call(member, { method: 'DELETE', token: admin }),
    )) as Json;
    expect(removed.state).toBe('account-only');
  });

  it('edits a profile with If-Match, deactivates and reactivates, asks for a reset, reads history', async () => {
    const current = (await (
      await api.call(`/accounts/${ids.bo}`, { token: admin })
    ).json()) as Json;
    const updated = (await expectRoute(
      driven,
      'updateProfile',
      await api.call(`/accounts/${ids.bo}`, {
        method: 'PATCH',
        token: admin,
        headers: { 'if-match': `"${current.account.version}"` },
        json: { firstName: 'Bob' },
      }),
    )) as Json;
    expect(updated.firstName).toBe('Bob');
    const deactivated = (await expectRoute(
      driven,
      'deactivate',
      await api.call(`/accounts/${ids.bo}/deactivate`, { method: 'POST', token: admin }),
    )) as Json;
    expect(deactivated.status).toBe('deactivated');
    const reactivated = (await expectRoute(
      driven,
      'reactivate',
      await api.call(`/accounts/${ids.bo}/reactivate`, { method: 'POST', token: admin, json: {} }),
    )) as Json;
    expect(reactivated.status).toBe('active');
    await expectRoute(
      driven,
      'requestPasswordReset',
      await api.call(`/accounts/${ids.bo}/password-reset`, { method: 'POST', token: admin }),
    );
    const history = (await expectRoute(
      driven,
      'history',
      await api.call(`/accounts/${ids.bo}/history`, { token: admin }),
    )) as Json;
    expect(history.events.map((event: Json) => event.action)).toEqual(
      expect.arrayContaining(['deactivate', 'reactivate']),
    );
    const first = (await (
      await api.call(`/accounts/${ids.bo}/history?limit=1`, { token: admin })
    ).json()) as Json;
    expect([first.events.length, first.total]).toEqual([1, history.total]);
    const second = (await (
      await api.call(
        `/accounts/${ids.bo}/history?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`,
        { token: admin },
      )
    ).json()) as Json;
    expect(second.events[0].id).toBe(history.events[1].id);
    const zero = await api.call(`/accounts/${ids.bo}/history?limit=0`, { token: admin });
    expect([zero.status, ((await zero.json()) as Json).code]).toEqual([400, 'INVALID_INPUT']);
  });

  it('links an account to the host’s user id, once', async () => {
    const linked = await api.call(`/accounts/${ids.bo}/external-id`, {
      method: 'PUT',
      token: admin,
      json: { externalId: 'idp|bo' },
    });
    const account = (await expectRoute(driven, 'linkExternalId', linked)) as Json;
    expect(account.externalId).toBe('idp|bo');
    expect(linked.headers.get('etag')).toBe(`"${account.version}"`);
    const other = await api.call(`/accounts/${ids.bo}/external-id`, {
      method: 'PUT',
      token: admin,
      json: { externalId: 'idp|someone-else' },
    });
    expect([other.status, ((await other.json()) as Json).code]).toEqual([
      409,
      'INVALID_TRANSITION',
    ]);
    const stale = await api.call(`/accounts/${ids.bo}/external-id`, {
      method: 'PUT',
      token: admin,
      headers: { 'if-match': `"${account.version - 1}"` },
      json: { externalId: 'idp|bo' },
    });
    expect(stale.status).toBe(412);
  });

  it('reassigns reports, reads presence, records activity', async () => {
    const dee = await addPerson(api, 'dee@acme.io', 'agent', { managerId: ids.bo as string });
    const moved = (await expectRoute(
      driven,
      'reassignReports',
      await api.call(`/accounts/${ids.bo}/reassign-reports`, {
        method: 'POST',
        token: admin,
        json: { reassignment: { to: api.ownerId } },
      }),
    )) as Json;
    expect(moved.map((membership: Json) => [membership.accountId, membership.managerId])).toEqual([
      [dee, api.ownerId],
    ]);
    const bo = api.signIn(ids.bo as string);
    const seen = (await expectRoute(
      driven,
      'recordActivity',
      await api.call('/me/activity', { method: 'POST', token: bo }),
    )) as Json;
    expect(seen.lastSeenAt).toBe(api.clock.now().toISOString());
    const presence = (await expectRoute(
      driven,
      'presence',
      await api.call(`/presence?accountIds=${ids.bo},${dee}`, { token: admin }),
    )) as Json;
    expect(presence.map((entry: Json) => entry.status)).toEqual(['online', 'offline']);
    ids.dee = dee;
  });

  it('runs bulk import and update from JSON rows, with a dry run', async () => {
    const dry = (await expectRoute(
      driven,
      'bulkImport',
      await api.call('/bulk/import?dryRun=true', {
        method: 'POST',
        token: admin,
        json: {
          rows: [
            { rowNumber: 2, email: 'eve@acme.io', role: 'agent' },
            { rowNumber: 3, email: 'bad', role: 'agent' },
          ],
        },
      }),
    )) as Json;
    expect(dry.dryRun).toBe(true);
    expect(dry.rows.map((row: Json) => row.status)).toEqual(['created', 'failed']);
    const list = (await (await api.call('/accounts?search=eve', { token: admin })).json()) as Json;
    expect(list.total).toBe(0);
    const update = (await expectRoute(
      driven,
      'bulkUpdate',
      await api.call('/bulk/update', {
        method: 'POST',
        token: admin,
        json: { rows: [{ rowNumber: 2, email: 'dee@acme.io', role: 'manager' }] },
      }),
    )) as Json;
    expect(update.counts).toEqual({ created: 0, updated: 1, unchanged: 0, failed: 0 });
  });

  it('deletes one’s own account', async () => {
    const dee = api.signIn(ids.dee as string);
    await expectRoute(
      driven,
      'deleteOwnAccount',
      await api.call('/me', { method: 'DELETE', token: dee }),
    );
    const after = await api.call(`/accounts/${ids.dee}`, { token: admin });
    expect([after.status, ((await after.json()) as Json).code]).toEqual([404, 'NOT_FOUND']);
    // The deleted person's session now names nobody: 401, not a 404 of some resource.
    const again = await api.call('/me/activity', { method: 'POST', token: dee });
    expect([again.status, ((await again.json()) as Json).code]).toEqual([401, 'ACTOR_UNKNOWN']);
    expect(again.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('renames, changes plan, transfers ownership and deletes the organization', async () => {
    const read = await api.call('/organization', { token: admin });
    const organization = (await expectRoute(driven, 'getOrganization', read)) as Json;
    expect([organization.id, read.headers.get('etag')]).toEqual([
      api.orgId,
      `"${organization.version}"`,
    ]);
    const stale = await api.call('/organization/name', {
      method: 'PUT',
      token: admin,
      headers: { 'if-match': `"${organization.version + 1}"` },
      json: { name: 'Never' },
    });
    expect([stale.status, ((await stale.json()) as Json).code]).toEqual([
      412,
      'PRECONDITION_FAILED',
    ]);
    const renamed = (await expectRoute(
      driven,
      'renameOrganization',
      await api.call('/organization/name', {
        method: 'PUT',
        token: admin,
        json: { name: 'Acme Ltd' },
      }),
    )) as Json;
    expect(renamed.name).toBe('Acme Ltd');
    const plan = (await expectRoute(
      driven,
      'changePlan',
      await api.call('/organization/plan', {
        method: 'PUT',
        token: admin,
        json: { plan: 'professional' },
      }),
    )) as Json;
    expect(plan.plan).toBe('professional');
    const transferred = (await expectRoute(
      driven,
      'transferOwnership',
      await api.call('/organization/transfer-ownership', {
        method: 'POST',
        token: admin,
        json: { toAccountId: ids.bo, previousOwnerRole: 'manager' },
      }),
    )) as Json;
    expect(transferred.ownerId).toBe(ids.bo);
    const bo = api.signIn(ids.bo as string);
    const deleted = (await expectRoute(
      driven,
      'deleteOrganization',
      await api.call('/organization', {
        method: 'DELETE',
        token: bo,
        json: { confirmName: 'Acme Ltd' },
      }),
    )) as Json;
    expect(deleted.organizationId).toBe(api.orgId);
  });

  it('drove every route of the table', () => {
    const elsewhere = [
      ...structureRoutes,
      ...roleRoutes,
      ...permissionRoutes,
      ...outboxRoutes,
      ...provisioningRoutes,
    ].map((route) => route.operationId);
    expect([...new Set([...driven, ...elsewhere])].sort()).toEqual(
      rosterRoutes.map((route) => route.operationId).sort(),
    );
  });
});
