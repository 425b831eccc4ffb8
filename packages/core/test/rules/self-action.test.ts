import { describe, expect, it } from 'vitest';
import { checkSelfAction, selfProtectedActions } from '../../src/index.js';

describe('checkSelfAction', () => {
  it('protects exactly the actions of DESIGN rule 3', () => {
    expect([...selfProtectedActions]).toEqual([
      'changeRole',
      'setRestrictions',
      'addToTeam',
      'removeFromTeam',
      'deactivate',
      'reactivate',
    ]);
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
