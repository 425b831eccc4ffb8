import { describe, expect, it, vi } from 'vitest';
import { errorCodes, RosterError, type RosterErrorCode } from '../src/index.js';

const transitionError = () =>
  new RosterError(
    'INVALID_TRANSITION',
    'Cannot deactivate an account that is pending.',
    { machine: 'account', from: 'pending', event: 'deactivate' },
    { cause: new Error('root cause') },
  );

describe('RosterError', () => {
  it('carries name, code, message, details and cause', () => {
    const error = transitionError();
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(RosterError);
    expect(error.name).toBe('RosterError');
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toBe('Cannot deactivate an account that is pending.');
    expect(error.details).toEqual({ machine: 'account', from: 'pending', event: 'deactivate' });
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).message).toBe('root cause');
  });

  it('has no cause unless one is given', () => {
    const error = new RosterError('NOT_FOUND', 'No such account.', {
      subject: 'Account',
      id: 'acc_9',
    });
    expect(error.cause).toBeUndefined();
    expect('cause' in error).toBe(false);
  });

  it('starts its stack with its name and message', () => {
    const error = new RosterError('NOT_FOUND', 'No such account.', {
      subject: 'Account',
      id: 'acc_9',
    });
    expect(String(error)).toBe('RosterError: No such account.');
    expect(error.stack?.split('\n')[0]).toBe('RosterError: No such account.');
  });

  it('serializes with toJSON to name, code, message and details (no cause, no stack)', () => {
    const error = transitionError();
    const json = {
      name: 'RosterError',
      code: 'INVALID_TRANSITION',
      message: 'Cannot deactivate an account that is pending.',
      details: { machine: 'account', from: 'pending', event: 'deactivate' },
    };
    expect(error.toJSON()).toEqual(json);
    expect(Object.keys(error.toJSON()).sort()).toEqual(['code', 'details', 'message', 'name']);
    expect(JSON.parse(JSON.stringify(error))).toEqual(json);
    expect(JSON.parse(JSON.stringify({ error }))).toEqual({ error: json });
  });

  it('is(code) tells its own code from the others', () => {
    const error = transitionError();
    expect(error.is('INVALID_TRANSITION')).toBe(true);
    for (const code of Object.keys(errorCodes) as RosterErrorCode[]) {
      expect(error.is(code)).toBe(code === 'INVALID_TRANSITION');
    }
  });

  describe('isInstance', () => {
    it('recognizes a RosterError, with or without a code', () => {
      const error = transitionError();
      expect(RosterError.isInstance(error)).toBe(true);
      expect(RosterError.isInstance(error, 'INVALID_TRANSITION')).toBe(true);
      expect(RosterError.isInstance(error, 'INVALID_INPUT')).toBe(false);
      expect(RosterError.isInstance(error, 'CONFLICT')).toBe(false);
    });

    it.each([
      ['a plain Error', new Error('boom')],
      ['a TypeError', new TypeError('boom')],
      ['null', null],
      ['undefined', undefined],
      ['a string', 'RosterError'],
      ['a number', 42],
      ['a function', () => undefined],
      [
        'a look-alike object without the marker',
        { name: 'RosterError', code: 'INVALID_INPUT', message: 'x', details: { issues: [] } },
      ],
      [
        'an Error dressed as a RosterError',
        Object.assign(new Error('x'), { name: 'RosterError', code: 'CONFLICT' }),
      ],
      ['an object whose marker is not exactly true', { [Symbol.for('rosterkit.error')]: 1 }],
      ['an object with a different (unregistered) symbol', { [Symbol('rosterkit.error')]: true }],
      ['the string key instead of the symbol', { 'rosterkit.error': true }],
    ])('is false for %s', (_label, value) => {
      expect(RosterError.isInstance(value)).toBe(false);
      expect(RosterError.isInstance(value, 'INVALID_INPUT')).toBe(false);
    });

    it('works across two copies of the module, where instanceof does not', async () => {
      const local = transitionError();
      vi.resetModules();
      const other = await import('../src/index.js');
      expect(other.RosterError).not.toBe(RosterError);

      const foreign = new other.RosterError('CONFLICT', 'Stale.', {
        subject: 'Account',
        id: 'acc_2',
        reason: 'stale-version',
      });
      expect(foreign instanceof RosterError).toBe(false);
      expect(local instanceof other.RosterError).toBe(false);

      expect(RosterError.isInstance(foreign)).toBe(true);
      expect(RosterError.isInstance(foreign, 'CONFLICT')).toBe(true);
      expect(RosterError.isInstance(foreign, 'NOT_FOUND')).toBe(false);
      expect(other.RosterError.isInstance(local)).toBe(true);
      expect(other.RosterError.isInstance(local, 'INVALID_TRANSITION')).toBe(true);
      expect(other.RosterError.isInstance(new Error('x'))).toBe(false);

      // errors raised inside the other copy are recognized by this one too
      const parsed = other.Email.safeParse('not an email');
      expect(parsed.success).toBe(false);
      if (!parsed.success) {
        expect(parsed.error instanceof RosterError).toBe(false);
        expect(RosterError.isInstance(parsed.error, 'INVALID_INPUT')).toBe(true);
      }
    });
  });
});

describe('errorCodes', () => {
  const codes = Object.keys(errorCodes) as RosterErrorCode[];

  it('lists the codes DESIGN §5 names', () => {
    expect(codes).toEqual(
      expect.arrayContaining([
        'FORBIDDEN',
        'NOT_FOUND',
        'INVALID_INPUT',
        'INVALID_TRANSITION',
        'CONFLICT',
        'OWNER_PROTECTED',
        'SELF_ACTION',
        'HAS_DIRECT_REPORTS',
        'PROFILE_INCOMPLETE',
        'ACCOUNT_EXISTS',
        'INVITATION_EXPIRED',
        'RANK_EXCEEDED',
        'EMAIL_IMMUTABLE',
      ]),
    );
  });

  it.each(codes)('%s is UPPER_SNAKE and has a non-empty description', (code) => {
    expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
    const { description } = errorCodes[code];
    expect(typeof description).toBe('string');
    expect(description.trim().length).toBeGreaterThan(10);
  });
});
