import type { LinkFilter, ProvisioningLink, ProvisioningResourceType } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceContext, ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { buildProvisioningConnection, buildProvisioningLink } from '../fixtures.js';
import { provisioningGroupMemberTests } from './provisioning-group-members.js';
import {
  at,
  insertConnection,
  insertLinks,
  storedConnection,
  storedLink,
} from './provisioning-support.js';

/** Five users of one connection, with every kind of value a filter reads, inserted out of order. */
async function seedUsers(ctx: ConformanceContext) {
  const orgId = 'org_prov_f';
  const connection = buildProvisioningConnection({ orgId });
  const other = buildProvisioningConnection({ orgId });
  await insertConnection(ctx, connection);
  await insertConnection(ctx, other);
  const user = (overrides: Partial<ProvisioningLink>) =>
    buildProvisioningLink({ orgId, connectionId: connection.id, ...overrides });
  const ana = user({
    userName: 'Ana.Ng@Acme.io',
    externalId: 'ext-A',
    createdAt: at(1),
    attributes: {
      displayName: 'Ana Ng',
      emails: [{ value: 'ana@acme.io', primary: true }, { value: 'Ana@Home.example' }],
      active: true,
      name: { givenName: 'Ana', familyName: 'Ng' },
    },
  });
  const bo = user({
    userName: 'bo@acme.io',
    externalId: 'ext-b',
    createdAt: at(2),
    attributes: { displayName: 'Bo', emails: [{ value: 'bo@acme.io' }], active: false },
  });
  // Same instant as bo's: the id breaks the tie (bo's id is the smaller, built first).
  const cy = user({ userName: 'Cy_50%@acme.io', createdAt: at(2), attributes: { emails: [] } });
  const dee = user({
    userName: 'dee@other.org',
    externalId: 'EXT-A',
    createdAt: at(3),
    attributes: { displayName: 'Dee', active: true, emails: [{ value: 'dee@other.org' }] },
  });
  const zoe = user({
    userName: 'zoë@acme.io',
    externalId: 'ext-c',
    createdAt: at(4),
    attributes: { displayName: 'ZOË', emails: [{ value: 'ZOË@acme.io' }] },
  });
  // Not listed: another connection's, a Group of the same connection, another organization's.
  const elsewhere = [
    buildProvisioningLink({ orgId, connectionId: other.id, userName: 'ana.ng@acme.io' }),
    buildProvisioningLink({
      orgId,
      connectionId: connection.id,
      resourceType: 'Group',
      userName: 'Ana.Ng@Acme.io',
    }),
    buildProvisioningLink({
      orgId: 'org_prov_g',
      connectionId: connection.id,
      userName: 'bo@acme.io',
    }),
  ];
  await insertLinks(ctx, [zoe, cy, ...elsewhere, dee, bo, ana]);
  return { orgId, connection, ana, bo, cy, dee, zoe };
}

async function listNames(
  ctx: ConformanceContext,
  orgId: string,
  connectionId: string,
  resourceType: ProvisioningResourceType,
  filter?: LinkFilter,
): Promise<string[]> {
  const page = await ctx.store.transaction((tx) =>
    tx.provisioning.listLinks(orgId, connectionId, resourceType, {
      ...(filter === undefined ? {} : { filter }),
      startIndex: 1,
      count: 1000,
    }),
  );
  expect(page.total).toBe(page.items.length);
  return page.items.map((link) => link.userName);
}

/**
 * SCIM provisioning's storage: connections (token hash unique across
 * organizations), links (unique per connection and type: target,
 * case-insensitive userName; an externalId may be shared, RFC 7643 §3.1),
 * versions, tenant isolation, and the filters and windows of listLinks.
 */
