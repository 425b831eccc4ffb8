import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  type LifecycleContext,
  lifecycleGuards,
  toMarkdownTable,
  toMermaid,
} from '../src/extra/index.js';
import {
  type AccountContext,
  type AccountEvent,
  type AccountState,
  AccountStatus,
  accountMachine,
  can,
  defineMachine,
  type Machine,
  type MachineTable,
  type MembershipEvent,
  type MembershipLifecycleState,
  MembershipState,
  membershipMachine,
  RosterError,
  transition,
} from '../src/index.js';

interface Row {
  from: string;
  event: string;
  to: string;
  guards: string[];
  effects: string[];
}

// The expected tables, written out by hand from DESIGN §3 and §4: a change to
// a machine must change these rows too.
const expectedAccount = {
  id: 'account',
  initial: 'pending',
  states: ['pending', 'active', 'deactivated', 'deleted'],
  final: ['deleted'],
  rows: [
    {
      from: 'pending',
      event: 'acceptInvitation',
      to: 'active',
      guards: [],
      effects: ['consumeInvitation', 'startMembershipPeriod'],
    },
    {
      from: 'pending',
      event: 'resendInvitation',
      to: 'pending',
      guards: [],
      effects: ['rotateInvitationToken', 'sendInvitation'],
    },
    {
      from: 'pending',
      event: 'revokeInvitation',
      to: 'deleted',
      guards: [],
      effects: ['revokeInvitation', 'erasePersonalData'],
    },
    {
      from: 'pending',
      event: 'declineInvitation',
      to: 'deleted',
      guards: [],
      effects: ['declineInvitation', 'erasePersonalData'],
    },
    {
      from: 'pending',
      event: 'deleteOrganization',
      to: 'deleted',
      guards: [],
      effects: ['erasePersonalData'],
    },
    {
      from: 'active',
      event: 'deactivate',
      to: 'deactivated',
      guards: ['notOwner', 'profileComplete', 'reportsReassigned'],
      effects: ['clearGroups', 'reassignReports', 'runResourceHandlers', 'revokeSessions'],
    },
    {
      from: 'active',
      event: 'deleteOwnAccount',
      to: 'deleted',
      guards: ['notOwner', 'reportsReassigned'],
      effects: [
        'endMemberships',
        'reassignReports',
        'runResourceHandlers',
        'revokeSessions',
        'erasePersonalData',
      ],
    },
    {
      from: 'active',
      event: 'deleteOrganization',
      to: 'deleted',
      guards: [],
      effects: ['revokeSessions', 'erasePersonalData'],
    },
    {
      from: 'deactivated',
      event: 'reactivate',
      to: 'active',
      guards: ['profileComplete'],
      effects: [],
    },
    {
      from: 'deactivated',
      event: 'deleteOwnAccount',
      to: 'deleted',
      guards: ['notOwner', 'reportsReassigned'],
      effects: ['endMemberships', 'reassignReports', 'runResourceHandlers', 'erasePersonalData'],
    },
    {
      from: 'deactivated',
      event: 'deleteOrganization',
      to: 'deleted',
      guards: [],
      effects: ['erasePersonalData'],
    },
  ] satisfies Row[],
};

const expectedMembership = {
  id: 'membership',
  initial: 'account-only',
  states: ['account-only', 'member'],
  final: [] as string[],
  rows: [
    {
      from: 'account-only',
      event: 'addToTeam',
      to: 'member',
      guards: [],
      effects: ['startMembershipPeriod'],
    },
    {
      from: 'member',
      event: 'removeFromTeam',
      to: 'account-only',
      guards: ['notOwner', 'reportsReassigned'],
      effects: ['endMembershipPeriod', 'clearGroups', 'reassignReports', 'runResourceHandlers'],
    },
  ] satisfies Row[],
};

function rowsOf(table: MachineTable): Row[] {
  return Object.entries(table.states).flatMap(([from, spec]) =>
    Object.entries(spec.on).map(([event, next]) => ({
      from,
      event,
      to: next.target,
      guards: [...next.guards],
      effects: [...next.effects],
    })),
  );
}

/** A context in which every guard passes: not the owner, nothing required, no reports. */
const passing: LifecycleContext = { accountId: 'acc_2', ownerId: 'acc_1' };

