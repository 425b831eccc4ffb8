import { describe, expect, it } from 'vitest';
import { checkRank } from '../../src/extra/index.js';

describe('checkRank', () => {
  it('allows when there is nothing to compare', () => {
    expect(checkRank({ actorRank: 0 })).toBeUndefined();
  });

  it.each([
    [{ actorRank: 50, targetRank: 50 }],
    [{ actorRank: 50, grantedRank: 50 }],
    [{ actorRank: 50, targetRank: 50, grantedRank: 50 }],
    [{ actorRank: 50, targetRank: 10, grantedRank: 49 }],
    [{ actorRank: -5, targetRank: -10 }],
  ])('allows equal or lower ranks: %j', (input) => {
    expect(checkRank(input)).toBeUndefined();
  });

  it('refuses acting on an account ranked above the actor', () => {
    const error = checkRank({ actorRank: 50, targetRank: 90 });
    expect(error?.code).toBe('RANK_EXCEEDED');
    expect(error?.details).toEqual({ actorRank: 50, targetRank: 90, target: 'account' });
    expect(error?.message).toBe('You cannot act on an account whose role ranks above yours.');
  });

  it('refuses granting a role ranked above the actor', () => {
    const error = checkRank({ actorRank: 50, targetRank: 10, grantedRank: 51 });
    expect(error?.code).toBe('RANK_EXCEEDED');
    expect(error?.details).toEqual({ actorRank: 50, targetRank: 51, target: 'role' });
    expect(error?.message).toBe('You cannot grant a role that ranks above your own.');
  });

  it('reports the target account first when both exceed', () => {
    const error = checkRank({ actorRank: 50, targetRank: 60, grantedRank: 70 });
    expect(error?.details).toEqual({ actorRank: 50, targetRank: 60, target: 'account' });
  });

  it('treats rank 0 as a rank, not as absent', () => {
    expect(checkRank({ actorRank: -1, targetRank: 0 })?.details).toMatchObject({
      target: 'account',
    });
    expect(checkRank({ actorRank: -1, grantedRank: 0 })?.details).toMatchObject({
      target: 'role',
    });
  });
});

describe('checkRank with ranks that are not numbers (fails closed)', () => {
  it.each([
    [{ actorRank: Number.NaN, targetRank: 10 }, 'account'],
    [{ actorRank: Number.NaN, grantedRank: 10 }, 'role'],
    [{ actorRank: 50, targetRank: Number.NaN }, 'account'],
    [{ actorRank: 50, grantedRank: Number.NaN }, 'role'],
  ] as const)('refuses %j', (input, target) => {
    const error = checkRank(input);
    expect(error?.code).toBe('RANK_EXCEEDED');
    expect(error?.details.target).toBe(target);
  });

  it('refuses an actor whose rank did not resolve (undefined at run time)', () => {
    const roles: Record<string, number> = { agent: 10 };
    const actorRank = roles.ghost as number;
    expect(checkRank({ actorRank, grantedRank: 10 })?.code).toBe('RANK_EXCEEDED');
  });

  it('still allows infinite authority over finite ranks', () => {
    expect(
      checkRank({ actorRank: Number.POSITIVE_INFINITY, targetRank: 1e9, grantedRank: 1e9 }),
    ).toBeUndefined();
  });
});
