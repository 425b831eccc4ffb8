import { describe, expect, it } from 'vitest';
import { ownerProtectedActions, selfProtectedActions } from '../src/extra/index.js';
import {
  accountMachine,
  membershipMachine,
  rosterActions,
  systemClock,
  uuidIdGenerator,
} from '../src/index.js';

describe('systemClock', () => {
  it('reads the system time', () => {
    const before = Date.now();
    const now = systemClock.now();
    const after = Date.now();
    expect(now).toBeInstanceOf(Date);
    expect(now.getTime()).toBeGreaterThanOrEqual(before);
    expect(now.getTime()).toBeLessThanOrEqual(after);
  });
});

describe('uuidIdGenerator', () => {
  it('makes distinct v4 UUIDs that fit an Id', () => {
    const ids = Array.from({ length: 200 }, () => uuidIdGenerator.next('Account'));
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(uuidIdGenerator.next('OutboxMessage')).not.toBe(uuidIdGenerator.next('OutboxMessage'));
  });
});

describe('rosterActions', () => {
  it('has no duplicates', () => {
    expect(new Set(rosterActions).size).toBe(rosterActions.length);
  });

  it('covers every protected action, so the policy is asked about each', () => {
    const actions: readonly string[] = rosterActions;
    for (const action of [...ownerProtectedActions, ...selfProtectedActions]) {
      expect(actions).toContain(action);
    }
  });

  it('covers every machine event a signed-in actor triggers (accepting and declining an invitation are the token’s)', () => {
    const actions: readonly string[] = rosterActions;
    const events = [accountMachine, membershipMachine].flatMap((machine) =>
      Object.values(machine.states as Record<string, { on: object }>).flatMap((state) =>
        Object.keys(state.on),
      ),
    );
    expect(events.filter((event) => !actions.includes(event))).toEqual([
      'acceptInvitation',
      'declineInvitation',
    ]);
  });
});