// `transition` and `can` typed loosely over both machines, for the table-driven tests.
type AnyMachine = Machine<MachineTable, LifecycleContext>;
const loose = (machine: unknown) => machine as AnyMachine;

const machines = [
  {
    name: 'accountMachine',
    machine: loose(accountMachine),
    expected: expectedAccount,
    model: AccountStatus,
  },
  {
    name: 'membershipMachine',
    machine: loose(membershipMachine),
    expected: expectedMembership,
    model: MembershipState,
  },
] as const;

const apply = (machine: AnyMachine, from: string, event: string, context = passing) =>
  transition(machine, from, event, context);
const allowed = (machine: AnyMachine, from: string, event: string) => can(machine, from, event);

describe.each(machines)('$name', ({ machine, expected, model }) => {
  const events = [...new Set(expected.rows.map((row) => row.event))];
  const pairs = expected.states.flatMap((from) => events.map((event) => ({ from, event })));
  const rowFor = (from: string, event: string) =>
    expected.rows.find((row) => row.from === from && row.event === event);
  const refused = pairs.filter(({ from, event }) => rowFor(from, event) === undefined);

  it('has exactly the expected table', () => {
    expect(machine.id).toBe(expected.id);
    expect(machine.initial).toBe(expected.initial);
    expect([...machine.stateNames]).toEqual(expected.states);
    expect(Object.keys(machine.states)).toEqual(expected.states);
    expect(rowsOf(machine)).toEqual(expected.rows);
    const finals = Object.entries(machine.states as MachineTable['states'])
      .filter(([, spec]) => spec.final === true)
      .map(([state]) => state);
    expect(finals).toEqual(expected.final);
  });

  it('has the states of the model, in the same order (the model is the layer below)', () => {
    // The stored status is validated by the model's enum; the machine must know every one.
    expect((model.schema as unknown as z.ZodEnum).options).toEqual([...machine.stateNames]);
    for (const state of machine.stateNames) expect(model.parse(state)).toBe(state);
  });

  it('describes every state and every transition for people', () => {
    for (const spec of Object.values(machine.states as MachineTable['states'])) {
      expect(spec.description.trim().length).toBeGreaterThan(0);
      for (const next of Object.values(spec.on)) {
        expect(next.description.trim().length).toBeGreaterThan(0);
      }
    }
  });

  it('implements every guard its table names', () => {
    for (const row of expected.rows) {
      for (const guard of row.guards) {
        expect(typeof (machine.guards as Record<string, unknown>)[guard]).toBe('function');
      }
    }
  });

  it.each(expected.rows)('$from --$event--> $to with its effects', (row) => {
    expect(allowed(machine, row.from, row.event)).toBe(true);
    expect(apply(machine, row.from, row.event)).toEqual({
      ok: true,
      state: row.to,
      effects: row.effects,
    });
  });

  it('refuses at least one pair, and every final state refuses every event', () => {
    expect(refused.length).toBeGreaterThan(0);
    for (const final of expected.final) {
      expect(refused.filter((pair) => pair.from === final)).toHaveLength(events.length);
    }
  });

  it.each(refused)('refuses $event from $from with INVALID_TRANSITION', ({ from, event }) => {
    expect(allowed(machine, from, event)).toBe(false);
    const result = apply(machine, from, event);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(RosterError.isInstance(result.error, 'INVALID_TRANSITION')).toBe(true);
    expect(result.error.details).toEqual({ machine: expected.id, from, event });
    expect(result.error.message).toContain(event);
    expect(result.error.message).toContain(from);
  });

  it('can() agrees with the table on every pair', () => {
    for (const { from, event } of pairs) {
      expect(allowed(machine, from, event)).toBe(rowFor(from, event) !== undefined);
    }
  });

  it('refuses unknown states and events, including Object.prototype names', () => {
    for (const [from, event] of [
      ['archived', events[0] as string],
      [expected.states[0] as string, 'explode'],
      ['toString', 'constructor'],
      [expected.states[0] as string, 'toString'],
      [expected.states[0] as string, '__proto__'],
      ['__proto__', 'hasOwnProperty'],
    ] as const) {
      expect(allowed(machine, from, event)).toBe(false);
      const result = apply(machine, from, event);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.details).toEqual({ machine: expected.id, from, event });
    }
  });
});

