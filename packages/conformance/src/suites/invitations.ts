import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { buildInvitation } from '../fixtures.js';

/** Invitations: the token hash is unique across organizations and finds its invitation anywhere. */
export const invitationsSuite: ConformanceSuite = (test) => {
  test('Invitation: findByTokenHash finds the invitation in any organization', async ({
    store,
  }) => {
    const inA = buildInvitation({ orgId: 'org_a' });
    const inB = buildInvitation({ orgId: 'org_b' });
    await store.transaction(async (tx) => {
      await tx.invitations.insert(inA);
      await tx.invitations.insert(inB);
    });
    const find = (hash: string) => store.transaction((tx) => tx.invitations.findByTokenHash(hash));
    expect(await find(inA.tokenHash)).toEqual(inA);
    expect(await find(inB.tokenHash)).toEqual(inB);
    expect(await find('f'.repeat(64))).toBeUndefined();
  });

  test('Invitation: a token hash is unique across organizations (CONFLICT unique)', async ({
    store,
    raw,
  }) => {
    const first = buildInvitation({ orgId: 'org_a' });
    const clash = buildInvitation({ orgId: 'org_b', tokenHash: first.tokenHash });
    await store.transaction((tx) => tx.invitations.insert(first));
    await expectRosterError(
      store.transaction((tx) => tx.invitations.insert(clash)),
      'CONFLICT',
      { subject: 'Invitation', reason: 'unique' },
    );
    expect(await raw.invitation('org_b', clash.id)).toBeUndefined();
  });

  test('Invitation: rotating the token hash on update moves the lookup', async ({ store, raw }) => {
    const invitation = buildInvitation({ orgId: 'org_a' });
    const other = buildInvitation({ orgId: 'org_a' });
    await store.transaction(async (tx) => {
      await tx.invitations.insert(invitation);
      await tx.invitations.insert(other);
    });
    const rotated = { ...invitation, tokenHash: 'b'.repeat(64) };
    await store.transaction((tx) => tx.invitations.update(rotated));
    const find = (hash: string) => store.transaction((tx) => tx.invitations.findByTokenHash(hash));
    expect(await find(invitation.tokenHash)).toBeUndefined();
    expect(await find(rotated.tokenHash)).toEqual({ ...rotated, version: 2 });
    await expectRosterError(
      store.transaction((tx) => tx.invitations.update({ ...other, tokenHash: rotated.tokenHash })),
      'CONFLICT',
      { reason: 'unique' },
    );
    expect(await raw.invitation('org_a', other.id)).toEqual(other);
  });

  test('Invitation: listByAccount returns the invitations of one account, newest first', async ({
    store,
  }) => {
    const day = 24 * 60 * 60 * 1000;
    const base = Date.UTC(2026, 0, 1);
    const oldest = buildInvitation({
      orgId: 'org_a',
      accountId: 'acc_1',
      createdAt: new Date(base),
    });
    const newest = buildInvitation({
      orgId: 'org_a',
      accountId: 'acc_1',
      createdAt: new Date(base + 2 * day),
    });
    const middle = buildInvitation({
      orgId: 'org_a',
      accountId: 'acc_1',
      createdAt: new Date(base + day),
      status: 'revoked',
    });
    const someoneElse = buildInvitation({ orgId: 'org_a', accountId: 'acc_2' });
    const otherOrg = buildInvitation({ orgId: 'org_b', accountId: 'acc_1' });
    await store.transaction(async (tx) => {
      for (const row of [oldest, newest, middle, someoneElse, otherOrg]) {
        await tx.invitations.insert(row);
      }
    });
    expect(await store.transaction((tx) => tx.invitations.listByAccount('org_a', 'acc_1'))).toEqual(
      [newest, middle, oldest],
    );
  });
};
