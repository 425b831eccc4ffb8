import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineModel, invalidInput, ReportReassignment } from '../src/extra/index.js';
import {
  Account,
  AccountStatus,
  Actor,
  AuditEvent,
  Email,
  Group,
  Id,
  Invitation,
  InvitationStatus,
  JsonValue,
  Membership,
  MembershipPeriod,
  MembershipState,
  type Model,
  normalizeEmail,
  Organization,
  OutboxMessage,
  PersonName,
  ProfileFields,
  RoleName,
  RosterError,
  Space,
  SubjectType,
  Timestamp,
  Version,
} from '../src/index.js';
import * as fixtures from './fixtures.js';

/** Parses `input` expecting failure; returns the issue paths of the INVALID_INPUT error. */
function issuePaths(model: Model<unknown>, input: unknown): (string | number)[][] {
  let thrown: unknown;
  try {
    model.parse(input);
  } catch (error) {
    thrown = error;
  }
  expect(RosterError.isInstance(thrown, 'INVALID_INPUT')).toBe(true);
  const error = thrown as RosterError<'INVALID_INPUT'>;
  expect(error).toBeInstanceOf(RosterError);
  const safe = model.safeParse(input);
  expect(safe.success).toBe(false);
  if (!safe.success) expect(safe.error.details).toEqual(error.details);
  return error.details.issues.map((issue) => [...issue.path]);
}

// biome-ignore lint/suspicious/noExplicitAny: the table mixes models of every output type
type AnyModel = Model<any>;

/** Every object model with a valid raw fixture (the union ReportReassignment is with the values). */
const objectModels: [string, AnyModel, Record<string, unknown>][] = [
  ['Organization', Organization, fixtures.organization],
  ['Account', Account, fixtures.account],
  ['Space', Space, fixtures.space],
  ['Membership', Membership, fixtures.membership],
  ['Membership (former member)', Membership, fixtures.formerMembership],
  ['MembershipPeriod', MembershipPeriod, fixtures.openPeriod],
  ['Group', Group, fixtures.group],
  ['Invitation', Invitation, fixtures.invitation],
  ['AuditEvent', AuditEvent, fixtures.auditEvent],
  ['OutboxMessage', OutboxMessage, fixtures.outboxMessage],
  ['Actor', Actor, fixtures.actor],
];

/** Every value model with a valid raw fixture. */
const valueModels: [string, AnyModel, unknown][] = [
  ['Email', Email, 'ana@acme.io'],
  ['Id', Id, 'acc_1'],
  ['Timestamp', Timestamp, fixtures.at],
  ['Version', Version, 1],
  ['PersonName', PersonName, 'Ana'],
  ['RoleName', RoleName, 'agent'],
  ['JsonValue', JsonValue, { a: [1, 'b', null, true] }],
  ['ProfileFields', ProfileFields, { phone: '123', ext: 4, remote: true, site: null }],
  ['AccountStatus', AccountStatus, 'deactivated'],
  ['MembershipState', MembershipState, 'account-only'],
  ['InvitationStatus', InvitationStatus, 'revoked'],
  ['SubjectType', SubjectType, 'Invitation'],
  ['ReportReassignment ({to})', ReportReassignment, { to: 'acc_5' }],
  ['ReportReassignment ({each})', ReportReassignment, { each: { acc_6: 'acc_5' } }],
];

describe('every model', () => {
  it.each([...objectModels, ...valueModels])('%s parses its valid fixture', (_name, model, raw) => {
    expect(() => model.parse(raw)).not.toThrow();
    const safe = model.safeParse(raw);
    expect(safe.success).toBe(true);
    if (safe.success) expect(safe.data).toEqual(model.parse(raw));
  });

  it.each(objectModels)('%s refuses a missing field with its path', (_name, model, raw) => {
    for (const key of Object.keys(raw)) {
      const { [key]: _dropped, ...rest } = raw;
      expect(issuePaths(model, rest)).toContainEqual([key]);
    }
  });

  it.each([...objectModels, ...valueModels])('%s has a name and a zod schema', (_n, model, raw) => {
    expect(model.name.length).toBeGreaterThan(0);
    expect(model.schema.safeParse(raw).success).toBe(true);
  });
});

