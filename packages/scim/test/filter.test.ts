import { describe, expect, it } from 'vitest';
import { scimFilterToLinkFilter } from '../src/filter.js';
import { ScimError } from '../src/scim-error.js';

function invalidFilter(filter: string, resourceType: 'User' | 'Group' = 'User'): ScimError {
  try {
    scimFilterToLinkFilter(filter, resourceType);
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    return error as ScimError;
  }
  throw new Error(`"${filter}" was accepted`);
}

describe('scimFilterToLinkFilter: the filters identity providers send', () => {
  it.each([
    // Okta: the lookup before creating a user, and its spec test's variants.
    ['userName eq "a@b.c"', { op: 'eq', attribute: 'userName', value: 'a@b.c' }],
    ['userName eq "ana+1@acme.io"', { op: 'eq', attribute: 'userName', value: 'ana+1@acme.io' }],
    // Entra ID: matching by the object id it keeps in externalId.
    [
      'externalId eq "3f4a6c1e-0d5b-4c52-9e3b-1a2b3c4d5e6f"',
      { op: 'eq', attribute: 'externalId', value: '3f4a6c1e-0d5b-4c52-9e3b-1a2b3c4d5e6f' },
    ],
    ['id eq "acc_1"', { op: 'eq', attribute: 'id', value: 'acc_1' }],
    ['active eq true', { op: 'eq', attribute: 'active', value: true }],
    ['active eq "False"', { op: 'eq', attribute: 'active', value: false }],
    ['emails.value eq "ana@acme.io"', { op: 'eq', attribute: 'email', value: 'ana@acme.io' }],
    ['emails co "@acme.io"', { op: 'co', attribute: 'email', value: '@acme.io' }],
    ['displayName sw "Ana"', { op: 'sw', attribute: 'displayName', value: 'Ana' }],
    ['userName ew "@acme.io"', { op: 'ew', attribute: 'userName', value: '@acme.io' }],
    ['userName ne "x"', { op: 'ne', attribute: 'userName', value: 'x' }],
    ['userName gt "m"', { op: 'gt', attribute: 'userName', value: 'm' }],
    ['userName ge "m"', { op: 'ge', attribute: 'userName', value: 'm' }],
    ['userName lt "m"', { op: 'lt', attribute: 'userName', value: 'm' }],
    ['userName le "m"', { op: 'le', attribute: 'userName', value: 'm' }],
    ['externalId pr', { op: 'pr', attribute: 'externalId' }],
    ['externalId eq null', { op: 'not', filter: { op: 'pr', attribute: 'externalId' } }],
    ['externalId ne null', { op: 'pr', attribute: 'externalId' }],
  ] as const)('User: %s', (filter, expected) => {
    expect(scimFilterToLinkFilter(filter, 'User')).toEqual(expected);
  });

  it('reads attribute names and operators in any case, with or without the schema URN', () => {
    const expected = { op: 'eq', attribute: 'userName', value: 'a@b.c' };
    expect(scimFilterToLinkFilter('USERNAME EQ "a@b.c"', 'User')).toEqual(expected);
    expect(scimFilterToLinkFilter('username Eq "a@b.c"', 'User')).toEqual(expected);
    expect(
      scimFilterToLinkFilter(
        'urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a@b.c"',
        'User',
      ),
    ).toEqual(expected);
    expect(scimFilterToLinkFilter('EMAILS.VALUE eq "a@b.c"', 'User')).toEqual({
      op: 'eq',
      attribute: 'email',
      value: 'a@b.c',
    });
  });

  it('reads emails[type eq "work"].value as the email, the type not being recorded', () => {
    expect(scimFilterToLinkFilter('emails[type eq "work"].value eq "ana@acme.io"', 'User')).toEqual(
      {
        op: 'and',
        filters: [
          { op: 'pr', attribute: 'email' },
          { op: 'eq', attribute: 'email', value: 'ana@acme.io' },
        ],
      },
    );
    expect(scimFilterToLinkFilter('emails[value eq "ana@acme.io"]', 'User')).toEqual({
      op: 'eq',
      attribute: 'email',
      value: 'ana@acme.io',
    });
    expect(scimFilterToLinkFilter('emails[type eq "work" and value co "@acme"]', 'User')).toEqual({
      op: 'co',
      attribute: 'email',
      value: '@acme',
    });
    expect(scimFilterToLinkFilter('emails[type eq "work"]', 'User')).toEqual({
      op: 'pr',
      attribute: 'email',
    });
  });

  it('translates and, or, not and grouping', () => {
    expect(
      scimFilterToLinkFilter(
        'userName sw "ana" and not (externalId pr) or (active eq false and emails co "@b")',
        'User',
      ),
    ).toEqual({
      op: 'or',
      filters: [
        {
          op: 'and',
          filters: [
            { op: 'sw', attribute: 'userName', value: 'ana' },
            { op: 'not', filter: { op: 'pr', attribute: 'externalId' } },
          ],
        },
        {
          op: 'and',
          filters: [
            { op: 'eq', attribute: 'active', value: false },
            { op: 'co', attribute: 'email', value: '@b' },
          ],
        },
      ],
    });
  });

  it.each([
    ['displayName eq "Group"', { op: 'eq', attribute: 'displayName', value: 'Group' }],
    ['displayName eq "Sales EMEA"', { op: 'eq', attribute: 'displayName', value: 'Sales EMEA' }],
    ['externalId eq "g-1"', { op: 'eq', attribute: 'externalId', value: 'g-1' }],
    ['id eq "grp_1"', { op: 'eq', attribute: 'id', value: 'grp_1' }],
    [
      'urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq "x"',
      { op: 'eq', attribute: 'displayName', value: 'x' },
    ],
  ] as const)('Group: %s', (filter, expected) => {
    expect(scimFilterToLinkFilter(filter, 'Group')).toEqual(expected);
  });
});