export const provisioningSuite: ConformanceSuite = (test) => {
  test('Provisioning: insertConnection stores every field; getConnection and listConnections read it only in its organization', async (ctx) => {
    const connection = buildProvisioningConnection({
      orgId: 'org_prov_a',
      name: 'Okta',
      onCreate: 'invite',
      groupRoles: { grp_1: 'manager', grp_2: 'agent' },
      lastUsedAt: at(5),
    });
    expect(await insertConnection(ctx, connection)).toEqual(connection);
    expect(await storedConnection(ctx, connection.orgId, connection.id)).toEqual(connection);
    const read = await ctx.store.transaction(async (tx) => ({
      mine: await tx.provisioning.getConnection('org_prov_a', connection.id),
      theirs: await tx.provisioning.getConnection('org_prov_b', connection.id),
      listed: await tx.provisioning.listConnections('org_prov_b'),
    }));
    expect(read).toEqual({ mine: connection, theirs: undefined, listed: [] });
  });

  test('Provisioning: listConnections is by createdAt, then id', async (ctx) => {
    const orgId = 'org_prov_l';
    const late = buildProvisioningConnection({ orgId, createdAt: at(9) });
    const first = buildProvisioningConnection({ orgId, createdAt: at(1) });
    const second = buildProvisioningConnection({ orgId, createdAt: at(1) });
    for (const connection of [late, second, first]) await insertConnection(ctx, connection);
    const listed = await ctx.store.transaction((tx) => tx.provisioning.listConnections(orgId));
    expect(listed.map((c) => c.id)).toEqual([first.id, second.id, late.id]);
    expect(listed[2]).toEqual(late);
  });

  test('Provisioning: updateConnection stores expectedVersion + 1 and keeps createdAt; a stale or foreign update changes nothing', async (ctx) => {
    const connection = buildProvisioningConnection({ orgId: 'org_prov_u' });
    await insertConnection(ctx, connection);
    const changed = {
      ...connection,
      name: 'Entra ID',
      status: 'revoked' as const,
      groupRoles: { grp_9: 'admin' },
      defaultRole: 'staff',
      updatedAt: at(10),
      lastUsedAt: at(9),
      createdAt: at(99),
    };
    const saved = await ctx.store.transaction((tx) => tx.provisioning.updateConnection(changed, 1));
    const expected = { ...changed, createdAt: connection.createdAt, version: 2 };
    expect(saved).toEqual(expected);
    expect(await storedConnection(ctx, connection.orgId, connection.id)).toEqual(expected);
    await expectRosterError(
      ctx.store.transaction((tx) =>
        tx.provisioning.updateConnection({ ...changed, name: 'Stale' }, 1),
      ),
      'CONFLICT',
      { reason: 'stale-version', id: connection.id },
    );
    await expectRosterError(
      ctx.store.transaction((tx) =>
        tx.provisioning.updateConnection({ ...changed, orgId: 'org_prov_x' }, 2),
      ),
      'NOT_FOUND',
    );
    expect(await storedConnection(ctx, connection.orgId, connection.id)).toEqual(expected);
  });

  test('Provisioning: touchConnection sets lastUsedAt only, never back in time, with the version kept; a foreign or unknown id is NOT_FOUND and changes nothing', async (ctx) => {
    const connection = buildProvisioningConnection({ orgId: 'org_prov_touch' });
    const other = buildProvisioningConnection({ orgId: 'org_prov_touch2' });
    await insertConnection(ctx, connection);
    await insertConnection(ctx, other);
    await ctx.store.transaction((tx) =>
      tx.provisioning.touchConnection(connection.orgId, connection.id, at(5)),
    );
    const touched = { ...connection, lastUsedAt: at(5) };
    expect(await storedConnection(ctx, connection.orgId, connection.id)).toEqual(touched);
    // An earlier time leaves it; a later one moves it.
    await ctx.store.transaction((tx) =>
      tx.provisioning.touchConnection(connection.orgId, connection.id, at(3)),
    );
    expect(await storedConnection(ctx, connection.orgId, connection.id)).toEqual(touched);
    await ctx.store.transaction((tx) =>
      tx.provisioning.touchConnection(connection.orgId, connection.id, at(8)),
    );
    const later = { ...connection, lastUsedAt: at(8) };
    expect(await storedConnection(ctx, connection.orgId, connection.id)).toEqual(later);
    // The version is untouched: an update read before the touch still applies.
    const renamed = await ctx.store.transaction((tx) =>
      tx.provisioning.updateConnection({ ...later, name: 'Renamed' }, 1),
    );
    expect(renamed.version).toBe(2);
    await expectRosterError(
      ctx.store.transaction((tx) =>
        tx.provisioning.touchConnection(other.orgId, connection.id, at(20)),
      ),
      'NOT_FOUND',
    );
    await expectRosterError(
      ctx.store.transaction((tx) =>
        tx.provisioning.touchConnection(connection.orgId, 'con_missing', at(20)),
      ),
      'NOT_FOUND',
    );
    expect(await storedConnection(ctx, other.orgId, other.id)).toEqual(other);
    expect(await storedConnection(ctx, connection.orgId, connection.id)).toEqual(renamed);
  });

  test('Provisioning: a token hash is unique across organizations and found from any', async (ctx) => {
    const connection = buildProvisioningConnection({ orgId: 'org_prov_t1' });
    await insertConnection(ctx, connection);
    const twin = buildProvisioningConnection({
      orgId: 'org_prov_t2',
      tokenHash: connection.tokenHash,
    });
    await expectRosterError(insertConnection(ctx, twin), 'CONFLICT', {
      reason: 'unique',
      field: 'tokenHash',
    });
    expect(await storedConnection(ctx, twin.orgId, twin.id)).toBeUndefined();
    await expectRosterError(
      insertConnection(ctx, buildProvisioningConnection({ version: 2 })),
      'INVALID_INPUT',
    );
    const found = await ctx.store.transaction(async (tx) => ({
      known: await tx.provisioning.findConnectionByTokenHash(connection.tokenHash),
      unknown: await tx.provisioning.findConnectionByTokenHash('f'.repeat(64)),
    }));
    expect(found).toEqual({ known: connection, unknown: undefined });

    // A rotated token: the old hash is free, the new one finds the connection.
    const rotated = { ...connection, tokenHash: 'e'.repeat(64), tokenHint: 'eeee' };
    await ctx.store.transaction((tx) => tx.provisioning.updateConnection(rotated, 1));
    const after = await ctx.store.transaction(async (tx) => ({
      old: await tx.provisioning.findConnectionByTokenHash(connection.tokenHash),
      current: (await tx.provisioning.findConnectionByTokenHash(rotated.tokenHash))?.id,
    }));
    expect(after).toEqual({ old: undefined, current: connection.id });
    await insertConnection(ctx, twin);
    await expectRosterError(
      ctx.store.transaction((tx) =>
        tx.provisioning.updateConnection({ ...twin, tokenHash: rotated.tokenHash }, 1),
      ),
      'CONFLICT',
      { reason: 'unique' },
    );
  });

  test('Provisioning: insertLink stores every field; getLink and findLinkByTarget find it only under its organization, connection and type', async (ctx) => {
    const link = buildProvisioningLink({
      orgId: 'org_prov_k',
      externalId: 'okta|00u1',
      attributes: {
        displayName: 'Ana Ng',
        emails: [{ value: 'ana@acme.io', type: 'work', primary: true }],
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {
          department: 'Sales',
          manager: { value: 'x', displayName: null },
        },
        nickName: 'ä ☃ 𝄞',
        tags: [1, 2.5, true, null],
      },
    });
    expect(await ctx.store.transaction((tx) => tx.provisioning.insertLink(link))).toEqual(link);
    expect(await storedLink(ctx, link)).toEqual(link);
    const read = await ctx.store.transaction(async (tx) => {
      const p = tx.provisioning;
      return {
        link: await p.getLink(link.orgId, link.connectionId, 'User', link.id),
        byTarget: await p.findLinkByTarget(link.orgId, link.connectionId, 'User', link.targetId),
        otherOrg: await p.getLink('org_prov_other', link.connectionId, 'User', link.id),
        otherConnection: await p.getLink(link.orgId, 'prc_other', 'User', link.id),
        otherType: await p.getLink(link.orgId, link.connectionId, 'Group', link.id),
        targetElsewhere: await p.findLinkByTarget(
          'org_prov_other',
          link.connectionId,
          'User',
          link.targetId,
        ),
        targetAsGroup: await p.findLinkByTarget(
          link.orgId,
          link.connectionId,
          'Group',
          link.targetId,
        ),
      };
    });
    expect(read).toEqual({
      link,
      byTarget: link,
      otherOrg: undefined,
      otherConnection: undefined,
      otherType: undefined,
      targetElsewhere: undefined,
      targetAsGroup: undefined,
    });
  });

  test('Provisioning: updateLink stores expectedVersion + 1 and keeps createdAt; stale, foreign and missing updates change nothing', async (ctx) => {
    const link = buildProvisioningLink({ orgId: 'org_prov_w', externalId: 'e-1' });
    await insertLinks(ctx, [link]);
    const changed: ProvisioningLink = {
      ...link,
      userName: 'Renamed@Acme.io',
      externalId: null,
      targetId: 'acc_new',
      attributes: { active: false },
      updatedAt: at(30),
      createdAt: at(40),
      version: 7,
    };
    const saved = await ctx.store.transaction((tx) => tx.provisioning.updateLink(changed, 1));
    const expected = { ...changed, createdAt: link.createdAt, version: 2 };
    expect(saved).toEqual(expected);
    expect(await storedLink(ctx, link)).toEqual(expected);
    await expectRosterError(
      ctx.store.transaction((tx) => tx.provisioning.updateLink({ ...changed, userName: 'x' }, 1)),
      'CONFLICT',
      { reason: 'stale-version', id: link.id },
    );
    for (const foreign of [
      { ...changed, orgId: 'org_prov_elsewhere' },
      { ...changed, connectionId: 'prc_other' },
      { ...changed, resourceType: 'Group' as const },
      { ...changed, id: '00000000-0000-4000-8000-ffffffffffff' },
    ]) {
      await expectRosterError(
        ctx.store.transaction((tx) => tx.provisioning.updateLink(foreign, 2)),
        'NOT_FOUND',
      );
    }
    expect(await storedLink(ctx, link)).toEqual(expected);
    const byNewTarget = await ctx.store.transaction((tx) =>
      tx.provisioning.findLinkByTarget(link.orgId, link.connectionId, 'User', 'acc_new'),
    );
    const byOldTarget = await ctx.store.transaction((tx) =>
      tx.provisioning.findLinkByTarget(link.orgId, link.connectionId, 'User', link.targetId),
    );
    expect({ byNewTarget, byOldTarget }).toEqual({ byNewTarget: expected, byOldTarget: undefined });
  });

  test('Provisioning: per connection and type, userName (case-insensitively) and target are unique; an externalId may be shared', async (ctx) => {
    const orgId = 'org_prov_q';
    const first = buildProvisioningLink({ orgId, userName: 'Ana@Acme.io', externalId: 'ext-1' });
    await insertLinks(ctx, [first]);
    const clashes: [Partial<ProvisioningLink>, string][] = [
      [{ userName: 'ana@ACME.IO' }, 'userName'],
      [{ userName: 'aNa@AcMe.Io', externalId: 'ext-2' }, 'userName'],
      [{ targetId: first.targetId }, 'targetId'],
      [{ id: first.id }, 'id'],
    ];
    for (const [overrides, field] of clashes) {
      const clash = buildProvisioningLink({ orgId, ...overrides });
      await expectRosterError(
        ctx.store.transaction((tx) => tx.provisioning.insertLink(clash)),
        'CONFLICT',
        { reason: 'unique', field },
      );
    }
    // SCIM gives externalId no uniqueness (RFC 7643 §3.1), and identity
    // providers (Entra ID's validator) create several users, and several
    // groups, with one: each is stored, whether in a transaction of its own
    // or beside another.
    const twin = buildProvisioningLink({ orgId, externalId: 'ext-1' });
    await insertLinks(ctx, [twin]);
    const triplet = buildProvisioningLink({ orgId, externalId: 'ext-1' });
    const groups = [
      buildProvisioningLink({ orgId, resourceType: 'Group', externalId: 'grp-ext' }),
      buildProvisioningLink({ orgId, resourceType: 'Group', externalId: 'grp-ext' }),
    ];
    // Free too: a case variant of the externalId, any number of null ones, and
    // the same keys in another connection, another type or another organization.
    const free = [
      triplet,
      ...groups,
      buildProvisioningLink({ orgId, externalId: 'EXT-1' }),
      buildProvisioningLink({ orgId }),
      buildProvisioningLink({ orgId }),
      buildProvisioningLink({
        orgId,
        connectionId: 'prc_second',
        userName: first.userName,
        externalId: 'ext-1',
        targetId: first.targetId,
      }),
      buildProvisioningLink({
        orgId,
        resourceType: 'Group',
        userName: first.userName,
        externalId: 'ext-1',
        targetId: first.targetId,
      }),
      buildProvisioningLink({
        orgId: 'org_prov_q2',
        userName: first.userName,
        externalId: 'ext-1',
        targetId: first.targetId,
      }),
    ];
    await insertLinks(ctx, free);
    for (const link of [twin, ...free]) expect(await storedLink(ctx, link)).toEqual(link);
    // A filter on the externalId finds every link that has it, and only those of the connection and type.
    const sharing = async (resourceType: ProvisioningResourceType, value: string) =>
      ctx.store.transaction((tx) =>
        tx.provisioning.listLinks(orgId, first.connectionId, resourceType, {
          filter: { op: 'eq', attribute: 'externalId', value },
          startIndex: 1,
          count: 10,
        }),
      );
    expect(await sharing('User', 'ext-1')).toEqual({ items: [first, twin, triplet], total: 3 });
    expect(await sharing('Group', 'grp-ext')).toEqual({ items: groups, total: 2 });
    // An update into a taken key is refused too, and changes nothing.
    const second = free[4] as ProvisioningLink;
    await expectRosterError(
      ctx.store.transaction((tx) =>
        tx.provisioning.updateLink({ ...second, userName: 'ANA@acme.io' }, 1),
      ),
      'CONFLICT',
      { reason: 'unique', field: 'userName' },
    );
    await expectRosterError(
      ctx.store.transaction((tx) =>
        tx.provisioning.updateLink({ ...second, targetId: first.targetId }, 1),
      ),
      'CONFLICT',
      { reason: 'unique', field: 'targetId' },
    );
    expect(await storedLink(ctx, second)).toEqual(second);
    // An update into a shared externalId is not.
    const joined = { ...second, externalId: 'ext-1' };
    await ctx.store.transaction((tx) => tx.provisioning.updateLink(joined, 1));
    expect(await storedLink(ctx, second)).toEqual({ ...joined, version: 2 });
    expect((await sharing('User', 'ext-1')).total).toBe(4);
    // A link keeps its own keys through an update that changes their case.
    const recased = { ...first, userName: 'ANA@acme.io' };
    await ctx.store.transaction((tx) => tx.provisioning.updateLink(recased, 1));
    expect(await storedLink(ctx, first)).toEqual({ ...recased, version: 2 });
  });

  test('Provisioning: two transactions racing for one userName never both commit', async (ctx) => {
    const orgId = 'org_prov_race';
    const links = [
      buildProvisioningLink({ orgId, userName: 'race@acme.io' }),
      buildProvisioningLink({ orgId, userName: 'RACE@acme.io' }),
    ];
    const outcomes = await Promise.allSettled(
      links.map((link) =>
        ctx.store.transaction(async (tx) => {
          await tx.provisioning.listLinks(orgId, link.connectionId, 'User', {
            startIndex: 1,
            count: 10,
          });
          await new Promise((resolve) => setTimeout(resolve, 5));
          return tx.provisioning.insertLink(link);
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === 'rejected');
    expect(failed?.reason).toMatchObject({ code: 'CONFLICT' });
    const page = await ctx.store.transaction((tx) =>
      tx.provisioning.listLinks(orgId, 'prc_1', 'User', { startIndex: 1, count: 10 }),
    );
    expect(page.total).toBe(1);
  });

  test('Provisioning: deleteLink removes the link for good; a new link for the same target is a new id', async (ctx) => {
    const orgId = 'org_prov_d';
    const link = buildProvisioningLink({ orgId, externalId: 'ext-d' });
    const kept = buildProvisioningLink({ orgId });
    await insertLinks(ctx, [link, kept]);
    for (const [o, c, t] of [
      ['org_prov_other', link.connectionId, 'User'],
      [orgId, 'prc_other', 'User'],
      [orgId, link.connectionId, 'Group'],
    ] as const) {
      await expectRosterError(
        ctx.store.transaction((tx) => tx.provisioning.deleteLink(o, c, t, link.id)),
        'NOT_FOUND',
      );
    }
    expect(await storedLink(ctx, link)).toEqual(link);
    await ctx.store.transaction((tx) =>
      tx.provisioning.deleteLink(orgId, link.connectionId, 'User', link.id),
    );
    expect(await storedLink(ctx, link)).toBeUndefined();
    await expectRosterError(
      ctx.store.transaction((tx) =>
        tx.provisioning.deleteLink(orgId, link.connectionId, 'User', link.id),
      ),
      'NOT_FOUND',
    );
    await expectRosterError(
      ctx.store.transaction((tx) => tx.provisioning.updateLink(link, 1)),
      'NOT_FOUND',
    );
    // Its keys are free again, under a new id; the old id stays unknown.
    const again = buildProvisioningLink({
      orgId,
      targetId: link.targetId,
      userName: link.userName,
      externalId: link.externalId,
    });
    await insertLinks(ctx, [again]);
    const read = await ctx.store.transaction(async (tx) => ({
      old: await tx.provisioning.getLink(orgId, link.connectionId, 'User', link.id),
      byTarget: (
        await tx.provisioning.findLinkByTarget(orgId, link.connectionId, 'User', link.targetId)
      )?.id,
      kept: await tx.provisioning.getLink(orgId, kept.connectionId, 'User', kept.id),
    }));
    expect(read).toEqual({ old: undefined, byTarget: again.id, kept });
    expect(again.id).not.toBe(link.id);
  });

  test('Provisioning: listLinks compares userName case-insensitively, every character literally', async (ctx) => {
    const { orgId, connection } = await seedUsers(ctx);
    const names = (filter?: LinkFilter) => listNames(ctx, orgId, connection.id, 'User', filter);
    const all = ['Ana.Ng@Acme.io', 'bo@acme.io', 'Cy_50%@acme.io', 'dee@other.org', 'zoë@acme.io'];
    expect(await names()).toEqual(all);
    const cases: [LinkFilter, string[]][] = [
      [{ op: 'eq', attribute: 'userName', value: 'ana.ng@ACME.IO' }, ['Ana.Ng@Acme.io']],
      [{ op: 'eq', attribute: 'userName', value: 'ana.ng@acme.i' }, []],
      [
        { op: 'ne', attribute: 'userName', value: 'BO@acme.io' },
        all.filter((n) => n !== 'bo@acme.io'),
      ],
      [{ op: 'co', attribute: 'userName', value: '_50%' }, ['Cy_50%@acme.io']],
      [{ op: 'co', attribute: 'userName', value: '%' }, ['Cy_50%@acme.io']],
      [{ op: 'co', attribute: 'userName', value: 'y_5' }, ['Cy_50%@acme.io']],
      [{ op: 'co', attribute: 'userName', value: 'y\\5' }, []],
      [
        { op: 'co', attribute: 'userName', value: 'ACME' },
        ['Ana.Ng@Acme.io', 'bo@acme.io', 'Cy_50%@acme.io', 'zoë@acme.io'],
      ],
      [{ op: 'co', attribute: 'userName', value: 'ZOË' }, ['zoë@acme.io']],
      [{ op: 'co', attribute: 'userName', value: 'zoe' }, []],
      [{ op: 'sw', attribute: 'userName', value: 'B' }, ['bo@acme.io']],
      [{ op: 'sw', attribute: 'userName', value: '' }, all],
      [{ op: 'ew', attribute: 'userName', value: '.ORG' }, ['dee@other.org']],
      [
        { op: 'gt', attribute: 'userName', value: 'c' },
        ['Cy_50%@acme.io', 'dee@other.org', 'zoë@acme.io'],
      ],
      [
        { op: 'ge', attribute: 'userName', value: 'BO@acme.io' },
        ['bo@acme.io', 'Cy_50%@acme.io', 'dee@other.org', 'zoë@acme.io'],
      ],
      [{ op: 'lt', attribute: 'userName', value: 'bo@acme.io' }, ['Ana.Ng@Acme.io']],
      [{ op: 'le', attribute: 'userName', value: 'bo@acme.io' }, ['Ana.Ng@Acme.io', 'bo@acme.io']],
      [{ op: 'gt', attribute: 'userName', value: 'zoe' }, ['zoë@acme.io']],
      [{ op: 'pr', attribute: 'userName' }, all],
    ];
    for (const [filter, expected] of cases) {
      expect({ filter, names: await names(filter) }).toEqual({ filter, names: expected });
    }
  });

  test('Provisioning: listLinks compares id and externalId exactly, and a missing externalId matches only ne and not', async (ctx) => {
    const { orgId, connection, bo } = await seedUsers(ctx);
    const names = (filter?: LinkFilter) => listNames(ctx, orgId, connection.id, 'User', filter);
    const cases: [LinkFilter, string[]][] = [
      [{ op: 'eq', attribute: 'externalId', value: 'ext-a' }, []],
      [{ op: 'eq', attribute: 'externalId', value: 'ext-A' }, ['Ana.Ng@Acme.io']],
      [{ op: 'eq', attribute: 'externalId', value: 'EXT-A' }, ['dee@other.org']],
      [
        { op: 'co', attribute: 'externalId', value: 'xt-' },
        ['Ana.Ng@Acme.io', 'bo@acme.io', 'zoë@acme.io'],
      ],
      [{ op: 'sw', attribute: 'externalId', value: 'E' }, ['dee@other.org']],
      [{ op: 'ew', attribute: 'externalId', value: 'a' }, []],
      [{ op: 'gt', attribute: 'externalId', value: 'ext-a' }, ['bo@acme.io', 'zoë@acme.io']],
      [{ op: 'le', attribute: 'externalId', value: 'ext-A' }, ['Ana.Ng@Acme.io', 'dee@other.org']],
      [
        { op: 'pr', attribute: 'externalId' },
        ['Ana.Ng@Acme.io', 'bo@acme.io', 'dee@other.org', 'zoë@acme.io'],
      ],
      [{ op: 'not', filter: { op: 'pr', attribute: 'externalId' } }, ['Cy_50%@acme.io']],
      [
        { op: 'ne', attribute: 'externalId', value: 'ext-b' },
        ['Ana.Ng@Acme.io', 'Cy_50%@acme.io', 'dee@other.org', 'zoë@acme.io'],
      ],
      [{ op: 'eq', attribute: 'id', value: bo.id }, ['bo@acme.io']],
      [
        { op: 'eq', attribute: 'id', value: bo.id.toUpperCase() },
        bo.id === bo.id.toUpperCase() ? ['bo@acme.io'] : [],
      ],
      [{ op: 'sw', attribute: 'id', value: bo.id }, ['bo@acme.io']],
      [
        { op: 'ne', attribute: 'id', value: bo.id },
        ['Ana.Ng@Acme.io', 'Cy_50%@acme.io', 'dee@other.org', 'zoë@acme.io'],
      ],
    ];
    for (const [filter, expected] of cases) {
      expect({ filter, names: await names(filter) }).toEqual({ filter, names: expected });
    }
  });

  test('Provisioning: listLinks reads displayName, email and active from the attributes, and combines with and, or, not', async (ctx) => {
    const { orgId, connection } = await seedUsers(ctx);
    const names = (filter?: LinkFilter) => listNames(ctx, orgId, connection.id, 'User', filter);
    const cases: [LinkFilter, string[]][] = [
      [{ op: 'eq', attribute: 'displayName', value: 'ana NG' }, ['Ana.Ng@Acme.io']],
      [{ op: 'co', attribute: 'displayName', value: 'E' }, ['dee@other.org']],
      [{ op: 'eq', attribute: 'displayName', value: 'zoë' }, ['zoë@acme.io']],
      [
        { op: 'pr', attribute: 'displayName' },
        ['Ana.Ng@Acme.io', 'bo@acme.io', 'dee@other.org', 'zoë@acme.io'],
      ],
      [{ op: 'eq', attribute: 'email', value: 'ANA@home.example' }, ['Ana.Ng@Acme.io']],
      [{ op: 'eq', attribute: 'email', value: 'ana@home' }, []],
      [{ op: 'eq', attribute: 'email', value: 'zoë@ACME.io' }, ['zoë@acme.io']],
      [
        { op: 'co', attribute: 'email', value: 'Acme.io' },
        ['Ana.Ng@Acme.io', 'bo@acme.io', 'zoë@acme.io'],
      ],
      [{ op: 'co', attribute: 'email', value: 'io|bo' }, []],
      [{ op: 'sw', attribute: 'email', value: 'home' }, []],
      [{ op: 'sw', attribute: 'email', value: 'DEE' }, ['dee@other.org']],
      [{ op: 'ew', attribute: 'email', value: '.example' }, ['Ana.Ng@Acme.io']],
      [
        { op: 'pr', attribute: 'email' },
        ['Ana.Ng@Acme.io', 'bo@acme.io', 'dee@other.org', 'zoë@acme.io'],
      ],
      [
        { op: 'ne', attribute: 'email', value: 'bo@acme.io' },
        ['Ana.Ng@Acme.io', 'Cy_50%@acme.io', 'dee@other.org', 'zoë@acme.io'],
      ],
      [{ op: 'eq', attribute: 'active', value: true }, ['Ana.Ng@Acme.io', 'dee@other.org']],
      [{ op: 'eq', attribute: 'active', value: false }, ['bo@acme.io']],
      [
        { op: 'ne', attribute: 'active', value: true },
        ['bo@acme.io', 'Cy_50%@acme.io', 'zoë@acme.io'],
      ],
      [{ op: 'pr', attribute: 'active' }, ['Ana.Ng@Acme.io', 'bo@acme.io', 'dee@other.org']],
      [
        {
          op: 'and',
          filters: [
            { op: 'co', attribute: 'email', value: 'acme' },
            { op: 'eq', attribute: 'active', value: true },
          ],
        },
        ['Ana.Ng@Acme.io'],
      ],
      [
        {
          op: 'or',
          filters: [
            { op: 'eq', attribute: 'userName', value: 'bo@acme.io' },
            { op: 'eq', attribute: 'externalId', value: 'EXT-A' },
          ],
        },
        ['bo@acme.io', 'dee@other.org'],
      ],
      [
        {
          op: 'not',
          filter: {
            op: 'or',
            filters: [
              { op: 'eq', attribute: 'userName', value: 'bo@acme.io' },
              { op: 'eq', attribute: 'externalId', value: 'EXT-A' },
            ],
          },
        },
        ['Ana.Ng@Acme.io', 'Cy_50%@acme.io', 'zoë@acme.io'],
      ],
      [
        {
          op: 'and',
          filters: [
            { op: 'pr', attribute: 'externalId' },
            { op: 'not', filter: { op: 'eq', attribute: 'active', value: true } },
          ],
        },
        ['bo@acme.io', 'zoë@acme.io'],
      ],
      [
        { op: 'and', filters: [{ op: 'pr', attribute: 'userName' }] },
        ['Ana.Ng@Acme.io', 'bo@acme.io', 'Cy_50%@acme.io', 'dee@other.org', 'zoë@acme.io'],
      ],
      [
        {
          op: 'or',
          filters: [
            { op: 'eq', attribute: 'active', value: false },
            { op: 'sw', attribute: 'displayName', value: 'z' },
          ],
        },
        ['bo@acme.io', 'zoë@acme.io'],
      ],
    ];
    for (const [filter, expected] of cases) {
      expect({ filter, names: await names(filter) }).toEqual({ filter, names: expected });
    }
  });

  test('Provisioning: a Group link has a displayName (its userName) and no userName, email or active', async (ctx) => {
    const orgId = 'org_prov_grp';
    const group = (overrides: Partial<ProvisioningLink>) =>
      buildProvisioningLink({ orgId, resourceType: 'Group', ...overrides });
    await insertLinks(ctx, [
      group({
        userName: 'Sales',
        externalId: 'grp-1',
        createdAt: at(1),
        attributes: { active: true, emails: [{ value: 'sales@acme.io' }] },
      }),
      group({ userName: 'Support Team', createdAt: at(2) }),
      buildProvisioningLink({ orgId, userName: 'Sales' }),
    ]);
    const names = (filter?: LinkFilter) => listNames(ctx, orgId, 'prc_1', 'Group', filter);
    const cases: [LinkFilter, string[]][] = [
      [{ op: 'eq', attribute: 'displayName', value: 'sales' }, ['Sales']],
      [{ op: 'sw', attribute: 'displayName', value: 'SUP' }, ['Support Team']],
      [{ op: 'pr', attribute: 'displayName' }, ['Sales', 'Support Team']],
      [{ op: 'eq', attribute: 'userName', value: 'Sales' }, []],
      [{ op: 'not', filter: { op: 'pr', attribute: 'userName' } }, ['Sales', 'Support Team']],
      [{ op: 'pr', attribute: 'email' }, []],
      [{ op: 'eq', attribute: 'active', value: true }, []],
      [{ op: 'ne', attribute: 'active', value: true }, ['Sales', 'Support Team']],
      [{ op: 'eq', attribute: 'externalId', value: 'grp-1' }, ['Sales']],
      [
        {
          op: 'or',
          filters: [
            { op: 'eq', attribute: 'userName', value: 'Sales' },
            { op: 'ew', attribute: 'displayName', value: 'team' },
          ],
        },
        ['Support Team'],
      ],
    ];
    for (const [filter, expected] of cases) {
      expect({ filter, names: await names(filter) }).toEqual({ filter, names: expected });
    }
  });

  test('Provisioning: listLinks pages by startIndex and count in createdAt, id order, with the total of every match', async (ctx) => {
    const { orgId, connection } = await seedUsers(ctx);
    const page = (startIndex: number, count: number, filter?: LinkFilter) =>
      ctx.store
        .transaction((tx) =>
          tx.provisioning.listLinks(orgId, connection.id, 'User', {
            startIndex,
            count,
            ...(filter === undefined ? {} : { filter }),
          }),
        )
        .then((p) => ({ names: p.items.map((link) => link.userName), total: p.total }));
    expect(await page(1, 2)).toEqual({ names: ['Ana.Ng@Acme.io', 'bo@acme.io'], total: 5 });
    expect(await page(2, 2)).toEqual({ names: ['bo@acme.io', 'Cy_50%@acme.io'], total: 5 });
    expect(await page(5, 10)).toEqual({ names: ['zoë@acme.io'], total: 5 });
    expect(await page(6, 10)).toEqual({ names: [], total: 5 });
    expect(await page(1, 0)).toEqual({ names: [], total: 5 });
    const acme: LinkFilter = { op: 'co', attribute: 'userName', value: 'acme' };
    expect(await page(2, 2, acme)).toEqual({ names: ['bo@acme.io', 'Cy_50%@acme.io'], total: 4 });
    expect(await page(4, 1000, acme)).toEqual({ names: ['zoë@acme.io'], total: 4 });
    const nobody: LinkFilter = { op: 'eq', attribute: 'userName', value: 'nobody' };
    expect(await page(1, 10, nobody)).toEqual({ names: [], total: 0 });
    const full = await ctx.store.transaction((tx) =>
      tx.provisioning.listLinks(orgId, connection.id, 'User', { startIndex: 1, count: 1 }),
    );
    expect(full.items[0]).toEqual(await storedLink(ctx, full.items[0] as ProvisioningLink));
  });

  test('Provisioning: listLinks refuses a bad window or filter (INVALID_INPUT)', async (ctx) => {
    const list = (query: Record<string, unknown>) =>
      ctx.store.transaction((tx) =>
        tx.provisioning.listLinks('org_prov_bad', 'prc_1', 'User', query as never),
      );
    for (const query of [
      { startIndex: 0, count: 10 },
      { startIndex: 1.5, count: 10 },
      { startIndex: 1, count: -1 },
      { startIndex: 1, count: 1001 },
      { startIndex: 1, count: 10, filter: { op: 'eq', attribute: 'userName' } },
      { startIndex: 1, count: 10, filter: { op: 'pr', attribute: 'userName', value: 'x' } },
      { startIndex: 1, count: 10, filter: { op: 'gt', attribute: 'active', value: true } },
      { startIndex: 1, count: 10, filter: { op: 'eq', attribute: 'active', value: 'true' } },
      { startIndex: 1, count: 10, filter: { op: 'eq', attribute: 'userName', value: true } },
      { startIndex: 1, count: 10, filter: { op: 'lt', attribute: 'email', value: 'a' } },
      { startIndex: 1, count: 10, filter: { op: 'eq', attribute: 'name.familyName', value: 'a' } },
      { startIndex: 1, count: 10, filter: { op: 'and', filters: [] } },
      { startIndex: 1, count: 10, filter: { op: 'like', attribute: 'userName', value: 'a' } },
    ]) {
      await expectRosterError(list(query), 'INVALID_INPUT');
    }
  });

  test('Provisioning: a transaction that throws stores no connection or link', async (ctx) => {
    const connection = buildProvisioningConnection({ orgId: 'org_prov_r' });
    const link = buildProvisioningLink({ orgId: 'org_prov_r', connectionId: connection.id });
    const kept = buildProvisioningLink({ orgId: 'org_prov_r', connectionId: connection.id });
    await insertLinks(ctx, [kept]);
    const failure = new Error('the command failed after writing');
    const outcome = await ctx.store
      .transaction(async (tx) => {
        await tx.provisioning.insertConnection(connection);
        await tx.provisioning.insertLink(link);
        await tx.provisioning.updateLink({ ...kept, userName: 'changed@acme.io' }, 1);
        await tx.provisioning.deleteLink(kept.orgId, kept.connectionId, 'User', kept.id);
        throw failure;
      })
      .catch((error: unknown) => error);
    expect(outcome).toBe(failure);
    expect(await storedConnection(ctx, connection.orgId, connection.id)).toBeUndefined();
    expect(await storedLink(ctx, link)).toBeUndefined();
    expect(await storedLink(ctx, kept)).toEqual(kept);
    const found = await ctx.store.transaction((tx) =>
      tx.provisioning.findConnectionByTokenHash(connection.tokenHash),
    );
    expect(found).toBeUndefined();
    await insertConnection(ctx, connection);
    await insertLinks(ctx, [link]);
  });

  test('Provisioning: deleteAllInOrganization deletes that organization’s connections and links only', async (ctx) => {
    const gone = buildProvisioningConnection({ orgId: 'org_prov_x1' });
    const stays = buildProvisioningConnection({ orgId: 'org_prov_x2' });
    const goneLinks = [
      buildProvisioningLink({ orgId: gone.orgId, connectionId: gone.id }),
      buildProvisioningLink({ orgId: gone.orgId, connectionId: gone.id, resourceType: 'Group' }),
    ];
    const kept = buildProvisioningLink({ orgId: stays.orgId, connectionId: stays.id });
    await insertConnection(ctx, gone);
    await insertConnection(ctx, stays);
    await insertLinks(ctx, [...goneLinks, kept]);
    const count = await ctx.store.transaction((tx) =>
      tx.provisioning.deleteAllInOrganization(gone.orgId),
    );
    expect(count).toBe(3);
    expect(await storedConnection(ctx, gone.orgId, gone.id)).toBeUndefined();
    for (const link of goneLinks) expect(await storedLink(ctx, link)).toBeUndefined();
    expect(await storedConnection(ctx, stays.orgId, stays.id)).toEqual(stays);
    expect(await storedLink(ctx, kept)).toEqual(kept);
    // The deleted token hash is free again.
    await insertConnection(ctx, buildProvisioningConnection({ tokenHash: gone.tokenHash }));
  });
  provisioningGroupMemberTests(test);
};