describe('property: random walks follow the table', () => {
  it.each(machines)(
    '$name: every step is the table’s, and the context is untouched',
    ({ machine, expected }) => {
      const events = [...new Set(expected.rows.map((row) => row.event))];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...events), { maxLength: 20 }), (walk) => {
          const context = Object.freeze({ ...passing, directReportIds: Object.freeze([]) });
          let state: string = machine.initial;
          for (const event of walk) {
            const row = expected.rows.find((r) => r.from === state && r.event === event);
            const result = apply(machine, state, event, context);
            expect(result).toEqual(apply(machine, state, event, context));
            if (row === undefined) {
              expect(result.ok ? undefined : result.error.code).toBe('INVALID_TRANSITION');
            } else {
              expect(result).toEqual({ ok: true, state: row.to, effects: row.effects });
              if (result.ok) state = result.state;
            }
            expect(expected.states).toContain(state);
          }
        }),
        { numRuns: 200 },
      );
    },
  );
});

describe('INVALID_TRANSITION message', () => {
  it('reads as a sentence with the right article', () => {
    const account = transition(accountMachine, 'pending', 'deactivate', passing);
    expect(account.ok).toBe(false);
    if (!account.ok)
      expect(account.error.message).toBe('Cannot deactivate an account that is pending.');
    const membership = transition(membershipMachine, 'account-only', 'removeFromTeam', passing);
    expect(membership.ok).toBe(false);
    if (!membership.ok) {
      expect(membership.error.message).toBe(
        'Cannot removeFromTeam a membership that is account-only.',
      );
    }
  });
});