describe('parsed values', () => {
  it('turn timestamps into Dates', () => {
    const organization = Organization.parse(fixtures.organization);
    expect(organization.createdAt).toBeInstanceOf(Date);
    expect(organization.createdAt.toISOString()).toBe('2026-01-15T09:30:00.000Z');
    const account = Account.parse(fixtures.account);
    expect(account.updatedAt.toISOString()).toBe('2026-02-01T11:00:00.000Z');
    expect(account.lastSeenAt).toBeNull();
  });

  it('trim names', () => {
    expect(Organization.parse({ ...fixtures.organization, name: '  Acme  ' }).name).toBe('Acme');
    expect(Account.parse({ ...fixtures.account, firstName: ' Bo ' }).firstName).toBe('Bo');
    expect(Group.parse({ ...fixtures.group, kind: ' queue ' }).kind).toBe('queue');
  });

  it('normalize the email of accounts and invitations', () => {
    expect(Account.parse({ ...fixtures.account, email: ' Bo@ACME.io ' }).email).toBe('bo@acme.io');
    expect(Invitation.parse({ ...fixtures.invitation, email: 'CY@Acme.IO' }).email).toBe(
      'cy@acme.io',
    );
  });

  it('keep the payload of an outbox message as given', () => {
    expect(OutboxMessage.parse(fixtures.outboxMessage).payload).toEqual(
      fixtures.outboxMessage.payload,
    );
  });

  it('accept a system (null) actor and null snapshots in an audit event', () => {
    const event = AuditEvent.parse({
      ...fixtures.auditEvent,
      actor: null,
      before: null,
      after: null,
    });
    expect(event.actor).toBeNull();
    expect(event.before).toBeNull();
  });
});

