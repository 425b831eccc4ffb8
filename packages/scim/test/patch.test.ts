import { describe, expect, it } from 'vitest';
import { applyPatch, normalizePatch, patchOpSchema } from '../src/patch.js';
import { ScimError } from '../src/scim-error.js';

const body = (...Operations: unknown[]) => ({ schemas: [patchOpSchema], Operations });
const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

function user() {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', enterprise],
    id: 'acc_1',
    userName: 'ana@acme.io',
    name: { givenName: 'Ana', familyName: 'Ng' },
    active: true,
    emails: [{ value: 'ana@acme.io', type: 'home', primary: true }],
    [enterprise]: { department: 'Support' },
    meta: { resourceType: 'User' },
  };
}

function group() {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    id: 'grp_1',
    displayName: 'Sales',
    members: [{ value: 'acc_1' }, { value: 'acc_2' }, { value: 'acc_3' }],
    meta: { resourceType: 'Group' },
  };
}

function scimError(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    return error as ScimError;
  }
  throw new Error('nothing was thrown');
}

const patch = <T extends object>(resource: T, ...operations: unknown[]) =>
  applyPatch(resource, normalizePatch(body(...operations)));

describe('normalizePatch: the body', () => {
  it.each([
    ['not an object', 'nope'],
    ['no schemas', { Operations: [{ op: 'add', path: 'title', value: 'x' }] }],
    ['another schema', { schemas: ['urn:x'], Operations: [{ op: 'add', path: 'a', value: 1 }] }],
    ['no Operations', { schemas: [patchOpSchema] }],
    ['empty Operations', { schemas: [patchOpSchema], Operations: [] }],
    ['an operation not an object', body('add')],
    ['an unknown op', body({ op: 'move', path: 'title', value: 'x' })],
    ['no op', body({ path: 'title', value: 'x' })],
  ])('refuses %s with 400 invalidSyntax', (_what, input) => {
    expect(scimError(() => normalizePatch(input))).toMatchObject({
      status: 400,
      scimType: 'invalidSyntax',
    });
  });

  it('refuses a remove without a path with noTarget, and a value-less add with invalidValue', () => {
    expect(scimError(() => normalizePatch(body({ op: 'remove' }))).scimType).toBe('noTarget');
    expect(scimError(() => normalizePatch(body({ op: 'add', path: 'title' }))).scimType).toBe(
      'invalidValue',
    );
    expect(scimError(() => normalizePatch(body({ op: 'replace', value: 'x' }))).scimType).toBe(
      'invalidValue',
    );
    expect(scimError(() => normalizePatch(body({ op: 'add', path: '', value: 1 }))).scimType).toBe(
      'invalidPath',
    );
  });
});

describe('normalizePatch: IdP quirks', () => {
  it('reads op names in any case (Entra sends Add, Replace, Remove)', () => {
    expect(
      normalizePatch(
        body(
          { op: 'Add', path: 'title', value: 'Agent' },
          { op: 'REPLACE', path: 'nickName', value: 'An' },
          { op: 'Remove', path: 'locale' },
        ),
      ),
    ).toEqual([
      { op: 'add', path: 'title', value: 'Agent' },
      { op: 'replace', path: 'nickName', value: 'An' },
      { op: 'remove', path: 'locale' },
    ]);
  });

  it('turns Entra’s "True" / "False" into booleans, on a path and inside values', () => {
    expect(normalizePatch(body({ op: 'Replace', path: 'active', value: 'False' }))).toEqual([
      { op: 'replace', path: 'active', value: false },
    ]);
    expect(normalizePatch(body({ op: 'Replace', value: { active: 'True' } }))).toEqual([
      { op: 'replace', path: 'active', value: true },
    ]);
    expect(
      normalizePatch(
        body({
          op: 'add',
          path: 'emails',
          value: [{ value: 'ana@acme.io', type: 'work', primary: 'true' }],
        }),
      ),
    ).toEqual([
      { op: 'add', path: 'emails', value: [{ value: 'ana@acme.io', type: 'work', primary: true }] },
    ]);
    // Only attributes typed boolean: a title "True" stays a string.
    expect(normalizePatch(body({ op: 'replace', path: 'title', value: 'True' }))).toEqual([
      { op: 'replace', path: 'title', value: 'True' },
    ]);
  });

  it('spreads a value without a path into one operation per attribute, dotted and URN keys included', () => {
    expect(
      normalizePatch(
        body({
          op: 'replace',
          value: {
            'name.givenName': 'Bo',
            [`${enterprise}:manager`]: 'acc_9',
            [enterprise]: { department: 'Sales', costCenter: null },
            'urn:ietf:params:scim:schemas:core:2.0:User:displayName': 'Bo Ng',
            name: { familyName: 'Ng', middleName: null },
            title: null,
          },
        }),
      ),
    ).toEqual([
      { op: 'replace', path: 'name.givenName', value: 'Bo' },
      { op: 'replace', path: `${enterprise}:manager`, value: 'acc_9' },
      { op: 'replace', path: `${enterprise}:department`, value: 'Sales' },
      { op: 'replace', path: 'displayName', value: 'Bo Ng' },
      { op: 'replace', path: 'name.familyName', value: 'Ng' },
    ]);
  });

  it('drops null sub-attributes inside values, and reads a replace with null as a remove', () => {
    expect(
      normalizePatch(
        body(
          { op: 'add', path: 'emails', value: [{ value: 'a@b.c', display: null }, null] },
          { op: 'replace', path: 'title', value: null },
          { op: 'add', path: 'nickName', value: null },
        ),
      ),
    ).toEqual([
      { op: 'add', path: 'emails', value: [{ value: 'a@b.c' }] },
      { op: 'remove', path: 'title' },
    ]);
  });
});

