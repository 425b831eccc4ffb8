import type { ActorApi, ProvisionerActor } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceContext, ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { type ScenarioOrg, seedScenario } from './scenario-roster.js';

/** Reads a connection past the repository when the adapter gives a raw reader, else through it. */
async function storedConnection(ctx: ConformanceContext, orgId: string, id: string) {
  if (ctx.raw.provisioningConnection !== undefined)
    return ctx.raw.provisioningConnection(orgId, id);
  return ctx.store.transaction((tx) => tx.provisioning.getConnection(orgId, id));
}

/** What "nothing changed" compares: the connections as stored, the audit trail, the outbox. */
async function stateOf(ctx: ConformanceContext, org: ScenarioOrg, connectionIds: string[]) {
  const orgId = org.organization.id;
  return [
    await Promise.all(connectionIds.map((id) => storedConnection(ctx, orgId, id))),
    await ctx.raw.auditEvents(orgId),
    await ctx.raw.outbox(),
  ];
}

async function expectUnchanged(
  ctx: ConformanceContext,
  org: ScenarioOrg,
  connectionIds: string[],
  command: () => Promise<unknown>,
  code: Parameters<typeof expectRosterError>[1],
  details?: Record<string, unknown>,
) {
  const before = await stateOf(ctx, org, connectionIds);
  await expectRosterError(command(), code, details);
  expect(await stateOf(ctx, org, connectionIds)).toEqual(before);
}

/** Every string in a value (dates as ISO strings), to scan a dump for a secret. */
function stringsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (value instanceof Date) into.add(value.toISOString());
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) stringsIn(item, into);
  return into;
}

const every = (api: ActorApi, connectionId: string) => [
  () => api.createProvisioningConnection({ name: 'Okta', defaultRole: 'agent' }),
  () => api.rotateProvisioningToken({ connectionId }),
  () => api.updateProvisioningConnection({ connectionId, name: 'Renamed' }),
  () => api.revokeProvisioningConnection({ connectionId }),
  () => api.listProvisioningConnections(),
];