describe('Email', () => {
  it.each([
    ['  Ana@ACME.io ', 'ana@acme.io'],
    ['ana@acme.io', 'ana@acme.io'],
    ['\tANA.NG+work@Sub.Acme.IO\n', 'ana.ng+work@sub.acme.io'],
    ['José@Exämple.COM', 'josé@xn--exmple-cua.com'],
  ])('normalizes %j to %j', (input, expected) => {
    expect(Email.parse(input)).toBe(expected);
  });

  it('makes a decomposed é equal to the composed one (NFC)', () => {
    const composed = 'jos\u00e9@acme.io';
    const decomposed = 'jose\u0301@acme.io';
    expect(composed).not.toBe(decomposed);
    expect(Email.parse(decomposed)).toBe(composed);
    expect(Email.parse(composed)).toBe(composed);
    expect(Email.parse('JOSE\u0301@ACME.IO')).toBe(composed);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const first = Email.safeParse(text);
        if (first.success) expect(Email.parse(first.data)).toBe(first.data);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    '',
    '   ',
    'ana',
    'ana@',
    '@acme.io',
    'ana@@acme.io',
    'ana @acme.io',
    'ana@ac me.io',
    `${'a'.repeat(250)}@acme.io`,
    'ana@acme',
    'ana@acme..io',
    '.ana@acme.io',
    'ana.@acme.io',
    'an..a@acme.io',
    'ana@-acme.io',
    'ana@acme-.io',
    '"ana"@acme.io',
  ])('refuses %j with an INVALID_INPUT at the root', (input) => {
    const paths = issuePaths(Email, input);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path).toEqual([]);
  });

  it.each([
    '\u0000@acme.io',
    'ana@acme.io\u0000x',
    'a\u0007na@acme.io',
    'ana@ac\u007fme.io',
    'ana\u0085@acme.io',
  ])('refuses the control character in %j', (input) => {
    expect(issuePaths(Email, input).length).toBeGreaterThan(0);
  });

  it.each(['ana\u200b@acme.io', 'ana@acme\u200d.io', '\u202eana@acme.io', 'a\u00adna@acme.io'])(
    'refuses the invisible character in %j, so no look-alike second account',
    (input) => {
      const result = Email.safeParse(input);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.details.issues[0]?.message).toMatch(/invisible/);
    },
  );

  it.each(['a.b-c@x-y.co.uk', 'ü@日本.jp', 'a+tag@acme.io', 'x@a.io'])('accepts %j', (input) => {
    expect(Email.safeParse(input).success).toBe(true);
  });

  it('treats every address written in another case, form or padding as the same', () => {
    const anyCase = fc
      .emailAddress()
      .chain((email) =>
        fc.tuple(
          fc.constant(email),
          fc.array(fc.boolean(), { minLength: email.length, maxLength: email.length }),
          fc.constantFrom('', ' ', '\t', '  \n'),
          fc.constantFrom('', ' ', '\r\n'),
        ),
      );
    fc.assert(
      fc.property(anyCase, ([email, upper, before, after]) => {
        const variant = `${before}${[...email].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('')}${after}`;
        const a = Email.safeParse(email);
        const b = Email.safeParse(variant);
        expect(a.success).toBe(true);
        expect(b.success).toBe(true);
        if (a.success && b.success) {
          expect(b.data).toBe(a.data);
          expect(a.data).toBe(email.toLowerCase());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses any address with a control character inserted', () => {
    const control = fc
      .integer({ min: 0, max: 0x9f })
      .filter((code) => code < 0x20 || code >= 0x7f)
      .map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(fc.emailAddress(), control, fc.nat(), (email, char, at) => {
        const index = 1 + (at % (email.length - 1));
        const input = `${email.slice(0, index)}${char}${email.slice(index)}`;
        expect(Email.safeParse(input).success).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  describe('look-alikes of an address are the same address or refused', () => {
    it.each([
      ['fullwidth letters', '\uff42\uff4f@acme.io'],
      [
        'a fullwidth at sign and dot',
        '\uff42\uff4f\uff20\uff41\uff43\uff4d\uff45\uff0e\uff49\uff4f',
      ],
      ['a fullwidth domain', 'bo@\uff21\uff23\uff2d\uff25.io'],
      ['mathematical letters', '\u{1d41b}\u{1d428}@acme.io'],
      ['circled letters', '\u24d1\u24de@acme.io'],
    ])('folds %s to the ASCII address (NFKC)', (_label, input) => {
      expect(Email.parse(input)).toBe('bo@acme.io');
    });

    it('folds compatibility characters (ligatures) in the local part', () => {
      expect(Email.parse('\ufb01@acme.io')).toBe('fi@acme.io');
    });

    it.each([
      ['a Cyrillic о among Latin letters', 'b\u043e@acme.io'],
      ['a Cyrillic а among Latin letters', 'p\u0430ypal@acme.io'],
      ['a Greek ο among Latin letters', 'b\u03bf@acme.io'],
      ['Latin and Cyrillic either side of a dot', 'ivan.\u0438\u0432\u0430\u043d@acme.io'],
      ['Latin and Armenian', 'b\u0585@acme.io'],
      ['a Cyrillic а in a domain label', 'bo@\u0430cme.io'],
    ])('refuses %s', (_label, input) => {
      const result = Email.safeParse(input);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.details.issues[0]?.message).toMatch(/scripts/);
    });

    it.each([
      ['Cyrillic alone', '\u0438\u0432\u0430\u043d@acme.io'],
      ['Greek alone', '\u03b4\u03bf\u03ba\u03b9\u03bc\u03ae@acme.io'],
      ['Latin with digits and signs', 'ana.ng-2+work_x@acme.io'],
      ['Latin with accents', 'jos\u00e9.mar\u00eda@acme.io'],
      [
        'Japanese: Han, Hiragana and Katakana',
        '\u7530\u4e2d\u305f\u308d\u3046\u30bf\u30ca\u30ab@acme.jp',
      ],
      ['Japanese with Latin', 'tanaka\u30bf\u30ca\u30ab@acme.jp'],
      ['Korean with Latin', 'hong\ud64d\uae38\ub3d9@acme.kr'],
      ['Chinese with Bopomofo and Latin', 'li\u674e\u3105@acme.cn'],
    ])('accepts %s', (_label, input) => {
      expect(Email.safeParse(input).success).toBe(true);
    });

    it.each(['bo\ufe0f@acme.io', 'b\u034fo@acme.io', 'bo\u3164@acme.io', 'bo\u{e0041}@acme.io'])(
      'refuses the invisible (default ignorable) character in %j',
      (input) => {
        const result = Email.safeParse(input);
        expect(result.success).toBe(false);
        if (!result.success) expect(result.error.details.issues[0]?.message).toMatch(/invisible/);
      },
    );
  });

  describe('internationalised domains', () => {
    it.each([
      ['jos\u00e9@ex\u00e4mple.com', 'jos\u00e9@xn--exmple-cua.com'],
      ['JOS\u00c9@XN--EXMPLE-CUA.COM', 'jos\u00e9@xn--exmple-cua.com'],
      ['dee@B\u00dcCHER.de', 'dee@xn--bcher-kva.de'],
      ['\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a', '\u7528\u6237@xn--fsqu00a.xn--4rr70v'],
      ['\u00fc@\u65e5\u672c\u3002jp', '\u00fc@xn--wgv71a.jp'],
    ])('stores %j with its domain in punycode: %j', (input, expected) => {
      expect(Email.parse(input)).toBe(expected);
    });

    it.each([
      ['a percent-encoded dot', 'bo@acme%2eio'],
      ['an underscore', 'bo@acme_x.io'],
      ['an IPv4 address', 'bo@1.2.3.4'],
      ['a hexadecimal IPv4 address', 'bo@0x7f.1'],
      ['an invalid punycode label', 'bo@xn--zz.io'],
      ['a slash', 'bo@acme.io/x'],
      ['a colon and port', 'bo@acme.io:25'],
      ['a label of 64 characters', `bo@${'a'.repeat(64)}.io`],
    ])('refuses a domain with %s', (_label, input) => {
      expect(Email.safeParse(input).success).toBe(false);
    });
  });

  describe('normalizeEmail', () => {
    it('is what Email stores, for every address Email accepts', () => {
      const written = fc.oneof(
        fc.emailAddress(),
        fc.constantFrom(
          ' \uff42\uff4f@acme.io',
          'JOS\u00c9@EX\u00c4MPLE.com',
          '\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a',
          'Ana@ACME.io ',
        ),
      );
      fc.assert(
        fc.property(written, (input) => {
          const parsed = Email.safeParse(input);
          if (parsed.success) expect(normalizeEmail(input)).toBe(parsed.data);
        }),
        { numRuns: 300 },
      );
    });

    it('never throws, and folds what it can of an address Email refuses', () => {
      expect(normalizeEmail('  \uff42\uff4f@LOCALHOST ')).toBe('bo@localhost');
      expect(normalizeEmail('not an email')).toBe('not an email');
      expect(normalizeEmail('bo@acme%2eio')).toBe('bo@acme%2eio');
      expect(() => normalizeEmail('bo@xn--zz.io')).not.toThrow();
    });

    it('gives one key for the look-alikes that fold together', () => {
      const keys = new Set(
        ['bo@acme.io', 'BO@ACME.IO', '\uff42\uff4f@acme.io', 'bo@\uff41cme.io'].map(normalizeEmail),
      );
      expect([...keys]).toEqual(['bo@acme.io']);
    });
  });

  it.each([null, undefined, 42, {}, ['ana@acme.io']])('refuses the non-string %j', (input) => {
    expect(issuePaths(Email, input)).toEqual([[]]);
  });

  it('puts the field path of an invalid email in an account', () => {
    expect(issuePaths(Account, { ...fixtures.account, email: 'nope' })).toEqual([['email']]);
    expect(issuePaths(Invitation, { ...fixtures.invitation, email: 'a@' })).toEqual([['email']]);
  });
});

describe('primitives', () => {
  it('Id is a non-empty string of at most 191 characters', () => {
    expect(Id.parse('x'.repeat(191))).toHaveLength(191);
    expect(issuePaths(Id, '')).toEqual([[]]);
    expect(issuePaths(Id, 'x'.repeat(192))).toEqual([[]]);
    expect(issuePaths(Id, 7)).toEqual([[]]);
  });

  it('Timestamp accepts a Date or an ISO string with an offset', () => {
    const date = new Date('2026-01-01T00:00:00Z');
    expect(Timestamp.parse(date).getTime()).toBe(date.getTime());
    expect(Timestamp.parse('2026-01-01T01:00:00+01:00').getTime()).toBe(date.getTime());
    expect(Timestamp.parse('2026-01-01T00:00:00Z').getTime()).toBe(date.getTime());
  });

  it.each([
    new Date(Number.NaN),
    '2026-01-01',
    '2026-01-01T00:00:00',
    '2026-02-30T00:00:00Z',
    'yesterday',
    Date.parse('2026-01-01T00:00:00Z'),
    null,
  ])('Timestamp refuses %j', (input) => {
    expect(issuePaths(Timestamp, input)).toEqual([[]]);
  });

  it('Version is an integer from 1', () => {
    expect(Version.parse(1)).toBe(1);
    expect(Version.parse(12345)).toBe(12345);
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1']) {
      expect(issuePaths(Version, bad)).toEqual([[]]);
    }
  });

  it('PersonName and RoleName are trimmed and non-empty', () => {
    expect(PersonName.parse('  Ana ')).toBe('Ana');
    expect(RoleName.parse(' admin ')).toBe('admin');
    expect(issuePaths(PersonName, '   ')).toEqual([[]]);
    expect(issuePaths(PersonName, 'x'.repeat(101))).toEqual([[]]);
    expect(issuePaths(RoleName, '')).toEqual([[]]);
  });

  it('enums list the machine states', () => {
    for (const state of ['pending', 'active', 'deactivated', 'deleted']) {
      expect(AccountStatus.parse(state)).toBe(state);
    }
    expect(issuePaths(AccountStatus, 'archived')).toEqual([[]]);
    expect(MembershipState.parse('member')).toBe('member');
    expect(issuePaths(MembershipState, 'former')).toEqual([[]]);
  });
});

describe('JsonValue', () => {
  it.each([
    ['a string', 'x'],
    ['a number', 1.5],
    ['a boolean', false],
    ['null', null],
    ['an array', [1, [2, [3]]]],
    ['an object', { a: { b: { c: [null] } } }],
  ])('accepts %s', (_label, value) => {
    expect(JsonValue.parse(value)).toEqual(value);
  });

  it.each([
    ['undefined', undefined],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a bigint', 1n],
    ['a function', () => 1],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['an array holding undefined', [undefined]],
  ])('refuses %s', (_label, value) => {
    expect(JsonValue.safeParse(value).success).toBe(false);
  });

  it('puts the path of a nested bad value in the outbox payload', () => {
    const paths = issuePaths(OutboxMessage, {
      ...fixtures.outboxMessage,
      payload: { ok: 1, bad: Number.NaN },
    });
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path[0]).toBe('payload');
  });

  it('every JSON value round-trips, or is refused for a "__proto__" key, never changed silently', () => {
    const hasProtoKey = (value: unknown): boolean =>
      typeof value === 'object' &&
      value !== null &&
      (Object.hasOwn(value, '__proto__') || Object.values(value).some(hasProtoKey));
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = JsonValue.safeParse(value);
        if (hasProtoKey(value)) expect(parsed.success).toBe(false);
        else if (parsed.success) expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(value));
        else expect.unreachable(parsed.error.message);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an object with an own "__proto__" key', () => {
    const result = JsonValue.safeParse(JSON.parse('{"a":{"__proto__":1}}'));
    expect(result.success).toBe(false);
  });
});

describe('ProfileFields', () => {
  it('holds flat strings, numbers, booleans and nulls', () => {
    const fields = { a: 'x', b: 0, c: false, d: null };
    expect(ProfileFields.parse(fields)).toEqual(fields);
  });

  it('refuses nested values and empty keys with their path', () => {
    expect(issuePaths(ProfileFields, { phone: { number: '1' } })).toEqual([['phone']]);
    expect(issuePaths(ProfileFields, { tags: ['a'] })).toEqual([['tags']]);
    expect(issuePaths(ProfileFields, { '': 'x' })).toEqual([['']]);
    expect(issuePaths(ProfileFields, { bio: 'x'.repeat(2001) })).toEqual([['bio']]);
    expect(issuePaths(Account, { ...fixtures.account, profile: { a: [1] } })).toEqual([
      ['profile', 'a'],
    ]);
  });
});

describe('Membership refinements', () => {
  it('accepts a member whose last period is the one open period', () => {
    const membership = Membership.parse(fixtures.membership);
    expect(membership.periods.at(-1)?.endedAt).toBeNull();
    expect(membership.periods[0]?.endedAt).toBeInstanceOf(Date);
  });

  it('accepts an account-only membership that never was a member', () => {
    expect(Membership.parse({ ...fixtures.formerMembership, periods: [] }).periods).toEqual([]);
  });

  it.each([
    ['a member without periods', { periods: [] }],
    ['a member whose last period is closed', { periods: [fixtures.closedPeriod] }],
    [
      'a member whose open period is not the last',
      { periods: [fixtures.openPeriod, fixtures.closedPeriod] },
    ],
    [
      'a member with two open periods',
      { periods: [fixtures.openPeriod, fixtures.closedPeriod, fixtures.openPeriod] },
    ],
    ['a member with only open periods', { periods: [fixtures.openPeriod, fixtures.openPeriod] }],
  ])('refuses %s at path periods', (_label, patch) => {
    expect(issuePaths(Membership, { ...fixtures.membership, ...patch })).toEqual([['periods']]);
  });

  it.each([
    ['an open last period', { periods: [fixtures.closedPeriod, fixtures.openPeriod] }],
    ['an open earlier period', { periods: [fixtures.openPeriod, fixtures.closedPeriod] }],
  ])('refuses an account-only membership with %s', (_label, patch) => {
    expect(issuePaths(Membership, { ...fixtures.formerMembership, ...patch })).toEqual([
      ['periods'],
    ]);
  });

  it('refuses groups on an account-only membership', () => {
    expect(issuePaths(Membership, { ...fixtures.formerMembership, groupIds: ['grp_1'] })).toEqual([
      ['groupIds'],
    ]);
  });

  it('refuses an account managing itself', () => {
    expect(issuePaths(Membership, { ...fixtures.membership, managerId: 'acc_2' })).toEqual([
      ['managerId'],
    ]);
  });

  it('reports every broken refinement at once', () => {
    const paths = issuePaths(Membership, {
      ...fixtures.formerMembership,
      periods: [fixtures.openPeriod],
      groupIds: ['grp_1'],
      managerId: 'acc_2',
    });
    expect(paths).toEqual([['periods'], ['groupIds'], ['managerId']]);
  });

  it('gives nested paths inside periods', () => {
    expect(
      issuePaths(Membership, {
        ...fixtures.membership,
        periods: [fixtures.closedPeriod, { ...fixtures.openPeriod, role: '' }],
      }),
    ).toEqual([['periods', 1, 'role']]);
  });
});

describe('INVALID_INPUT errors', () => {
  it.each<[string, AnyModel, unknown, (string | number)[][]]>([
    ['Account email', Account, { ...fixtures.account, email: 'x' }, [['email']]],
    ['Account status', Account, { ...fixtures.account, status: 'archived' }, [['status']]],
    ['Account version', Account, { ...fixtures.account, version: 0 }, [['version']]],
    [
      'AuditEvent target type',
      AuditEvent,
      { ...fixtures.auditEvent, target: { ...fixtures.auditEvent.target, type: 'Robot' } },
      [['target', 'type']],
    ],
    [
      'AuditEvent actor',
      AuditEvent,
      { ...fixtures.auditEvent, actor: { accountId: 'a' } },
      [['actor', 'orgId']],
    ],
    [
      'Invitation tokenHash',
      Invitation,
      { ...fixtures.invitation, tokenHash: 'short' },
      [['tokenHash']],
    ],
    [
      'Invitation groupIds',
      Invitation,
      { ...fixtures.invitation, groupIds: ['g', ''] },
      [['groupIds', 1]],
    ],
    [
      'OutboxMessage attempts',
      OutboxMessage,
      { ...fixtures.outboxMessage, attempts: -1 },
      [['attempts']],
    ],
    [
      'OutboxMessage back-off and dead fields',
      OutboxMessage,
      {
        ...fixtures.outboxMessage,
        nextAttemptAt: null,
        lastError: 'x'.repeat(1001),
        deadAt: 'never',
      },
      [['nextAttemptAt'], ['lastError'], ['deadAt']],
    ],
    ['Space isDefault', Space, { ...fixtures.space, isDefault: 'yes' }, [['isDefault']]],
    ['Organization name', Organization, { ...fixtures.organization, name: ' ' }, [['name']]],
    [
      'MembershipPeriod endedAt',
      MembershipPeriod,
      { ...fixtures.openPeriod, endedAt: 'never' },
      [['endedAt']],
    ],
    ['ReportReassignment both forms', ReportReassignment, { to: 'a', each: {} }, [[]]],
    ['ReportReassignment each value', ReportReassignment, { each: { a: '' } }, [['each', 'a']]],
    ['ReportReassignment to', ReportReassignment, { to: '' }, [['to']]],
    ['ReportReassignment neither form', ReportReassignment, {}, [[]]],
  ])('%s', (_label, model, input, expected) => {
    expect(issuePaths(model, input)).toEqual(expected);
  });

  it('lets a pending account wait for its names, and no other', () => {
    const blank = { ...fixtures.account, firstName: '', lastName: ' ' };
    expect(Account.safeParse({ ...blank, status: 'pending' }).success).toBe(true);
    for (const status of ['active', 'deactivated', 'deleted'] as const) {
      const result = Account.safeParse({ ...blank, status });
      expect(result.success).toBe(false);
      if (!result.success) {
        expect(result.error.details.issues.map((issue) => issue.path)).toEqual([
          ['firstName'],
          ['lastName'],
        ]);
      }
    }
  });

  it('lists every field at fault, and the message names them', () => {
    const result = Account.safeParse({
      ...fixtures.account,
      email: 'x',
      firstName: 7,
      version: 0,
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.details.issues.map((issue) => issue.path)).toEqual([
      ['email'],
      ['firstName'],
      ['version'],
    ]);
    for (const issue of result.error.details.issues)
      expect(issue.message.length).toBeGreaterThan(0);
    expect(result.error.message).toMatch(/^Invalid Account: email: .*; firstName: .*; version: /);
    expect(result.error.cause).toBeInstanceOf(z.ZodError);
  });

  it('summarizes beyond three issues', () => {
    const result = Organization.safeParse({});
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.details.issues).toHaveLength(7);
    expect(result.error.message).toContain('(and 4 more)');
  });

  it('says (root) for an issue about the input as a whole', () => {
    const result = Account.safeParse('nope');
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.details.issues).toEqual([{ path: [], message: expect.any(String) }]);
      expect(result.error.message).toMatch(/^Invalid Account: \(root\): /);
    }
  });

  it('invalidInput keeps every zod issue path, symbols as strings', () => {
    const key = Symbol('k');
    const error = invalidInput(
      'thing',
      new z.ZodError([
        { code: 'custom', path: ['a', 0], message: 'bad a', input: undefined },
        { code: 'custom', path: [key], message: 'bad symbol', input: undefined },
      ]),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details.issues).toEqual([
      { path: ['a', 0], message: 'bad a' },
      { path: ['Symbol(k)'], message: 'bad symbol' },
    ]);
    expect(error.message).toBe('Invalid thing: a.0: bad a; Symbol(k): bad symbol.');
  });

  it('defineModel wraps a host schema with the same contract', () => {
    const Extension = defineModel('Extension', z.object({ number: z.string().regex(/^\d{3,6}$/) }));
    expect(Extension.name).toBe('Extension');
    expect(Extension.parse({ number: '204' })).toEqual({ number: '204' });
    expect(issuePaths(Extension, { number: 'abc' })).toEqual([['number']]);
  });

  it('reports a value zod itself cannot read as INVALID_INPUT at the root', () => {
    // zod compares the `length` of anything that has one with its minimum,
    // and an object without a prototype cannot become a number: TypeError.
    const Ref = defineModel('Ref', z.strictObject({ id: z.string().min(1) }));
    const hostile = { id: { length: Object.create(null) } };
    expect(() => z.strictObject({ id: z.string().min(1) }).safeParse(hostile)).toThrow(TypeError);
    expect(issuePaths(Ref, hostile)).toEqual([[]]);
    expect(() => Ref.parse(hostile)).toThrow(RosterError);
  });
});

