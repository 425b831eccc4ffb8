import { describe, expect, it } from 'vitest';
import { checkProfileComplete, missingProfileFields } from '../../src/extra/index.js';

describe('missingProfileFields', () => {
  it('lists nothing when nothing is required', () => {
    expect(missingProfileFields({}, [])).toEqual([]);
  });

  it('reads firstName and lastName from the person, the rest from profile', () => {
    expect(
      missingProfileFields({ firstName: 'Bo', lastName: '', profile: {} }, [
        'lastName',
        'profile.phone',
      ]),
    ).toEqual(['lastName', 'profile.phone']);
    expect(
      missingProfileFields({ firstName: 'Bo', lastName: 'Li', profile: { phone: '1' } }, [
        'firstName',
        'lastName',
        'profile.phone',
      ]),
    ).toEqual([]);
  });

  it('counts blank strings, null and absent values as missing', () => {
    const person = {
      firstName: '   ',
      lastName: null,
      profile: { a: '', b: ' \t\n', c: null },
    };
    expect(
      missingProfileFields(person, [
        'firstName',
        'lastName',
        'profile.a',
        'profile.b',
        'profile.c',
        'profile.d',
      ]),
    ).toEqual(['firstName', 'lastName', 'profile.a', 'profile.b', 'profile.c', 'profile.d']);
    expect(missingProfileFields({}, ['firstName', 'lastName', 'profile.phone'])).toEqual([
      'firstName',
      'lastName',
      'profile.phone',
    ]);
  });

  it('does not count false or 0 as missing', () => {
    expect(
      missingProfileFields({ profile: { remote: false, extension: 0, site: 'x' } }, [
        'profile.remote',
        'profile.extension',
        'profile.site',
      ]),
    ).toEqual([]);
  });

  it('keeps the order of the required fields', () => {
    expect(missingProfileFields({}, ['profile.phone', 'firstName', 'profile.site'])).toEqual([
      'profile.phone',
      'firstName',
      'profile.site',
    ]);
  });

  it('never counts a name that is not firstName, lastName or profile.<key> as filled', () => {
    expect(missingProfileFields({ profile: { phone: '1' } }, ['phone'])).toEqual(['phone']);
  });

  it('does not mistake inherited properties for profile fields', () => {
    expect(
      missingProfileFields({ profile: {} }, [
        'profile.toString',
        'profile.constructor',
        'profile.__proto__',
      ]),
    ).toEqual(['profile.toString', 'profile.constructor', 'profile.__proto__']);
  });
});

describe('checkProfileComplete', () => {
  it('allows a complete profile', () => {
    expect(
      checkProfileComplete({
        accountId: 'acc_2',
        person: { firstName: 'Bo', lastName: 'Li', profile: { phone: '1' } },
        requiredFields: ['firstName', 'lastName', 'profile.phone'],
      }),
    ).toBeUndefined();
  });

  it('refuses an incomplete one, listing the missing fields', () => {
    const error = checkProfileComplete({
      accountId: 'acc_2',
      person: { firstName: 'Bo', lastName: 'Li' },
      requiredFields: ['profile.phone', 'firstName', 'profile.site'],
    });
    expect(error?.code).toBe('PROFILE_INCOMPLETE');
    expect(error?.details).toEqual({
      accountId: 'acc_2',
      missingFields: ['profile.phone', 'profile.site'],
    });
    expect(error?.message).toContain('missing: profile.phone, profile.site.');
  });
});
