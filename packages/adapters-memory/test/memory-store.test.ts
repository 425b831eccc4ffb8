import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildAccount,
  buildAuditEvent,
  buildInvitation,
  buildMembership,
  buildOrganization,
  buildOutboxMessage,
  buildProvisioningConnection,
  buildProvisioningLink,
} from '@rosterkit/conformance';
import { RosterError, type StoreTransaction } from '@rosterkit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStore } from '../src/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rosterkit-memory-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('memoryStore snapshot file', () => {
  it('round-trips every table, Dates included, through the file', async () => {
    const file = join(dir, 'roster.json');
    const org = buildOrganization({ id: 'org_1' });
    const ana = buildAccount({
      orgId: 'org_1',
      email: 'ana@acme.io',
      lastSeenAt: new Date('2026-03-01T10:00:00.000Z'),
      profile: { phone: '+44', extension: 204, remote: false, site: null },
    });
    const member = buildMembership({ orgId: 'org_1', accountId: ana.id, managerId: 'acc_boss' });
    const invitation = buildInvitation({ orgId: 'org_1' });
    const event = buildAuditEvent({ orgId: 'org_1', before: null });
    const message = buildOutboxMessage({ orgId: 'org_1', deliveredAt: new Date(0) });
    const first = memoryStore({ file });
    await first.transaction(async (tx) => {
      await tx.organizations.insert(org);
      await tx.accounts.insert(ana);
      await tx.memberships.insert(member);
      await tx.invitations.insert(invitation);
      await tx.auditEvents.append(event);
      await tx.outbox.append(message);
    });

    await first.close();
    const second = memoryStore({ file });
    const raw = second.inspect();
    expect(raw.organization('org_1')).toEqual(org);
    expect(raw.account('org_1', ana.id)).toEqual(ana);
    expect(raw.account('org_1', ana.id)?.lastSeenAt).toBeInstanceOf(Date);
    expect(raw.membership('org_1', member.id)).toEqual(member);
    expect(raw.invitation('org_1', invitation.id)).toEqual(invitation);
    expect(raw.auditEvents('org_1')).toEqual([event]);
    expect(raw.outbox()).toEqual([message]);
    // The indexes are rebuilt too.
    await second.transaction(async (tx) => {
      expect(await tx.accounts.findByEmail('org_1', 'ana@acme.io')).toEqual(ana);
      expect(await tx.memberships.listReports('org_1', 'acc_boss')).toEqual([member]);
      expect(await tx.invitations.findByTokenHash(invitation.tokenHash)).toEqual(invitation);
    });
    await second.close();
  });

  it('round-trips provisioning connections, links and SCIM group members, their indexes rebuilt', async () => {
    const file = join(dir, 'roster.json');
    const connection = buildProvisioningConnection({ orgId: 'org_1' });
    const link = (resourceType: 'User' | 'Group') =>
      buildProvisioningLink({ orgId: 'org_1', connectionId: connection.id, resourceType });
    const [group, ana, bo] = [link('Group'), link('User'), link('User')];
    const first = memoryStore({ file });
    await first.transaction(async (tx) => {
      await tx.provisioning.insertConnection(connection);
      for (const row of [group, ana, bo]) await tx.provisioning.insertLink(row);
      await tx.provisioning.addGroupMembers('org_1', connection.id, group.id, [bo.id, ana.id]);
    });
    await first.close();
    const second = memoryStore({ file });
    const raw = second.inspect();
    expect(raw.provisioningConnection('org_1', connection.id)).toEqual(connection);
    expect(raw.provisioningLink('org_1', group.id)).toEqual(group);
    const members = [ana.id, bo.id]
      .sort()
      .map((userLinkId) => ({ groupLinkId: group.id, userLinkId }));
    expect(
      raw.provisioningGroupMembers('org_1').sort((a, b) => (a.userLinkId < b.userLinkId ? -1 : 1)),
    ).toEqual(members);
    await second.transaction(async (tx) => {
      expect(await tx.provisioning.listGroupMembers('org_1', connection.id, [group.id])).toEqual(
        members,
      );
      expect(await tx.provisioning.listMemberGroups('org_1', connection.id, ana.id)).toEqual([
        group.id,
      ]);
      // The rebuilt rows are found by their key: adding again adds nothing, removing removes.
      expect(
        await tx.provisioning.addGroupMembers('org_1', connection.id, group.id, [ana.id]),
      ).toEqual([]);
      expect(
        await tx.provisioning.removeGroupMembers('org_1', connection.id, group.id, [bo.id]),
      ).toEqual([bo.id]);
    });
    await second.close();
  });

  it('reads a snapshot written before SCIM group members as having none, and refuses a bad member row', async () => {
    const file = join(dir, 'roster.json');
    const snapshot: Record<string, unknown> = { format: 'rosterkit-memory-store', version: 1 };
    for (const table of ['organizations', 'accounts', 'spaces', 'memberships', 'groups']) {
      snapshot[table] = [];
    }
    Object.assign(snapshot, { invitations: [], auditEvents: [], outbox: [] });
    writeFileSync(file, JSON.stringify(snapshot));
    const store = memoryStore({ file });
    expect(store.inspect().provisioningGroupMembers('org_1')).toEqual([]);
    await store.close();
    const bad = { orgId: 'org_1', connectionId: 'prc_1', groupLinkId: 'grp', userLinkId: 7 };
    writeFileSync(file, JSON.stringify({ ...snapshot, provisioningGroupMembers: [bad] }));
    expect(() => memoryStore({ file })).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        details: { issues: [expect.objectContaining({ path: ['userLinkId'] })] },
      }),
    );
  });

  it('starts empty when the file does not exist yet, and creates it on the first commit', async () => {
    const file = join(dir, 'roster.json');
    const store = memoryStore({ file });
    expect(readdirSync(dir)).toEqual(['roster.json.lock']);
    await store.transaction((tx) => tx.organizations.insert(buildOrganization()));
    expect(readdirSync(dir).sort()).toEqual(['roster.json', 'roster.json.lock']);
    await store.close();
    expect(readdirSync(dir)).toEqual(['roster.json']);
  });

  it('writes through a temporary file renamed over the snapshot, leaving no temporary behind', async () => {
    const file = join(dir, 'roster.json');
    const store = memoryStore({ file });
    for (let i = 0; i < 5; i += 1) {
      await store.transaction((tx) => tx.accounts.insert(buildAccount({ orgId: 'org_1' })));
      const text = readFileSync(file, 'utf8');
      expect(JSON.parse(text).accounts).toHaveLength(i + 1);
      expect(readdirSync(dir).sort()).toEqual(['roster.json', 'roster.json.lock']);
    }
    await store.close();
  });

  it('does not write a failed transaction, and does not commit one whose snapshot cannot be written', async () => {
    const file = join(dir, 'roster.json');
    const store = memoryStore({ file });
    await store.transaction((tx) => tx.organizations.insert(buildOrganization({ id: 'org_1' })));
    const before = readFileSync(file, 'utf8');
    await expect(
      store.transaction(async (tx) => {
        await tx.organizations.insert(buildOrganization({ id: 'org_2' }));
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(readFileSync(file, 'utf8')).toBe(before);
    await store.close();

    // A folder where the snapshot should be: the rename over it fails.
    const blocked = join(dir, 'blocked.json');
    const unwritable = memoryStore({ file: blocked });
    mkdirSync(blocked);
    await expect(
      unwritable.transaction((tx) => tx.organizations.insert(buildOrganization({ id: 'org_3' }))),
    ).rejects.toThrow();
    expect(unwritable.inspect().organization('org_3')).toBeUndefined();
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await unwritable.close();
  });

  it('refuses a file whose folder does not exist with INVALID_INPUT, leaving nothing behind', () => {
    expect(() => memoryStore({ file: join(dir, 'missing-dir', 'roster.json') })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a file that is not a snapshot, and invalid rows with INVALID_INPUT', () => {
    const file = join(dir, 'roster.json');
    writeFileSync(file, JSON.stringify({ hello: 'world' }));
    expect(() => memoryStore({ file })).toThrow(/not a rosterkit memory store snapshot/);
    // A store that failed to open does not keep the file locked.
    expect(readdirSync(dir)).toEqual(['roster.json']);
    const empty = { format: 'rosterkit-memory-store', version: 1 };
    const tables = ['organizations', 'accounts', 'spaces', 'memberships', 'groups', 'invitations'];
    const snapshot: Record<string, unknown> = { ...empty, auditEvents: [], outbox: [] };
    for (const table of tables) snapshot[table] = [];
    snapshot.accounts = [{ ...buildAccount(), email: 'not an email' }];
    writeFileSync(file, JSON.stringify(snapshot));
    expect(() => memoryStore({ file })).toThrow(RosterError);
  });
});

describe('memoryStore isolation of rows', () => {
  it('hands out copies: mutating what inspect or list returns never changes the store', async () => {
    const store = memoryStore();
    const ana = buildAccount({ orgId: 'org_1', profile: { site: 'north' } });
    await store.transaction((tx) => tx.accounts.insert(ana));
    const inspected = store.inspect().account('org_1', ana.id);
    if (inspected) inspected.profile.site = 'south';
    const page = await store.transaction((tx) =>
      tx.accounts.list({
        orgId: 'org_1',
        readFilter: { kind: 'all' },
        sort: { field: 'email', direction: 'asc' },
        limit: 10,
      }),
    );
    (page.items[0] as typeof ana).profile.site = 'east';
    expect(store.inspect().account('org_1', ana.id)).toEqual(ana);
  });

  it('copies on the way in: rows given to insertMany and appendMany, changed afterwards, change nothing stored', async () => {
    const store = memoryStore();
    const ana = buildAccount({ orgId: 'org_1', profile: { site: 'north' } });
    const invitation = buildInvitation({ orgId: 'org_1', accountId: ana.id, groupIds: ['grp_1'] });
    const event = buildAuditEvent({ orgId: 'org_1', after: { role: 'agent' } });
    const kept = structuredClone({ ana, invitation, event });
    await store.transaction(async (tx) => {
      await tx.accounts.insertMany([ana]);
      await tx.invitations.insertMany([invitation]);
      await tx.auditEvents.appendMany([event]);
      // Changed inside the transaction, after the call, and again after it.
      ana.profile.site = 'south';
      invitation.groupIds.push('grp_2');
    });
    ana.firstName = 'Changed';
    (event.after as { role: string }).role = 'owner';
    const peek = store.inspect();
    expect(peek.account('org_1', ana.id)).toEqual(kept.ana);
    expect(peek.invitation('org_1', invitation.id)).toEqual(kept.invitation);
    expect(peek.auditEvents('org_1')).toEqual([kept.event]);
  });

  it("keeps a transaction's writes its own until it commits, and a refused batch leaves no row and no index entry", async () => {
    const store = memoryStore();
    const first = buildAccount({ orgId: 'org_1' });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const writing = store.transaction(async (tx) => {
      await tx.accounts.insertMany([first]);
      expect(await tx.accounts.findByEmail('org_1', first.email)).toEqual(first);
      await held;
    });
    // While it is open, the committed store holds none of it (any other
    // transaction of org_1 waits for it, one of another organization reads
    // the committed rows).
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(store.inspect().account('org_1', first.id)).toBeUndefined();
    expect(store.inspect().auditEvents('org_1')).toEqual([]);
    release();
    await writing;
    expect(store.inspect().account('org_1', first.id)).toEqual(first);

    // A batch refused at its second row (a taken email) leaves neither row, in any index.
    const second = buildAccount({ orgId: 'org_1' });
    const clash = buildAccount({ orgId: 'org_1', email: first.email });
    await expect(
      store.transaction((tx) => tx.accounts.insertMany([second, clash])),
    ).rejects.toThrow();
    const after = await store.transaction(async (tx) => ({
      second: await tx.accounts.findByEmail('org_1', second.email),
      page: await tx.accounts.list({
        orgId: 'org_1',
        readFilter: { kind: 'all' },
        sort: { field: 'email', direction: 'asc' },
        limit: 10,
      }),
    }));
    expect(after.second).toBeUndefined();
    expect(after.page.items.map((account) => account.id)).toEqual([first.id]);
  });

  it('refuses a transaction object used after its transaction ended', async () => {
    const store = memoryStore();
    let leaked: StoreTransaction | undefined;
    await store.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked?.organizations.get('org_1')).rejects.toThrow(/transaction has ended/);
  });

  it('runs the transactions of one organization one at a time, in the order they touch it', async () => {
    const store = memoryStore();
    const order: string[] = [];
    const slow = store.transaction(async (tx) => {
      await tx.organizations.get('org_1');
      order.push('slow start');
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('slow end');
    });
    const fast = store.transaction(async (tx) => {
      await tx.accounts.get('org_1', 'acc_1');
      order.push('fast');
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(['slow start', 'slow end', 'fast']);
  });
});
