import { describe, expect, it } from 'vitest';
import { FindAccountInput, HistoryInput, LinkExternalIdInput } from '../src/extra/index.js';
import {
  createRoster,
  ExternalId,
  matchAll,
  type Policy,
  type RoleCatalog,
  type Store,
} from '../src/index.js';

// Input rules and options of issue 14 that need no store: a store that
// refuses to be used proves that bad options are refused at createRoster.
const untouchable: Store = {
  transaction: () => Promise.reject(new Error('the store must not be used')),
};
const roles: RoleCatalog = { ownerRole: { name: 'owner' }, roles: [{ name: 'owner' }] };
const policy: Policy = { roles, check: () => ({ allowed: true }), readFilter: () => matchAll };

describe('ExternalId', () => {
  it('keeps an id exactly, and refuses empty, too long, control characters and white space at an end', () => {
    expect(ExternalId.parse('auth0|Ana Ng')).toBe('auth0|Ana Ng');
    for (const bad of ['', 'x'.repeat(256), 'a\nb', ' a', 'a ', '\ta', 'a\u00a0']) {
      expect(ExternalId.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('inputs of findAccount, linkExternalId and history', () => {
  it('findAccount takes exactly one of externalId and email, and normalizes the email', () => {
    expect(FindAccountInput.parse({ orgId: 'org_1', email: ' Bo@ACME.io' })).toEqual({
      orgId: 'org_1',
      email: 'bo@acme.io',
    });
    for (const [bad, field] of [
      [{ orgId: 'org_1' }, 'externalId'],
      [{ orgId: 'org_1', email: 'bo@acme.io', externalId: 'x' }, 'email'],
      [{ orgId: 'org_1', externalId: ' x' }, 'externalId'],
    ] as const) {
      const result = FindAccountInput.safeParse(bad);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.details.issues[0]?.path).toEqual([field]);
    }
  });

  it('history pages 100 events by default, 1 to 500', () => {
    expect(HistoryInput.parse({ accountId: 'acc_1' })).toEqual({ accountId: 'acc_1', limit: 100 });
    expect(HistoryInput.safeParse({ accountId: 'acc_1', limit: 501 }).success).toBe(false);
    expect(LinkExternalIdInput.safeParse({ accountId: 'acc_1' }).success).toBe(false);
  });
});

describe('createRoster seatLimits', () => {
  it('takes members and pendingInvitations, integers of 0 or more, by plan', () => {
    expect(() =>
      createRoster({ store: untouchable, policy, seatLimits: { free: { members: 0 } } }),
    ).not.toThrow();
    for (const seatLimits of [
      { free: { members: -1 } },
      { free: { members: 1.5 } },
      { free: { pendingInvitations: Number.NaN } },
      { free: { seats: 3 } },
    ]) {
      expect(() => createRoster({ store: untouchable, policy, seatLimits } as never)).toThrow(
        TypeError,
      );
    }
  });
});
