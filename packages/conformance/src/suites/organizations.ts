import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { buildOrganization } from '../fixtures.js';

/** Organizations: insert, get, update and delete with versions. */
export const organizationsSuite: ConformanceSuite = (test) => {
  test('Organization: insert stores it and get reads it back', async ({ store, raw }) => {
    const org = buildOrganization();
    expect(await store.transaction((tx) => tx.organizations.insert(org))).toEqual(org);
    expect(await raw.organization(org.id)).toEqual(org);
    expect(await store.transaction((tx) => tx.organizations.get(org.id))).toEqual(org);
    expect(await store.transaction((tx) => tx.organizations.get('missing'))).toBeUndefined();
  });

  test('Organization: insert refuses a taken id or a version other than 1', async ({
    store,
    raw,
  }) => {
    const org = buildOrganization();
    await store.transaction((tx) => tx.organizations.insert(org));
    await expectRosterError(
      store.transaction((tx) => tx.organizations.insert({ ...org, name: 'Other' })),
      'CONFLICT',
      { reason: 'unique' },
    );
    const second = buildOrganization({ version: 3 });
    await expectRosterError(
      store.transaction((tx) => tx.organizations.insert(second)),
      'INVALID_INPUT',
    );
    expect(await raw.organization(org.id)).toEqual(org);
    expect(await raw.organization(second.id)).toBeUndefined();
  });

  test('Organization: update stores version + 1; a stale update changes nothing', async ({
    store,
    raw,
  }) => {
    const org = buildOrganization();
    await store.transaction((tx) => tx.organizations.insert(org));
    const renamed = await store.transaction((tx) =>
      tx.organizations.update({ ...org, name: 'Renamed' }),
    );
    expect(renamed).toEqual({ ...org, name: 'Renamed', version: 2 });
    await expectRosterError(
      store.transaction((tx) => tx.organizations.update({ ...org, plan: 'free' })),
      'CONFLICT',
      { subject: 'Organization', id: org.id, reason: 'stale-version' },
    );
    expect(await raw.organization(org.id)).toEqual(renamed);
  });

  test('Organization: delete at the stored version; stale or missing is refused', async ({
    store,
    raw,
  }) => {
    const org = buildOrganization();
    await store.transaction((tx) => tx.organizations.insert(org));
    await store.transaction((tx) => tx.organizations.update({ ...org, name: 'Renamed' }));
    await expectRosterError(
      store.transaction((tx) => tx.organizations.delete(org.id, 1)),
      'CONFLICT',
      { reason: 'stale-version' },
    );
    expect(await raw.organization(org.id)).toMatchObject({ version: 2 });
    await store.transaction((tx) => tx.organizations.delete(org.id, 2));
    expect(await raw.organization(org.id)).toBeUndefined();
    await expectRosterError(
      store.transaction((tx) => tx.organizations.delete(org.id, 2)),
      'NOT_FOUND',
      { subject: 'Organization', id: org.id },
    );
    await expectRosterError(
      store.transaction((tx) => tx.organizations.update(org)),
      'NOT_FOUND',
      { subject: 'Organization', id: org.id },
    );
  });
};