describe('applyPatch', () => {
  it('deactivates from Entra’s string boolean, leaving the input untouched', () => {
    const before = user();
    const after = patch(before, { op: 'Replace', path: 'active', value: 'False' });
    expect(after.active).toBe(false);
    expect(before.active).toBe(true);
  });

  it('keeps the sub-attributes a replace without a path does not name (RFC 7644 §3.5.2.3)', () => {
    const after = patch(user(), { op: 'replace', value: { name: { givenName: 'Bo' } } });
    expect(after.name).toEqual({ givenName: 'Bo', familyName: 'Ng' });
  });

  it('writes an enterprise attribute from a URN key, without splitting the URN at "2.0"', () => {
    const after = patch(user(), {
      op: 'replace',
      value: { [`${enterprise}:manager`]: { value: 'acc_9' }, [enterprise]: { costCenter: 'C1' } },
    });
    expect(after[enterprise]).toEqual({
      department: 'Support',
      manager: { value: 'acc_9' },
      costCenter: 'C1',
    });
    expect(Object.keys(after).filter((key) => key.startsWith('urn:'))).toEqual([enterprise]);
  });

  it('renames a group from Okta’s replace of { id, displayName }', () => {
    const after = patch(group(), {
      op: 'replace',
      value: { id: 'grp_1', displayName: 'Sales EMEA' },
    });
    expect(after).toMatchObject({ id: 'grp_1', displayName: 'Sales EMEA' });
    expect(after.members).toHaveLength(3);
  });

  it('removes a member by a filtered path (Okta) and by a value array (Entra)', () => {
    expect(patch(group(), { op: 'remove', path: 'members[value eq "acc_2"]' }).members).toEqual([
      { value: 'acc_1' },
      { value: 'acc_3' },
    ]);
    expect(
      patch(group(), {
        op: 'Remove',
        path: 'members',
        value: [{ value: 'acc_1' }, { value: 'acc_3' }],
      }).members,
    ).toEqual([{ value: 'acc_2' }]);
  });

  it('adds members from a value array', () => {
    expect(
      patch(group(), { op: 'Add', path: 'members', value: [{ value: 'acc_4' }] }).members,
    ).toHaveLength(4);
  });

  it('creates the entry a filtered path names when none matches', () => {
    const added = patch(user(), {
      op: 'add',
      path: 'emails[type eq "work"].value',
      value: 'ana@work.io',
    });
    expect(added.emails).toEqual([
      { value: 'ana@acme.io', type: 'home', primary: true },
      { type: 'work', value: 'ana@work.io' },
    ]);
    const replaced = patch(user(), {
      op: 'replace',
      path: 'emails[type eq "work"].value',
      value: 'ana@work.io',
    });
    expect(replaced.emails).toEqual(added.emails);
  });

  it('updates the entry a filtered path matches', () => {
    const after = patch(user(), {
      op: 'replace',
      path: 'emails[type eq "home"].value',
      value: 'ana@home.io',
    });
    expect(after.emails).toEqual([{ value: 'ana@home.io', type: 'home', primary: true }]);
  });

  it('answers scim-patch’s errors as ScimErrors', () => {
    expect(
      scimError(() => patch(user(), { op: 'remove', path: 'emails[type eq "work"].value' })),
    ).toMatchObject({ status: 400, scimType: 'noTarget' });
    expect(
      scimError(() => patch(user(), { op: 'replace', path: 'foo[bar', value: 1 })),
    ).toMatchObject({ status: 400, scimType: 'invalidPath' });
    expect(
      scimError(() => patch(user(), { op: 'remove', path: 'userName', value: 'x' })),
    ).toMatchObject({ status: 400, scimType: 'invalidValue' });
    expect(
      scimError(() => patch(user(), { op: 'remove', path: 'title[type eq "x"]' })),
    ).toMatchObject({ status: 400, scimType: 'invalidPath' });
  });

  it('removes nothing, without an error, where a filter on a whole entry matches none', () => {
    expect(patch(user(), { op: 'remove', path: 'emails[type eq "work"]' })).toEqual(user());
  });
});