/** Provisioning connections, managed by an organization's admins (DESIGN §8, SCIM 2.0). */
export const provisioningConnectionScenarios: ConformanceSuite = (test) => {
  test('Domain: an admin creates a provisioning connection; its token (shown once) authenticates a provisioner that can act; listed without a hash; audited without the hash', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    expect(await admin.can('manageProvisioning')).toBe(true);
    const { connection, token } = await admin.createProvisioningConnection({
      name: ' Okta ',
      defaultRole: 'agent',
    });
    expect(token).toMatch(/^rkscim_[A-Za-z0-9_-]{43}$/);
    expect(connection).toEqual({
      id: connection.id,
      orgId: org.organization.id,
      name: 'Okta',
      spaceId: org.organization.defaultSpaceId,
      defaultRole: 'agent',
      onCreate: 'activate',
      groupRoles: {},
      status: 'active',
      tokenHint: token.slice(-4),
      version: 1,
      createdAt: org.clock.now(),
      updatedAt: org.clock.now(),
      lastUsedAt: null,
    });
    const stored = await storedConnection(ctx, org.organization.id, connection.id);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const { tokenHash, ...view } = stored ?? { tokenHash: '' };
    expect(view).toEqual(connection);
    expect(await admin.listProvisioningConnections()).toEqual([connection]);

    org.clock.advance(1000);
    const found = await org.roster.authenticateProvisioner(token);
    const actor: ProvisionerActor = {
      kind: 'provisioner',
      orgId: org.organization.id,
      connectionId: connection.id,
    };
    expect(found).toEqual({ actor, connection: { ...connection, lastUsedAt: org.clock.now() } });
    const scim = org.roster.as(found?.actor ?? actor);
    expect((await scim.deactivate({ accountId: org.agentA.id })).status).toBe('deactivated');

    const events = (await ctx.raw.auditEvents(org.organization.id)).filter(
      (event) => event.target.type === 'ProvisioningConnection',
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'createProvisioningConnection',
      actor: { accountId: org.admin.id, orgId: org.organization.id },
      target: { type: 'ProvisioningConnection', id: connection.id },
      before: null,
      after: { id: connection.id, name: 'Okta', tokenHint: token.slice(-4) },
    });
    expect(JSON.stringify(events)).not.toContain(tokenHash);
    expect(JSON.stringify(events)).not.toContain(token);
  });

  test('Domain: authenticating records lastUsedAt at most once a minute and never bumps the version, so an admin’s edit stays current', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const { connection, token } = await admin.createProvisioningConnection({
      name: 'Okta',
      defaultRole: 'agent',
    });
    const first = org.clock.now();
    await org.roster.authenticateProvisioner(token);
    org.clock.advance(30_000);
    const again = await org.roster.authenticateProvisioner(token);
    expect(again?.connection.lastUsedAt).toEqual(first);
    expect((await storedConnection(ctx, org.organization.id, connection.id))?.lastUsedAt).toEqual(
      first,
    );
    org.clock.advance(31_000);
    const later = await org.roster.authenticateProvisioner(token);
    expect(later?.connection.lastUsedAt).toEqual(org.clock.now());
    const stored = await storedConnection(ctx, org.organization.id, connection.id);
    expect(stored).toMatchObject({ version: 1, lastUsedAt: org.clock.now() });
    const renamed = await admin.updateProvisioningConnection({
      connectionId: connection.id,
      version: 1,
      name: 'Okta (prod)',
      onCreate: 'invite',
    });
    expect(renamed).toMatchObject({ name: 'Okta (prod)', onCreate: 'invite', version: 2 });
    expect(renamed.lastUsedAt).toEqual(org.clock.now());
  });

  test('Domain: rotating gives a new token at once: the old one is null, the new one authenticates; audited with the hints; a stale version is CONFLICT and changes nothing', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const created = await admin.createProvisioningConnection({
      name: 'Okta',
      defaultRole: 'agent',
    });
    const id = created.connection.id;
    org.clock.advance(1000);
    const rotated = await admin.rotateProvisioningToken({ connectionId: id, version: 1 });
    expect(rotated.token).not.toBe(created.token);
    expect(rotated.connection).toMatchObject({
      version: 2,
      tokenHint: rotated.token.slice(-4),
      updatedAt: org.clock.now(),
    });
    expect(await org.roster.authenticateProvisioner(created.token)).toBeNull();
    expect((await org.roster.authenticateProvisioner(rotated.token))?.actor).toEqual({
      kind: 'provisioner',
      orgId: org.organization.id,
      connectionId: id,
    });
    const event = (await ctx.raw.auditEvents(org.organization.id)).find(
      (e) => e.action === 'rotateProvisioningToken',
    );
    expect(event).toMatchObject({
      target: { type: 'ProvisioningConnection', id },
      before: { tokenHint: created.token.slice(-4), version: 1 },
      after: { tokenHint: rotated.token.slice(-4), version: 2 },
    });
    for (const command of [
      () => admin.rotateProvisioningToken({ connectionId: id, version: 1 }),
      () => admin.updateProvisioningConnection({ connectionId: id, version: 1, name: 'Stale' }),
      () => admin.revokeProvisioningConnection({ connectionId: id, version: 1 }),
    ]) {
      await expectUnchanged(ctx, org, [id], command, 'CONFLICT', { reason: 'stale-version' });
    }
    expect(await org.roster.authenticateProvisioner(rotated.token)).not.toBeNull();
  });

  test('Domain: revoking is for good: the token is null, the actor ACTOR_INACTIVE, rotate and update INVALID_TRANSITION; revoking again changes nothing', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const { connection, token } = await admin.createProvisioningConnection({
      name: 'Okta',
      defaultRole: 'agent',
    });
    const found = await org.roster.authenticateProvisioner(token);
    const revoked = await admin.revokeProvisioningConnection({ connectionId: connection.id });
    expect(revoked).toMatchObject({ status: 'revoked', version: 2 });
    expect(await org.roster.authenticateProvisioner(token)).toBeNull();
    if (found === null) throw new Error('the token did not authenticate before revocation');
    await expectRosterError(
      org.roster.as(found.actor).deactivate({ accountId: org.agentA.id }),
      'ACTOR_INACTIVE',
    );
    const id = connection.id;
    await expectUnchanged(
      ctx,
      org,
      [id],
      () => admin.rotateProvisioningToken({ connectionId: id }),
      'INVALID_TRANSITION',
    );
    await expectUnchanged(
      ctx,
      org,
      [id],
      () => admin.updateProvisioningConnection({ connectionId: id, name: 'Back' }),
      'INVALID_TRANSITION',
    );
    const before = await stateOf(ctx, org, [id]);
    expect(await admin.revokeProvisioningConnection({ connectionId: id })).toEqual(revoked);
    expect(await stateOf(ctx, org, [id])).toEqual(before);
    expect(
      (await ctx.raw.auditEvents(org.organization.id)).filter(
        (e) => e.action === 'revokeProvisioningConnection',
      ),
    ).toHaveLength(1);
    expect(await admin.listProvisioningConnections()).toEqual([revoked]);
  });

  test('Domain: an agent and a provisioner may not manage connections (FORBIDDEN), and nothing changes', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const { connection, token } = await org
      .as(org.admin)
      .createProvisioningConnection({ name: 'Okta', defaultRole: 'agent' });
    const agent = org.as(org.agentA);
    expect(await agent.can('manageProvisioning')).toBe(false);
    for (const command of every(agent, connection.id)) {
      await expectUnchanged(ctx, org, [connection.id], command, 'FORBIDDEN');
    }
    const found = await org.roster.authenticateProvisioner(token);
    if (found === null) throw new Error('the token did not authenticate');
    const scim = org.roster.as(found.actor);
    expect(await scim.can('manageProvisioning')).toBe(false);
    for (const command of every(scim, connection.id)) {
      await expectUnchanged(ctx, org, [connection.id], command, 'FORBIDDEN');
    }
    expect(await org.roster.authenticateProvisioner(token)).not.toBeNull();
  });

  test('Domain: another organization’s connection is NOT_FOUND and untouched; each admin lists only their own', async (ctx) => {
    const acme = await seedScenario(ctx.store);
    const globex = await seedScenario(ctx.store, { orgName: 'Globex', emailDomain: 'globex.io' });
    const { connection, token } = await acme
      .as(acme.admin)
      .createProvisioningConnection({ name: 'Okta', defaultRole: 'agent' });
    const globexAdmin = globex.as(globex.admin);
    expect(await globexAdmin.listProvisioningConnections()).toEqual([]);
    const before = await stateOf(ctx, acme, [connection.id]);
    for (const command of every(globexAdmin, connection.id).slice(1, 4)) {
      await expectUnchanged(ctx, globex, [], command, 'NOT_FOUND', {
        subject: 'ProvisioningConnection',
      });
    }
    await expectRosterError(
      globexAdmin.rotateProvisioningToken({ connectionId: 'con_missing' }),
      'NOT_FOUND',
    );
    expect(await stateOf(ctx, acme, [connection.id])).toEqual(before);
    // A space of another organization is not there either.
    await expectUnchanged(
      ctx,
      globex,
      [],
      () =>
        globexAdmin.createProvisioningConnection({
          name: 'Okta',
          defaultRole: 'agent',
          spaceId: acme.organization.defaultSpaceId,
        }),
      'NOT_FOUND',
      { subject: 'Space' },
    );
    expect((await acme.roster.authenticateProvisioner(token))?.actor.orgId).toBe(
      acme.organization.id,
    );
  });

  test('Domain: what a connection grants stays within its creator’s authority: no role above theirs (RANK_EXCEEDED), not the owner’s, no group outside its space; the owner may grant director', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const owner = org.as(org.owner);
    const space = await owner.createSpace({ name: 'Night shift' });
    const group = await owner.createGroup({ name: 'Tier 2' });
    const elsewhere = await owner.createGroup({ name: 'Nights', spaceId: space.id });
    await expectUnchanged(
      ctx,
      org,
      [],
      () => admin.createProvisioningConnection({ name: 'Okta', defaultRole: 'director' }),
      'RANK_EXCEEDED',
    );
    await expectUnchanged(
      ctx,
      org,
      [],
      () =>
        admin.createProvisioningConnection({
          name: 'Okta',
          defaultRole: 'agent',
          groupRoles: { [group.id]: 'director' },
        }),
      'RANK_EXCEEDED',
    );
    await expectUnchanged(
      ctx,
      org,
      [],
      () => owner.createProvisioningConnection({ name: 'Okta', defaultRole: 'owner' }),
      'OWNER_PROTECTED',
    );
    await expectUnchanged(
      ctx,
      org,
      [],
      () =>
        admin.createProvisioningConnection({
          name: 'Okta',
          defaultRole: 'agent',
          groupRoles: { [elsewhere.id]: 'agent' },
        }),
      'NOT_FOUND',
      { subject: 'Group' },
    );
    const made = await owner.createProvisioningConnection({
      name: 'Okta',
      defaultRole: 'agent',
      groupRoles: { [group.id]: 'director' },
      onCreate: 'invite',
    });
    expect(made.connection).toMatchObject({
      groupRoles: { [group.id]: 'director' },
      onCreate: 'invite',
    });
    // An admin may rename it, but not change what it grants while it grants above them.
    const id = made.connection.id;
    await expectUnchanged(
      ctx,
      org,
      [id],
      () => admin.updateProvisioningConnection({ connectionId: id, defaultRole: 'admin' }),
      'RANK_EXCEEDED',
    );
    expect(
      (await admin.updateProvisioningConnection({ connectionId: id, name: 'Okta EU' })).name,
    ).toBe('Okta EU');
    const moved = await owner.updateProvisioningConnection({
      connectionId: id,
      spaceId: space.id,
      groupRoles: { [elsewhere.id]: 'admin' },
    });
    expect(moved).toMatchObject({ spaceId: space.id, groupRoles: { [elsewhere.id]: 'admin' } });
  });

  test('Domain: no token is in the store in clear: every string of the connection, the audit and the outbox is tried, and none authenticates', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const { connection, token } = await admin.createProvisioningConnection({
      name: 'Okta',
      defaultRole: 'agent',
    });
    const rotated = await admin.rotateProvisioningToken({ connectionId: connection.id });
    await org.roster.authenticateProvisioner(rotated.token);
    const dump = await stateOf(ctx, org, [connection.id]);
    for (const candidate of stringsIn(dump)) {
      expect(candidate).not.toContain(token);
      expect(candidate).not.toContain(rotated.token);
      expect(await org.roster.authenticateProvisioner(candidate)).toBeNull();
    }
  });

  test('Domain: the connection calls refuse bad input (INVALID_INPUT) and change nothing; a malformed token is null', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const { connection, token } = await admin.createProvisioningConnection({
      name: 'Okta',
      defaultRole: 'agent',
    });
    const id = connection.id;
    const creates = [
      {},
      { name: '', defaultRole: 'agent' },
      { name: 'x'.repeat(101), defaultRole: 'agent' },
      { name: 'Okta' },
      { name: 'Okta', defaultRole: 'no-such-role' },
      { name: 'Okta', defaultRole: 'agent', onCreate: 'welcome' },
      { name: 'Okta', defaultRole: 'agent', groupRoles: { grp_1: '' } },
      { name: 'Okta', defaultRole: 'agent', groupRoles: ['agent'] },
      { name: 'Okta', defaultRole: 'agent', tokenHash: 'f'.repeat(64) },
      { name: 'Okta', defaultRole: 'agent', spaceId: '' },
      null,
    ];
    for (const input of creates) {
      await expectUnchanged(
        ctx,
        org,
        [id],
        () => admin.createProvisioningConnection(input as never),
        'INVALID_INPUT',
      );
    }
    const refs = [
      {},
      { connectionId: '' },
      { connectionId: id, version: 0 },
      { connectionId: id, x: 1 },
    ];
    for (const input of refs) {
      await expectUnchanged(
        ctx,
        org,
        [id],
        () => admin.rotateProvisioningToken(input as never),
        'INVALID_INPUT',
      );
      await expectUnchanged(
        ctx,
        org,
        [id],
        () => admin.revokeProvisioningConnection(input as never),
        'INVALID_INPUT',
      );
    }
    for (const input of [
      { connectionId: id, name: '' },
      { connectionId: id, defaultRole: 'no-such-role' },
      { connectionId: id, status: 'revoked' },
      { connectionId: id, onCreate: 'x' },
    ]) {
      await expectUnchanged(
        ctx,
        org,
        [id],
        () => admin.updateProvisioningConnection(input as never),
        'INVALID_INPUT',
      );
    }
    for (const candidate of [
      '',
      'rkscim_',
      token.slice(0, -1),
      `${token}x`,
      token.slice('rkscim_'.length),
      ` ${token}`,
      42,
      null,
    ]) {
      expect(await org.roster.authenticateProvisioner(candidate as never)).toBeNull();
    }
    expect(await org.roster.authenticateProvisioner(token)).not.toBeNull();
  });
};
