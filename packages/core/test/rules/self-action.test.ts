import { describe, expect, it } from 'vitest';
import { checkSelfAction, selfProtectedActions } from '../../src/extra/index.js';

describe('checkSelfAction', () => {
  it('protects exactly the actions of DESIGN rule 3', () => {
    expect([...selfProtectedActions]).toEqual([
      'changeRole',
      'setRestrictions',
      'addToTeam',
      'removeFromTeam',
      'assignGroups',
      'setManager',
      'deactivate',
      'reactivate',
    ]);
  });

  it('lets only the owner manage their own memberships, and only outside the default space', () => {
    const owner = { actorId: 'o', targetId: 'o', ownerId: 'o', defaultSpaceId: 's1' };
    for (const action of ['addToTeam', 'removeFromTeam', 'assignGroups', 'changeRole']) {
      expect(checkSelfAction({ ...owner, action, spaceId: 's2' })).toBeUndefined();
      expect(checkSelfAction({ ...owner, action, spaceId: 's1' })?.code).toBe('SELF_ACTION');
      expect(checkSelfAction({ ...owner, ownerId: 'x', action, spaceId: 's2' })?.code).toBe(
        'SELF_ACTION',
      );
    }
    expect(checkSelfAction({ ...owner, action: 'setManager', spaceId: 's2' })?.code).toBe(
      'SELF_ACTION',
    );
  });

  it.each(selfProtectedActions)('refuses %s on oneself', (action) => {
    const error = checkSelfAction({ actorId: 'acc_2', targetId: 'acc_2', action });
    expect(error?.code).toBe('SELF_ACTION');
    expect(error?.details).toEqual({ accountId: 'acc_2', action });
    expect(error?.message).toMatch(
      /^You cannot .+; another person who manages users must do it\.$/,
    );
    expect(error?.message).not.toContain('undefined');
  });

  it('words each refusal for a person', () => {
    const message = (action: string) =>
      checkSelfAction({ actorId: 'a', targetId: 'a', action })?.message;
    expect(message('removeFromTeam')).toBe(
      'You cannot remove yourself from the team; another person who manages users must do it.',
    );
    expect(message('changeRole')).toBe(
      'You cannot change the role of your own account; another person who manages users must do it.',
    );
    expect(message('assignGroups')).toBe(
      'You cannot change the groups of your own account; another person who manages users must do it.',
    );
    expect(message('deactivate')).toBe(
      'You cannot deactivate your own account; another person who manages users must do it.',
    );
  });

  it.each(selfProtectedActions)('allows %s on someone else', (action) => {
    expect(checkSelfAction({ actorId: 'acc_1', targetId: 'acc_2', action })).toBeUndefined();
  });

  it.each(['updateProfile', 'deleteOwnAccount', 'requestPasswordReset', 'read', 'toString'])(
    'allows %s on oneself',
    (action) => {
      expect(checkSelfAction({ actorId: 'acc_2', targetId: 'acc_2', action })).toBeUndefined();
    },
  );
});
