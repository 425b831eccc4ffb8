import type { TenantRepository } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceContext, ConformanceSuite, RegisterTest } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { forEachTenantRepository, type RepositorySpec, type Row } from './repository-specs.js';

function repositoryTests<T extends Row>(test: RegisterTest, spec: RepositorySpec<T>): void {
  const { subject } = spec;
  const repo = (ctx: ConformanceContext) => ({
    run: <R>(work: (repository: TenantRepository<T>) => Promise<R>) =>
      ctx.store.transaction((tx) => work(spec.repository(tx))),
  });
  const seed = async (ctx: ConformanceContext, orgId = 'org_a'): Promise<T> => {
    const row = spec.build(orgId);
    const stored = await repo(ctx).run((r) => r.insert(row));
    expect(stored).toEqual(row);
    return row;
  };

  test(`${subject}: insert stores the row, get and getMany read it back`, async (ctx) => {
    const row = await seed(ctx);
    const other = await seed(ctx);
    expect(await spec.raw(ctx.raw, 'org_a', row.id)).toEqual(row);
    expect(await repo(ctx).run((r) => r.get('org_a', row.id))).toEqual(row);
    expect(await repo(ctx).run((r) => r.get('org_a', 'missing'))).toBeUndefined();
    const many = await repo(ctx).run((r) => r.getMany('org_a', [other.id, 'missing', row.id]));
    expect([...many].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      [row, other].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(await repo(ctx).run((r) => r.getMany('org_a', []))).toEqual([]);
  });

  test(`${subject}: insert refuses a taken id (CONFLICT unique)`, async (ctx) => {
    const row = await seed(ctx);
    const again = { ...spec.edit(spec.build('org_a')), id: row.id };
    await expectRosterError(
      repo(ctx).run((r) => r.insert(again)),
      'CONFLICT',
      { reason: 'unique' },
    );
    expect(await spec.raw(ctx.raw, 'org_a', row.id)).toEqual(row);
  });

  test(`${subject}: insert refuses a version other than 1 (INVALID_INPUT)`, async (ctx) => {
    const row = { ...spec.build('org_a'), version: 2 };
    await expectRosterError(
      repo(ctx).run((r) => r.insert(row)),
      'INVALID_INPUT',
    );
    expect(await spec.raw(ctx.raw, 'org_a', row.id)).toBeUndefined();
  });

  test(`${subject}: insertMany stores every row; an empty array is a no-op`, async (ctx) => {
    const rows = [spec.build('org_a'), spec.build('org_a'), spec.build('org_a')];
    await repo(ctx).run((r) => r.insertMany(rows));
    for (const row of rows) expect(await spec.raw(ctx.raw, 'org_a', row.id)).toEqual(row);
    await repo(ctx).run((r) => r.insertMany([]));
    const read = await repo(ctx).run((r) =>
      r.getMany(
        'org_a',
        rows.map((row) => row.id),
      ),
    );
    expect(read).toHaveLength(3);
  });

  test(`${subject}: insertMany is all or nothing: a taken id stores none of the rows`, async (ctx) => {
    const taken = await seed(ctx);
    const fresh = [spec.build('org_a'), spec.build('org_a')];
    const clash = { ...spec.edit(spec.build('org_a')), id: taken.id };
    await expectRosterError(
      repo(ctx).run((r) => r.insertMany([fresh[0] as T, clash, fresh[1] as T])),
      'CONFLICT',
      { reason: 'unique' },
    );
    const twin = spec.build('org_a');
    await expectRosterError(
      repo(ctx).run((r) =>
        r.insertMany([twin, { ...spec.edit(spec.build('org_a')), id: twin.id }]),
      ),
      'CONFLICT',
      { reason: 'unique' },
    );
    await expectRosterError(
      repo(ctx).run((r) =>
        r.insertMany([spec.build('org_a'), { ...spec.build('org_a'), version: 2 }]),
      ),
      'INVALID_INPUT',
    );
    for (const row of [...fresh, twin])
      expect(await spec.raw(ctx.raw, 'org_a', row.id)).toBeUndefined();
    expect(await spec.raw(ctx.raw, 'org_a', taken.id)).toEqual(taken);
  });

  test(`${subject}: updateMany replaces every row at version + 1, in order; an empty array is a no-op`, async (ctx) => {
    const rows = [await seed(ctx), await seed(ctx), await seed(ctx)];
    const edited = rows.map(spec.edit);
    const saved = await repo(ctx).run((r) => r.updateMany(edited));
    expect(saved).toEqual(edited.map((row) => ({ ...row, version: row.version + 1 })));
    for (const row of saved) expect(await spec.raw(ctx.raw, 'org_a', row.id)).toEqual(row);
    expect(await repo(ctx).run((r) => r.updateMany([]))).toEqual([]);
  });

  test(`${subject}: updateMany with one stale or missing row changes none of them`, async (ctx) => {
    const [a, b] = [await seed(ctx), await seed(ctx)];
    const stale = { ...spec.edit(b), version: b.version + 5 };
    await expectRosterError(
      repo(ctx).run((r) => r.updateMany([spec.edit(a), stale])),
      'CONFLICT',
      { subject, id: b.id, reason: 'stale-version' },
    );
    const missing = spec.build('org_a');
    await expectRosterError(
      repo(ctx).run((r) => r.updateMany([spec.edit(a), missing])),
      'NOT_FOUND',
      { subject, id: missing.id },
    );
    const elsewhere = { ...spec.edit(a), orgId: 'org_b' };
    await expectRosterError(
      repo(ctx).run((r) => r.updateMany([elsewhere])),
      'NOT_FOUND',
    );
    expect(await spec.raw(ctx.raw, 'org_a', a.id)).toEqual(a);
    expect(await spec.raw(ctx.raw, 'org_a', b.id)).toEqual(b);
  });

  test(`${subject}: a transaction whose insertMany fails leaves no row of it`, async (ctx) => {
    const taken = await seed(ctx);
    const before = spec.build('org_a');
    const batch = [spec.build('org_a'), { ...spec.edit(spec.build('org_a')), id: taken.id }];
    await expectRosterError(
      ctx.store.transaction(async (tx) => {
        await spec.repository(tx).insert(before);
        await spec.repository(tx).insertMany(batch);
      }),
      'CONFLICT',
      { reason: 'unique' },
    );
    expect(await spec.raw(ctx.raw, 'org_a', before.id)).toBeUndefined();
    expect(await spec.raw(ctx.raw, 'org_a', (batch[0] as T).id)).toBeUndefined();
    expect(await spec.raw(ctx.raw, 'org_a', taken.id)).toEqual(taken);
  });

  test(`${subject}: update stores version + 1 and returns the row as stored`, async (ctx) => {
    const row = await seed(ctx);
    const edited = spec.edit(row);
    const stored = await repo(ctx).run((r) => r.update(edited));
    expect(stored).toEqual({ ...edited, version: 2 });
    expect(await spec.raw(ctx.raw, 'org_a', row.id)).toEqual({ ...edited, version: 2 });
    const again = await repo(ctx).run((r) => r.update(spec.edit(stored)));
    expect(again.version).toBe(3);
    expect(await spec.raw(ctx.raw, 'org_a', row.id)).toEqual(again);
  });

  test(`${subject}: a stale update is CONFLICT stale-version and changes nothing`, async (ctx) => {
    const row = await seed(ctx);
    const current = await repo(ctx).run((r) => r.update(spec.edit(row)));
    await expectRosterError(
      repo(ctx).run((r) => r.update(spec.edit(row))),
      'CONFLICT',
      { subject, id: row.id, reason: 'stale-version' },
    );
    await expectRosterError(
      repo(ctx).run((r) => r.update({ ...spec.edit(current), version: 7 })),
      'CONFLICT',
      { reason: 'stale-version' },
    );
    expect(await spec.raw(ctx.raw, 'org_a', row.id)).toEqual(current);
  });

  test(`${subject}: a stale delete is CONFLICT stale-version and keeps the row`, async (ctx) => {
    const row = await seed(ctx);
    const current = await repo(ctx).run((r) => r.update(spec.edit(row)));
    await expectRosterError(
      repo(ctx).run((r) => r.delete('org_a', row.id, 1)),
      'CONFLICT',
      { subject, id: row.id, reason: 'stale-version' },
    );
    expect(await spec.raw(ctx.raw, 'org_a', row.id)).toEqual(current);
  });

  test(`${subject}: delete removes the row read at its version`, async (ctx) => {
    const row = await seed(ctx);
    const kept = await seed(ctx);
    await repo(ctx).run((r) => r.delete('org_a', row.id, 1));
    expect(await spec.raw(ctx.raw, 'org_a', row.id)).toBeUndefined();
    expect(await repo(ctx).run((r) => r.get('org_a', row.id))).toBeUndefined();
    expect(await spec.raw(ctx.raw, 'org_a', kept.id)).toEqual(kept);
  });

  test(`${subject}: update and delete of a missing row are NOT_FOUND`, async (ctx) => {
    const row = spec.build('org_a');
    await expectRosterError(
      repo(ctx).run((r) => r.update(row)),
      'NOT_FOUND',
      { subject, id: row.id },
    );
    await expectRosterError(
      repo(ctx).run((r) => r.delete('org_a', row.id, 1)),
      'NOT_FOUND',
      { subject, id: row.id },
    );
    expect(await spec.raw(ctx.raw, 'org_a', row.id)).toBeUndefined();
  });

  test(`${subject}: another organization never sees or touches the row`, async (ctx) => {
    const row = await seed(ctx, 'org_a');
    expect(await repo(ctx).run((r) => r.get('org_b', row.id))).toBeUndefined();
    expect(await repo(ctx).run((r) => r.getMany('org_b', [row.id]))).toEqual([]);
    await expectRosterError(
      repo(ctx).run((r) => r.update({ ...spec.edit(row), orgId: 'org_b' })),
      'NOT_FOUND',
    );
    await expectRosterError(
      repo(ctx).run((r) => r.delete('org_b', row.id, 1)),
      'NOT_FOUND',
    );
    expect(await repo(ctx).run((r) => r.deleteAllInOrganization('org_b'))).toBe(0);
    expect(await spec.raw(ctx.raw, 'org_a', row.id)).toEqual(row);
    expect(await spec.raw(ctx.raw, 'org_b', row.id)).toBeUndefined();
  });

  test(`${subject}: deleteAllInOrganization deletes that organization's rows only`, async (ctx) => {
    const doomed = [await seed(ctx, 'org_a'), await seed(ctx, 'org_a'), await seed(ctx, 'org_a')];
    const kept = await seed(ctx, 'org_b');
    expect(await repo(ctx).run((r) => r.deleteAllInOrganization('org_a'))).toBe(3);
    for (const row of doomed) expect(await spec.raw(ctx.raw, 'org_a', row.id)).toBeUndefined();
    expect(await spec.raw(ctx.raw, 'org_b', kept.id)).toEqual(kept);
    expect(await repo(ctx).run((r) => r.deleteAllInOrganization('org_a'))).toBe(0);
  });

  test(`${subject}: rows handed in or returned are never shared with the store`, async (ctx) => {
    const row = spec.build('org_a');
    const original = structuredClone(row);
    const returned = await repo(ctx).run((r) => r.insert(row));
    (row as { version: number }).version = 99;
    (returned as { version: number }).version = 98;
    const read = await repo(ctx).run((r) => r.get('org_a', original.id));
    if (read) (read as { version: number }).version = 97;
    expect(await repo(ctx).run((r) => r.get('org_a', original.id))).toEqual(original);
    expect(await spec.raw(ctx.raw, 'org_a', original.id)).toEqual(original);
  });
}

/** CRUD, versions, tenant isolation and deleteAllInOrganization for every tenant repository. */
export const tenantRepositoriesSuite: ConformanceSuite = (test) => {
  forEachTenantRepository((spec) => repositoryTests(test, spec));
};
