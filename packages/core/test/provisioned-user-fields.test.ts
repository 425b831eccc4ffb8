import { describe, expect, it } from 'vitest';
import {
  ListProvisionedUsersInput,
  ProvisionUserInput,
  UpdateProvisionedUserInput,
} from '../src/extra/index.js';
import { emailOf, linkAttributesOf, namesOf } from '../src/roster/provisioning/user-fields.js';

// How a SCIM User's fields become an account's, without a store: the email,
// the names nobody is refused for, and the link attributes the store filters on.

describe('emailOf', () => {
  it('takes the email, else a userName that is one, else refuses', () => {
    expect(emailOf({ userName: 'bo-okta', email: 'bo@acme.io' })).toBe('bo@acme.io');
    expect(emailOf({ userName: ' Bo@ACME.io ' })).toBe('bo@acme.io');
    expect(() => emailOf({ userName: 'bo-okta' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('namesOf', () => {
  it('prefers the given names, then the display name, then the local part', () => {
    expect(namesOf({ firstName: 'Bo', lastName: 'Li', displayName: 'X Y' }, 'b@a.io')).toEqual({
      firstName: 'Bo',
      lastName: 'Li',
    });
    expect(namesOf({ displayName: '  Dee   van Do ' }, 'd@a.io')).toEqual({
      firstName: 'Dee',
      lastName: 'van Do',
    });
    expect(namesOf({ displayName: 'Cher' }, 'cher@a.io')).toEqual({
      firstName: 'Cher',
      lastName: 'cher',
    });
    expect(namesOf({}, 'eve.ek@a.io')).toEqual({ firstName: 'eve.ek', lastName: 'eve.ek' });
    const long = namesOf({ displayName: `${'a'.repeat(150)} ${'b'.repeat(150)}` }, 'x@a.io');
    expect([long.firstName.length, long.lastName.length]).toEqual([100, 100]);
  });
});

describe('linkAttributesOf', () => {
  const account = {
    email: 'bo@acme.io',
    firstName: 'Bo',
    lastName: 'Li',
    status: 'active',
  } as const;

  it('keeps what it is given and sets active, displayName and emails from the account', () => {
    expect(linkAttributesOf({ title: 'Agent', active: false }, account, undefined)).toEqual({
      title: 'Agent',
      active: true,
      displayName: 'Bo Li',
      emails: [{ value: 'bo@acme.io', primary: true }],
    });
    expect(linkAttributesOf({}, { ...account, status: 'deactivated' }, 'Bo the Agent').active).toBe(
      false,
    );
  });

  it("keeps the provider's emails only when they list the account's", () => {
    const listed = [{ value: 'BO@acme.io', type: 'work' }, { value: 'bo@home.io' }];
    expect(linkAttributesOf({ emails: listed }, account, undefined).emails).toEqual(listed);
    expect(
      linkAttributesOf({ emails: [{ value: 'other@acme.io' }] }, account, undefined).emails,
    ).toEqual([{ value: 'bo@acme.io', primary: true }]);
  });
});

describe('the SCIM User inputs', () => {
  it('refuse what they do not take', () => {
    expect(ProvisionUserInput.safeParse({ userName: '' }).success).toBe(false);
    expect(ProvisionUserInput.safeParse({ userName: 'bo', role: 'admin' }).success).toBe(false);
    expect(ProvisionUserInput.safeParse({ userName: 'bo', email: 'nope' }).success).toBe(false);
    expect(UpdateProvisionedUserInput.safeParse({ id: 'x', externalId: null }).success).toBe(true);
    expect(UpdateProvisionedUserInput.safeParse({ userName: 'bo' }).success).toBe(false);
    expect(ListProvisionedUsersInput.parse({})).toEqual({ startIndex: 1, count: 100 });
    expect(ListProvisionedUsersInput.safeParse({ count: 1001 }).success).toBe(false);
    expect(ListProvisionedUsersInput.safeParse({ startIndex: 0 }).success).toBe(false);
  });
});
