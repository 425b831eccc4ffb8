import { describe, expect, it } from 'vitest';
import { checkProfileComplete, missingProfileFields } from '../../src/index.js';

describe('missingProfileFields', () => {
  it('lists nothing when nothing is required', () => {
    expect(missingProfileFields({}, [])).toEqual([]);
  });

  it('reads firstName and lastName from the person, the rest from profile', () => {
    expect(
      missingProfileFields({ firstName: 'Bo', lastName: '', profile: {} }, ['lastName', 'phone']),
    ).toEqual(['lastName', 'phone']);
    expect(
      missingProfileFields({ firstName: 'Bo', lastName: 'Li', profile: { phone: '1' } }, [
        'firstName',
        'lastName',
        'phone',
      ]),
    ).toEqual([]);
  });

  it('counts blank strings, null and absent values as missing', () => {
    const person = {
      firstName: '   ',
      lastName: null,
      profile: { a: '', b: ' \t\n', c: null },
    };
    expect(missingProfileFields(person, ['firstName', 'lastName', 'a', 'b', 'c', 'd'])).toEqual([
      'firstName',
      'lastName',
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(missingProfileFields({}, ['firstName', 'lastName', 'phone'])).toEqual([
      'firstName',
      'lastName',
      'phone',
    ]);
  });

  it('does not count false or 0 as missing', () => {
    expect(
      missingProfileFields({ profile: { remote: false, extension: 0, site: 'x' } }, [
        'remote',
        'extension',
        'site',
      ]),
    ).toEqual([]);
  });

  it('keeps the order of the required fields', () => {
    expect(missingProfileFields({}, ['phone', 'firstName', 'site'])).toEqual([
      'phone',
      'firstName',
      'site',
    ]);
  });

  it('does not mistake inherited properties for profile fields', () => {
    expect(missingProfileFields({ profile: {} }, ['toString', 'constructor', '__proto__'])).toEqual(
      ['toString', 'constructor', '__proto__'],
    );
  });
});

describe('checkProfileComplete', () => {
  it('allows a complete profile', () => {
    expect(
      checkProfileComplete({
        accountId: 'acc_2',
        person: { firstName: 'Bo', lastName: 'Li', profile: { phone: '1' } },
        requiredFields: ['firstName', 'lastName', 'phone'],
      }),
    ).toBeUndefined();
  });

  it('refuses an incomplete one, listing the missing fields', () => {
    const error = checkProfileComplete({
      accountId: 'acc_2',
      person: { firstName: 'Bo', lastName: 'Li' },
      requiredFields: ['phone', 'firstName', 'site'],
    });
    expect(error?.code).toBe('PROFILE_INCOMPLETE');
    expect(error?.details).toEqual({ accountId: 'acc_2', missingFields: ['phone', 'site'] });
    expect(error?.message).toContain('missing: phone, site.');
  });
});