describe('property: parse never throws anything but INVALID_INPUT', () => {
  const anything = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  });

  function assertContract(model: AnyModel, input: unknown): void {
    let safe: ReturnType<AnyModel['safeParse']> | undefined;
    expect(() => {
      safe = model.safeParse(input);
    }).not.toThrow();
    try {
      const value = model.parse(input);
      expect(safe?.success).toBe(true);
      if (safe?.success) expect(safe.data).toEqual(value);
    } catch (error) {
      expect(RosterError.isInstance(error, 'INVALID_INPUT')).toBe(true);
      expect(error).toBeInstanceOf(RosterError);
      expect(safe?.success).toBe(false);
      for (const issue of (error as RosterError<'INVALID_INPUT'>).details.issues) {
        expect(Array.isArray(issue.path)).toBe(true);
        expect(typeof issue.message).toBe('string');
      }
    }
  }

  it.each([...objectModels, ...valueModels])('%s given fc.anything()', (_name, model) => {
    fc.assert(
      fc.property(anything, (input) => assertContract(model, input)),
      { numRuns: 200 },
    );
  });

  it.each(objectModels)('%s given its fixture with one field replaced', (_name, model, raw) => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(raw)), anything, (key, value) => {
        const input = { ...raw, [key]: value };
        assertContract(model, input);
        // a non-optional field replaced by undefined is always refused at its own path
        if (value === undefined) {
          const result = model.safeParse(input);
          expect(result.success).toBe(false);
          if (!result.success) {
            expect(result.error.details.issues.map((issue) => issue.path)).toContainEqual([key]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each([{ to: 'acc_5' }, { each: { acc_6: 'acc_5' } }])(
    'ReportReassignment %j with one field replaced or added',
    (raw) => {
      fc.assert(
        fc.property(fc.constantFrom('to', 'each', 'other'), anything, (key, value) => {
          assertContract(ReportReassignment, { ...raw, [key]: value });
        }),
        { numRuns: 300 },
      );
    },
  );

  it('Membership given a period with one field replaced', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(fixtures.openPeriod)), anything, (key, value) => {
        assertContract(Membership, {
          ...fixtures.membership,
          periods: [fixtures.closedPeriod, { ...fixtures.openPeriod, [key]: value }],
        });
      }),
      { numRuns: 300 },
    );
  });
});