describe('scimFilterToLinkFilter: filters answered with invalidFilter', () => {
  it.each([
    'userName sw O',
    'userName eq',
    'userName eq "a" and',
    '(userName eq "a"',
    'userName foo "a"',
    '',
  ])('does not parse: %j', (filter) => {
    expect(invalidFilter(filter).detail).toMatch(/filter/i);
  });

  it.each([
    'meta.lastModified gt "2011-05-13T04:42:34Z"',
    'meta.created pr',
    'name.familyName eq "Ng"',
    'name.givenName sw "A"',
    'nickName eq "x"',
    'title pr',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "x"',
    'emails[type eq "work"].display eq "x"',
    'emails.foo eq "x"',
  ])('names an attribute a User is not listed by: %s', (filter) => {
    invalidFilter(filter);
  });

  it.each(['members[value eq "x"]', 'members.value eq "x"', 'userName eq "a"', 'active eq true'])(
    'names an attribute a Group is not listed by: %s',
    (filter) => {
      invalidFilter(filter, 'Group');
    },
  );

  it.each([
    ['active gt true', 'active takes eq, ne or pr'],
    ['active eq "yes"', 'active with a boolean'],
    ['userName eq 42', 'a string attribute with a number'],
    ['userName eq true', 'a string attribute with a boolean'],
    ['emails gt "a"', 'email without orderings'],
    ['userName gt null', 'an ordering with null'],
    ['emails.type eq "work" or userName eq "a"', 'a type condition that cannot be dropped'],
    ['not (emails.type eq "work")', 'a negated type condition'],
  ])('compares what its attribute does not take: %s (%s)', (filter) => {
    invalidFilter(filter);
  });

  it('refuses a filter deeper than the adapter kit allows', () => {
    const deep = `${'not ('.repeat(20)}userName eq "a"${')'.repeat(20)}`;
    invalidFilter(deep);
  });
});
