import { describe, expect, it } from 'vitest';
import { checkEmailUnchanged } from '../../src/extra/index.js';

const current = { accountId: 'acc_2', email: 'bo@acme.io' };

describe('checkEmailUnchanged', () => {
  it('allows a patch without an email', () => {
    expect(checkEmailUnchanged({ ...current, patch: {} })).toBeUndefined();
    expect(checkEmailUnchanged({ ...current, patch: { firstName: 'Bob' } })).toBeUndefined();
  });

  it.each(['bo@acme.io', 'BO@acme.io', '  Bo@ACME.IO ', 'bo@acme.io\n'])(
    'treats %j as no change',
    (email) => {
      expect(checkEmailUnchanged({ ...current, patch: { email } })).toBeUndefined();
    },
  );

  it('compares Unicode forms as the same address', () => {
    expect(
      checkEmailUnchanged({
        accountId: 'acc_2',
        email: 'jos\u00e9@acme.io',
        patch: { email: 'JOSE\u0301@acme.io' },
      }),
    ).toBeUndefined();
  });

  it.each([
    ['fullwidth letters', '\uff42\uff4f@acme.io'],
    ['a fullwidth domain', 'bo@\uff41\uff43\uff4d\uff45.io'],
  ])('treats the address in %s as no change (the canonical form of Email)', (_label, email) => {
    expect(checkEmailUnchanged({ ...current, patch: { email } })).toBeUndefined();
  });

  it('compares an internationalised domain in Unicode and in punycode as the same', () => {
    const stored = { accountId: 'acc_3', email: 'dee@xn--bcher-kva.de' };
    expect(
      checkEmailUnchanged({ ...stored, patch: { email: 'Dee@B\u00fccher.de' } }),
    ).toBeUndefined();
  });

  it('refuses a look-alike in another script as another address', () => {
    const error = checkEmailUnchanged({ ...current, patch: { email: 'b\u043e@acme.io' } });
    expect(error?.code).toBe('EMAIL_IMMUTABLE');
  });

  it.each([
    ['another address', 'bo@new.io'],
    ['an invalid address', 'not an email'],
    ['an empty string', ''],
    ['null', null],
    ['undefined, when the key is present', undefined],
    ['a number', 42],
  ])('refuses %s with EMAIL_IMMUTABLE', (_label, email) => {
    const error = checkEmailUnchanged({ ...current, patch: { email } });
    expect(error?.code).toBe('EMAIL_IMMUTABLE');
    expect(error?.details).toEqual({ accountId: 'acc_2' });
    expect(error?.message).toContain('invite the new address');
  });

  it('reads only own keys of the patch', () => {
    const patch = Object.create({ email: 'bo@new.io' }) as object;
    expect(checkEmailUnchanged({ ...current, patch })).toBeUndefined();
  });

  it('treats a stored address that is no longer valid as equal to itself, and never throws', () => {
    const stored = 'legacy@localhost';
    expect(
      checkEmailUnchanged({
        accountId: 'acc_1',
        email: stored,
        patch: { email: ` ${stored.toUpperCase()}` },
      }),
    ).toBeUndefined();
    expect(() =>
      checkEmailUnchanged({ accountId: 'acc_1', email: stored, patch: { email: 'a@b.io' } }),
    ).not.toThrow();
    expect(
      checkEmailUnchanged({ accountId: 'acc_1', email: stored, patch: { email: 'a@b.io' } })?.code,
    ).toBe('EMAIL_IMMUTABLE');
  });
});
