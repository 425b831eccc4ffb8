import { describe, expect, it } from 'vitest';
import {
  checkOwnerProtection,
  checkOwnerRoleGrant,
  checkOwnershipTransfer,
  ownerManagedActions,
  ownerProtectedActions,
} from '../../src/extra/index.js';

describe('checkOwnerProtection', () => {
  it('protects exactly the actions of DESIGN rule 1', () => {
    expect([...ownerProtectedActions]).toEqual([
      'deactivate',
      'removeFromTeam',
      'changeRole',
      'setRestrictions',
      'deleteOwnAccount',
      'addToTeam',
      'setManager',
    ]);
  });

  describe('outside the default space, the owner’s memberships are the owner’s alone', () => {
    const elsewhere = { accountId: 'acc_1', ownerId: 'acc_1', spaceId: 's2', defaultSpaceId: 's1' };

    it.each([...ownerManagedActions, 'setManager'])('refuses %s by someone else', (action) => {
      const error = checkOwnerProtection({ ...elsewhere, action, actorId: 'acc_2' });
      expect(error?.details).toEqual({ accountId: 'acc_1', action });
    });

    it.each(ownerManagedActions)('lets the owner take %s on themselves', (action) => {
      expect(checkOwnerProtection({ ...elsewhere, action, actorId: 'acc_1' })).toBeUndefined();
    });

    it('still refuses the owner a manager, and anything in the default space', () => {
      expect(
        checkOwnerProtection({ ...elsewhere, action: 'setManager', actorId: 'acc_1' })?.code,
      ).toBe('OWNER_PROTECTED');
      expect(
        checkOwnerProtection({
          ...elsewhere,
          spaceId: 's1',
          action: 'removeFromTeam',
          actorId: 'acc_1',
        })?.code,
      ).toBe('OWNER_PROTECTED');
      expect(
        checkOwnerProtection({
          ...elsewhere,
          spaceId: 's1',
          action: 'assignGroups',
          actorId: 'acc_2',
        }),
      ).toBeUndefined();
    });
  });

  describe('checkOwnerRoleGrant', () => {
    it('refuses granting an owner role that is not shared', () => {
      const error = checkOwnerRoleGrant({
        role: 'owner',
        ownerRole: { name: 'owner' },
        ownerId: 'o',
      });
      expect(error?.details).toEqual({ accountId: 'o', action: 'grantOwnerRole' });
      expect(error?.message).toMatch(/moves only by transferring ownership/);
    });

    it('allows a shared owner role and every other role', () => {
      const shared = { name: 'administrator', shared: true };
      expect(
        checkOwnerRoleGrant({ role: 'administrator', ownerRole: shared, ownerId: 'o' }),
      ).toBeUndefined();
      expect(
        checkOwnerRoleGrant({ role: 'agent', ownerRole: { name: 'owner' }, ownerId: 'o' }),
      ).toBeUndefined();
    });
  });

  it.each(ownerProtectedActions)('refuses %s on the owner', (action) => {
    const error = checkOwnerProtection({ accountId: 'acc_1', ownerId: 'acc_1', action });
    expect(error?.code).toBe('OWNER_PROTECTED');
    expect(error?.details).toEqual({ accountId: 'acc_1', action });
    expect(error?.message).toMatch(/^The organization owner cannot be .+\. Transfer ownership/);
    expect(error?.message).not.toContain('undefined');
  });

  it.each(ownerProtectedActions)('allows %s on anyone else', (action) => {
    expect(checkOwnerProtection({ accountId: 'acc_2', ownerId: 'acc_1', action })).toBeUndefined();
  });

  it.each([
    'updateProfile',
    'reactivate',
    'assignGroups',
    'requestPasswordReset',
    'deleteOrganization',
    'transferOwnership',
    'toString',
    '',
  ])('allows %j on the owner', (action) => {
    expect(checkOwnerProtection({ accountId: 'acc_1', ownerId: 'acc_1', action })).toBeUndefined();
  });

  it('compares ids exactly', () => {
    expect(
      checkOwnerProtection({ accountId: 'ACC_1', ownerId: 'acc_1', action: 'deactivate' }),
    ).toBeUndefined();
  });
});

describe('checkOwnershipTransfer', () => {
  const ok = { accountId: 'acc_2', status: 'active', isMemberOfDefaultSpace: true };

  it('allows a transfer to another active member of the default space', () => {
    expect(checkOwnershipTransfer({ ownerId: 'acc_1', to: ok })).toBeUndefined();
  });

  it.each([
    ['to the owner themself', { ...ok, accountId: 'acc_1' }, 'is already the owner'],
    ['to a deactivated account', { ...ok, status: 'deactivated' }, 'is deactivated, not active'],
    ['to a pending account', { ...ok, status: 'pending' }, 'is pending, not active'],
    ['to a deleted account', { ...ok, status: 'deleted' }, 'is deleted, not active'],
    [
      'to an account outside the default space',
      { ...ok, isMemberOfDefaultSpace: false },
      'is not a member of the default space',
    ],
  ])('refuses a transfer %s with INVALID_INPUT at path to', (_label, to, reason) => {
    const error = checkOwnershipTransfer({ ownerId: 'acc_1', to });
    expect(error?.code).toBe('INVALID_INPUT');
    expect(error?.details).toEqual({
      issues: [{ path: ['to'], message: `The new owner ${reason}` }],
    });
    expect(error?.message).toBe(
      `Ownership can only move to another active member; this account ${reason}.`,
    );
  });

  it('names the first reason when several apply', () => {
    const error = checkOwnershipTransfer({
      ownerId: 'acc_1',
      to: { accountId: 'acc_2', status: 'deactivated', isMemberOfDefaultSpace: false },
    });
    expect(error?.details.issues).toEqual([
      { path: ['to'], message: 'The new owner is deactivated, not active' },
    ]);
  });
});
