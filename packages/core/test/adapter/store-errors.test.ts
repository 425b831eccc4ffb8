import { describe, expect, it } from 'vitest';
import {
  checkNewRows,
  checkPageLimit,
  invalidField,
  maxPageSize,
  notFound,
  retryExhausted,
  staleVersion,
  uniqueConflict,
} from '../../src/adapter/index.js';
import { RosterError } from '../../src/index.js';

describe('the store errors of the adapter kit', () => {
  it('NOT_FOUND says what the commands say, and names no organization for unscoped rows', () => {
    const account = notFound('Account', 'acc_1');
    expect(RosterError.isInstance(account, 'NOT_FOUND')).toBe(true);
    expect(account.message).toBe('No account acc_1 in this organization.');
    expect(account.details).toEqual({ subject: 'Account', id: 'acc_1' });
    expect(notFound('Organization', 'org_1').message).toBe('No organization org_1.');
    expect(notFound('OutboxMessage', 'out_1').message).toBe('No outbox message out_1.');
    expect(notFound('AuditEvent', 'aud_1').message).toBe(
      'No audit event aud_1 in this organization.',
    );
  });

  it('CONFLICT stale-version and unique carry the port’s details', () => {
    expect(staleVersion('Membership', 'mem_1')).toMatchObject({
      code: 'CONFLICT',
      message:
        'Membership mem_1 was changed by someone else since it was read; reload it and retry.',
      details: { subject: 'Membership', id: 'mem_1', reason: 'stale-version' },
    });
    expect(uniqueConflict('Account', 'acc_1', 'email')).toMatchObject({
      code: 'CONFLICT',
      message: 'Account acc_1 conflicts with an existing account (email).',
      details: { subject: 'Account', id: 'acc_1', reason: 'unique' },
    });
    expect(uniqueConflict('OutboxMessage', 'out_1').message).toBe(
      'OutboxMessage out_1 conflicts with an existing outbox message.',
    );
    expect(retryExhausted(6)).toMatchObject({
      code: 'CONFLICT',
      details: { subject: 'Transaction', reason: 'retry-exhausted' },
    });
  });

  it('INVALID_INPUT has one issue at the field', () => {
    expect(invalidField('cursor', 'Unreadable')).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Invalid cursor: Unreadable.',
      details: { issues: [{ path: ['cursor'], message: 'Unreadable' }] },
    });
  });

  it('checkNewRows refuses a batch with one row not at version 1', () => {
    expect(() => checkNewRows([{ version: 1 }, { version: 1 }])).not.toThrow();
    expect(() => checkNewRows([])).not.toThrow();
    expect(() => checkNewRows([{ version: 1 }, { version: 2 }])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('checkPageLimit accepts integers from 1 to maxPageSize only', () => {
    expect(maxPageSize).toBe(500);
    for (const limit of [1, 50, 500]) expect(() => checkPageLimit(limit)).not.toThrow();
    for (const limit of [0, -1, 501, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => checkPageLimit(limit), String(limit)).toThrow(
        expect.objectContaining({
          code: 'INVALID_INPUT',
          details: { issues: [expect.objectContaining({ path: ['limit'] })] },
        }),
      );
    }
  });
});
