import { describe, expect, it } from 'vitest';
import { checkDirectReports, planReassignment } from '../../src/extra/index.js';

const lead = { managerId: 'lead', directReportIds: ['a', 'b'] };

describe('planReassignment', () => {
  it('has nothing to move for a manager without reports', () => {
    expect(planReassignment({ managerId: 'lead', directReportIds: [] })).toEqual({
      ok: true,
      moves: [],
    });
    expect(
      planReassignment({ managerId: 'lead', directReportIds: [], reassignment: { to: 'x' } }),
    ).toEqual({ ok: true, moves: [] });
  });

  it('moves every report to one new manager with {to}', () => {
    expect(planReassignment({ ...lead, reassignment: { to: 'lead2' } })).toEqual({
      ok: true,
      moves: [
        { reportId: 'a', managerId: 'lead2' },
        { reportId: 'b', managerId: 'lead2' },
      ],
    });
  });

  it('moves each report to its own manager with {each}, in report order', () => {
    expect(planReassignment({ ...lead, reassignment: { each: { b: 'x', a: 'y' } } })).toEqual({
      ok: true,
      moves: [
        { reportId: 'a', managerId: 'y' },
        { reportId: 'b', managerId: 'x' },
      ],
    });
  });

  it('lets one report become the manager of another', () => {
    expect(planReassignment({ ...lead, reassignment: { each: { a: 'b', b: 'x' } } })).toEqual({
      ok: true,
      moves: [
        { reportId: 'a', managerId: 'b' },
        { reportId: 'b', managerId: 'x' },
      ],
    });
  });

  it('refuses with HAS_DIRECT_REPORTS listing every report without a new manager', () => {
    const none = planReassignment(lead);
    expect(none.ok).toBe(false);
    if (!none.ok) {
      expect(none.error.code).toBe('HAS_DIRECT_REPORTS');
      expect(none.error.details).toEqual({ managerId: 'lead', reportIds: ['a', 'b'] });
      expect(none.error.message).toContain('2 direct reports without a new manager');
    }
    const partial = planReassignment({ ...lead, reassignment: { each: { a: 'x' } } });
    expect(partial.ok).toBe(false);
    if (!partial.ok) {
      expect(partial.error.details).toEqual({ managerId: 'lead', reportIds: ['b'] });
      expect(partial.error.message).toContain('1 direct report without');
    }
  });

  it.each([
    ['{to} the leaving manager', { to: 'lead' }, ['reassignment', 'to'], /manager who is leaving/],
    ['{to} a report itself', { to: 'a' }, ['reassignment', 'to'], /their own manager/],
    [
      '{each} to the leaving manager',
      { each: { a: 'x', b: 'lead' } },
      ['reassignment', 'each', 'b'],
      /manager who is leaving/,
    ],
    [
      '{each} to the report itself',
      { each: { a: 'a', b: 'x' } },
      ['reassignment', 'each', 'a'],
      /their own manager/,
    ],
    [
      '{each} naming a stranger',
      { each: { a: 'x', b: 'x', zed: 'x' } },
      ['reassignment', 'each', 'zed'],
      /not a direct report/,
    ],
  ])('refuses %s with INVALID_INPUT at its path', (_label, reassignment, path, message) => {
    const plan = planReassignment({ ...lead, reassignment });
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.error.code).toBe('INVALID_INPUT');
    expect(plan.error.is('INVALID_INPUT') && plan.error.details.issues).toEqual([
      { path, message: expect.stringMatching(message) },
    ]);
    expect(plan.error.message).toMatch(/^Invalid reassignment: /);
  });

  it('refuses a stranger before counting the reports left', () => {
    const plan = planReassignment({ ...lead, reassignment: { each: { zed: 'x' } } });
    expect(plan.ok ? undefined : plan.error.code).toBe('INVALID_INPUT');
  });

  it('does not mistake inherited keys for entries of {each}', () => {
    const plan = planReassignment({
      managerId: 'lead',
      directReportIds: ['toString', 'constructor'],
      reassignment: { each: {} },
    });
    expect(plan.ok).toBe(false);
    if (!plan.ok) {
      expect(plan.error.details).toEqual({
        managerId: 'lead',
        reportIds: ['toString', 'constructor'],
      });
    }
  });
});

describe('checkDirectReports', () => {
  it('allows a manager without reports, or with every report moved', () => {
    expect(checkDirectReports({ managerId: 'lead', directReportIds: [] })).toBeUndefined();
    expect(checkDirectReports({ ...lead, reassignment: { to: 'x' } })).toBeUndefined();
    expect(checkDirectReports({ ...lead, reassignment: { each: { a: 'x', b: 'y' } } })).toBe(
      undefined,
    );
  });

  it('returns planReassignment’s error otherwise', () => {
    expect(checkDirectReports({ managerId: 'lead', directReportIds: ['a'] })?.details).toEqual({
      managerId: 'lead',
      reportIds: ['a'],
    });
    const error = checkDirectReports({ ...lead, reassignment: { to: 'lead' } });
    expect(error?.code).toBe('INVALID_INPUT');
    expect(error?.details).toEqual({
      issues: [{ path: ['reassignment', 'to'], message: expect.any(String) }],
    });
  });
});