describe('guards', () => {
  const owner: AccountContext = { accountId: 'acc_1', ownerId: 'acc_1' };

  describe('notOwner', () => {
    it.each([
      [loose(accountMachine), 'active', 'deactivate'],
      [loose(accountMachine), 'active', 'deleteOwnAccount'],
      [loose(accountMachine), 'deactivated', 'deleteOwnAccount'],
      [loose(membershipMachine), 'member', 'removeFromTeam'],
    ] as [AnyMachine, string, string][])(
      '%#: refuses %s %s of the owner',
      (machine, from, event) => {
        const result = apply(machine, from, event, owner);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(RosterError.isInstance(result.error, 'OWNER_PROTECTED')).toBe(true);
        expect(result.error.details).toEqual({ accountId: 'acc_1', action: event });
      },
    );

    it('lets the organization be deleted with its owner in it', () => {
      for (const from of ['pending', 'active', 'deactivated'] as const) {
        const result = transition(accountMachine, from, 'deleteOrganization', owner);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.state).toBe('deleted');
      }
    });

    it('lets the owner be added to a team and reactivated', () => {
      expect(transition(membershipMachine, 'account-only', 'addToTeam', owner).ok).toBe(true);
      expect(transition(accountMachine, 'deactivated', 'reactivate', owner).ok).toBe(true);
    });
  });

  describe('profileComplete', () => {
    const incomplete: AccountContext = {
      ...passing,
      person: { firstName: 'Bo', lastName: '  ', profile: { phone: '', site: 'London' } },
      requiredProfileFields: [
        'firstName',
        'lastName',
        'profile.phone',
        'profile.site',
        'profile.extension',
      ],
    };

    it.each([
      ['active', 'deactivate'],
      ['deactivated', 'reactivate'],
    ] as [AccountState, AccountEvent][])(
      'refuses %s → %s listing the missing fields',
      (from, event) => {
        const result = transition(accountMachine, from, event, incomplete);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(RosterError.isInstance(result.error, 'PROFILE_INCOMPLETE')).toBe(true);
        expect(result.error.details).toEqual({
          accountId: 'acc_2',
          missingFields: ['lastName', 'profile.phone', 'profile.extension'],
        });
        expect(result.error.message).toContain('lastName, profile.phone, profile.extension');
      },
    );

    it('passes once the fields are filled in', () => {
      const complete: AccountContext = {
        ...incomplete,
        person: {
          firstName: 'Bo',
          lastName: 'Li',
          profile: { phone: '1', site: 'x', extension: 0 },
        },
      };
      expect(transition(accountMachine, 'active', 'deactivate', complete)).toMatchObject({
        ok: true,
        state: 'deactivated',
      });
      expect(transition(accountMachine, 'deactivated', 'reactivate', complete)).toMatchObject({
        ok: true,
        state: 'active',
      });
    });

    it('is not checked on deleting one’s own account or removal from a team', () => {
      expect(transition(accountMachine, 'active', 'deleteOwnAccount', incomplete).ok).toBe(true);
      expect(transition(membershipMachine, 'member', 'removeFromTeam', incomplete).ok).toBe(true);
    });

    it('treats a missing person as empty', () => {
      const result = transition(accountMachine, 'deactivated', 'reactivate', {
        ...passing,
        requiredProfileFields: ['firstName'],
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.details).toMatchObject({ missingFields: ['firstName'] });
    });
  });

  describe('reportsReassigned', () => {
    const manager: AccountContext = { ...passing, directReportIds: ['acc_7', 'acc_8'] };
    const cases = [
      [loose(accountMachine), 'active', 'deactivate'],
      [loose(accountMachine), 'active', 'deleteOwnAccount'],
      [loose(accountMachine), 'deactivated', 'deleteOwnAccount'],
      [loose(membershipMachine), 'member', 'removeFromTeam'],
    ] as [AnyMachine, string, string][];

    it.each(cases)('%#: refuses %s %s with reports not covered', (machine, from, event) => {
      const result = apply(machine, from, event, manager);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(RosterError.isInstance(result.error, 'HAS_DIRECT_REPORTS')).toBe(true);
      expect(result.error.details).toEqual({ managerId: 'acc_2', reportIds: ['acc_7', 'acc_8'] });

      const partly = apply(machine, from, event, {
        ...manager,
        reassignment: { each: { acc_7: 'acc_9' } },
      });
      expect(partly.ok).toBe(false);
      if (!partly.ok)
        expect(partly.error.details).toEqual({ managerId: 'acc_2', reportIds: ['acc_8'] });
    });

    it.each(cases)('%#: allows %s %s when {to} covers them', (machine, from, event) => {
      expect(apply(machine, from, event, { ...manager, reassignment: { to: 'acc_9' } }).ok).toBe(
        true,
      );
    });

    it.each(cases)('%#: allows %s %s when {each} covers them', (machine, from, event) => {
      const reassignment = { each: { acc_7: 'acc_9', acc_8: 'acc_10' } };
      expect(apply(machine, from, event, { ...manager, reassignment }).ok).toBe(true);
    });

    it('refuses a reassignment to the leaving manager with INVALID_INPUT', () => {
      const result = transition(accountMachine, 'active', 'deactivate', {
        ...manager,
        reassignment: { to: 'acc_2' },
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
    });

    it('is not checked on reactivation', () => {
      expect(transition(accountMachine, 'deactivated', 'reactivate', manager).ok).toBe(true);
    });
  });

  describe('order', () => {
    const everythingWrong = (accountId: string): AccountContext => ({
      accountId,
      ownerId: 'acc_1',
      person: {},
      requiredProfileFields: ['profile.phone'],
      directReportIds: ['acc_7'],
    });

    it('returns the first failing guard’s error, in table order', () => {
      const codeOf = (context: AccountContext, from: AccountState, event: AccountEvent) => {
        const result = transition(accountMachine, from, event, context);
        return result.ok ? undefined : result.error.code;
      };
      expect(codeOf(everythingWrong('acc_1'), 'active', 'deactivate')).toBe('OWNER_PROTECTED');
      expect(codeOf(everythingWrong('acc_2'), 'active', 'deactivate')).toBe('PROFILE_INCOMPLETE');
      expect(
        codeOf({ ...everythingWrong('acc_2'), requiredProfileFields: [] }, 'active', 'deactivate'),
      ).toBe('HAS_DIRECT_REPORTS');
      expect(codeOf(everythingWrong('acc_1'), 'active', 'deleteOwnAccount')).toBe(
        'OWNER_PROTECTED',
      );
      expect(codeOf(everythingWrong('acc_2'), 'active', 'deleteOwnAccount')).toBe(
        'HAS_DIRECT_REPORTS',
      );
      const membership = transition(
        membershipMachine,
        'member',
        'removeFromTeam',
        everythingWrong('acc_1'),
      );
      expect(membership.ok ? undefined : membership.error.code).toBe('OWNER_PROTECTED');
    });

    it('checks the transition before any guard', () => {
      const result = transition(accountMachine, 'pending', 'deactivate', everythingWrong('acc_1'));
      expect(result.ok ? undefined : result.error.code).toBe('INVALID_TRANSITION');
      expect(result.ok ? 'ok' : result.guard).toBeUndefined();
    });

    it('names the guard that refused', () => {
      const guardOf = (context: AccountContext) => {
        const result = transition(accountMachine, 'active', 'deactivate', context);
        return result.ok ? undefined : result.guard;
      };
      expect(guardOf(everythingWrong('acc_1'))).toBe('notOwner');
      expect(guardOf(everythingWrong('acc_2'))).toBe('profileComplete');
      expect(guardOf({ ...everythingWrong('acc_2'), requiredProfileFields: [] })).toBe(
        'reportsReassigned',
      );
    });
  });

  it('lifecycleGuards are the three rules', () => {
    expect(Object.keys(lifecycleGuards).sort()).toEqual([
      'notOwner',
      'profileComplete',
      'reportsReassigned',
    ]);
    expect(lifecycleGuards.notOwner(passing, 'deactivate')).toBeUndefined();
    expect(lifecycleGuards.notOwner({ ...passing, accountId: 'acc_1' }, 'deactivate')?.code).toBe(
      'OWNER_PROTECTED',
    );
    expect(
      lifecycleGuards.notOwner({ ...passing, accountId: 'acc_1' }, 'reactivate'),
    ).toBeUndefined();
  });
});

describe('defineMachine', () => {
  const door = {
    id: 'door',
    initial: 'closed',
    states: {
      closed: {
        description: 'Shut.',
        on: {
          open: {
            target: 'open',
            guards: ['unlocked', 'notJammed'],
            effects: ['creak'],
            description: 'Open it.',
          },
        },
      },
      open: {
        description: 'Wide open.',
        on: {
          close: {
            target: 'closed',
            guards: [],
            effects: ['slam', 'echo'],
            description: 'Close it.',
          },
        },
      },
    },
  } as const;

  it('builds a machine whose guards get the context and the event, in order', () => {
    const calls: string[] = [];
    const machine = defineMachine<typeof door, { locked: boolean; jammed: boolean }>(door, {
      unlocked: (context, event) => {
        calls.push(`unlocked:${event}`);
        return context.locked
          ? new RosterError('FORBIDDEN', 'Locked.', {
              action: event,
              subject: 'door',
              reason: 'locked',
            })
          : undefined;
      },
      notJammed: (context, event) => {
        calls.push(`notJammed:${event}`);
        return context.jammed
          ? new RosterError('CONFLICT', 'Jammed.', { subject: 'door', reason: 'retry-exhausted' })
          : undefined;
      },
    });
    expect(machine.stateNames).toEqual(['closed', 'open']);
    expect(transition(machine, 'closed', 'open', { locked: false, jammed: false })).toEqual({
      ok: true,
      state: 'open',
      effects: ['creak'],
    });
    expect(calls).toEqual(['unlocked:open', 'notJammed:open']);

    calls.length = 0;
    const locked = transition(machine, 'closed', 'open', { locked: true, jammed: true });
    expect(locked.ok ? undefined : locked.error.code).toBe('FORBIDDEN');
    expect(calls).toEqual(['unlocked:open']);

    const jammed = transition(machine, 'closed', 'open', { locked: false, jammed: true });
    expect(jammed.ok ? undefined : jammed.error.code).toBe('CONFLICT');

    expect(transition(machine, 'open', 'close', { locked: true, jammed: true })).toEqual({
      ok: true,
      state: 'closed',
      effects: ['slam', 'echo'],
    });
  });

  it('throws a TypeError when a named guard has no implementation', () => {
    const machine = defineMachine(door, {} as never);
    expect(() => transition(machine, 'closed', 'open', null)).toThrow(TypeError);
    expect(() => transition(machine, 'closed', 'open', null)).toThrow('no guard "unlocked"');
  });

  it('rejects an unknown initial state', () => {
    expect(() => defineMachine({ ...door, initial: 'ajar' }, {} as never)).toThrow(TypeError);
    expect(() => defineMachine({ ...door, initial: 'ajar' }, {} as never)).toThrow(
      'initial state "ajar" is not in its table',
    );
    expect(() => defineMachine({ ...door, initial: 'toString' }, {} as never)).toThrow(TypeError);
  });

  it.each(['ajar', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])(
    'rejects a transition to the unknown state %j',
    (target) => {
      const table = {
        id: 'door',
        initial: 'closed',
        states: {
          closed: {
            description: 'Shut.',
            on: { kick: { target, guards: [], effects: [], description: 'Kick.' } },
          },
        },
      };
      expect(() => defineMachine(table, {} as never)).toThrow(TypeError);
      expect(() => defineMachine(table, {} as never)).toThrow(
        `Machine "door": closed --kick--> unknown state "${target}"`,
      );
    },
  );
});

describe('docs output', () => {
  it('toMermaid draws the membership machine exactly', () => {
    expect(toMermaid(membershipMachine)).toBe(
      [
        'stateDiagram-v2',
        '    [*] --> account_only',
        '    state "account-only" as account_only',
        '    account_only --> member: addToTeam',
        '    member --> account_only: removeFromTeam [notOwner, reportsReassigned]',
        '',
      ].join('\n'),
    );
  });

  it('freezes the tables, so no caller can change a machine for everyone', () => {
    const result = transition(membershipMachine, 'account-only', 'addToTeam', {
      accountId: 'a',
      ownerId: 'o',
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(() => (result.effects as string[]).push('hack')).toThrow(TypeError);
    expect(Object.isFrozen(accountMachine.states.active.on.deactivate.guards)).toBe(true);
    expect(() => {
      (accountMachine.states.active.on as Record<string, unknown>).deactivate = undefined;
    }).toThrow(TypeError);
  });

  it('toMarkdownTable escapes a pipe in a description', () => {
    const machine = defineMachine(
      {
        id: 'door',
        initial: 'shut',
        states: {
          shut: {
            description: 'Shut.',
            on: { open: { target: 'shut', guards: [], effects: [], description: 'in | out' } },
          },
        },
      } as const,
      {},
    );
    expect(toMarkdownTable(machine)).toContain('| in \\| out |');
  });

  it('toMarkdownTable lists the membership machine exactly', () => {
    expect(toMarkdownTable(membershipMachine)).toBe(
      [
        '| from | event | to | guards | effects | what happens |',
        '|---|---|---|---|---|---|',
        '| `account-only` | `addToTeam` | `member` | — | `startMembershipPeriod` | Same account, no duplicate; a new period starts with the role chosen again. |',
        '| `member` | `removeFromTeam` | `account-only` | `notOwner`, `reportsReassigned` | `endMembershipPeriod`, `clearGroups`, `reassignReports`, `runResourceHandlers` | The period ends and is kept in history; groups are cleared; the account stays. |',
        '',
      ].join('\n'),
    );
  });

  it('toMermaid draws one arrow per account transition, and the final state', () => {
    const lines = toMermaid(accountMachine).trimEnd().split('\n');
    expect(lines[0]).toBe('stateDiagram-v2');
    expect(lines[1]).toBe('    [*] --> pending');
    const arrows = lines.filter((line) => /^ {4}\w+ --> \w+: /.test(line));
    expect(arrows).toEqual(
      expectedAccount.rows.map(
        (row) =>
          `    ${row.from} --> ${row.to}: ${row.event}${row.guards.length > 0 ? ` [${row.guards.join(', ')}]` : ''}`,
      ),
    );
    expect(lines).toContain('    deleted --> [*]');
    expect(lines).toHaveLength(2 + expectedAccount.rows.length + 1);
  });

  it('toMarkdownTable has one row per account transition', () => {
    const lines = toMarkdownTable(accountMachine).trimEnd().split('\n');
    expect(lines).toHaveLength(2 + expectedAccount.rows.length);
    expectedAccount.rows.forEach((row, index) => {
      expect(lines[index + 2]).toMatch(
        new RegExp(`^\\| \`${row.from}\` \\| \`${row.event}\` \\| \`${row.to}\` \\| `),
      );
    });
  });
});

// Keep the exported event/state types in use so a renamed export breaks this file.
const _types: [AccountEvent, MembershipEvent, MembershipLifecycleState] = [
  'deactivate',
  'removeFromTeam',
  'member',
];
void _types;
