import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  deriveInvitationToken,
  invitationKeyFor,
  resolveInvitationKeys,
} from '../src/roster/invitation-keys.js';
import { hashInvitationToken, newInvitationSecret } from '../src/roster/invitation-token.js';

const current = { id: 'k2', secret: 'x'.repeat(32) };
const previous = { id: 'k1', secret: new Uint8Array(32).fill(7), retiresAt: new Date(1000) };

describe('invitation keys', () => {
  it('derives the token as HMAC-SHA256 of the purpose and nonce, and stores only its hash', async () => {
    const keys = resolveInvitationKeys({ current });
    const secret = await newInvitationSecret(keys);
    expect(secret.derivation?.keyId).toBe('k2');
    const nonce = secret.derivation?.nonce ?? '';
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const expected = createHmac('sha256', 'x'.repeat(32))
      .update(`rosterkit/invitation-token/v1:${nonce}`)
      .digest('base64url');
    expect(secret.token).toBe(expected);
    expect(await deriveInvitationToken(keys.current.secret, nonce)).toBe(secret.token);
    expect(secret.tokenHash).toBe(await hashInvitationToken(secret.token));
    expect(secret.tokenHash).not.toBe(secret.token);
    // A new nonce each time: a resend's token is another.
    expect((await newInvitationSecret(keys)).token).not.toBe(secret.token);
  });

  it('opens messages of a previous key until its retiresAt, never of an unknown one', () => {
    const keys = resolveInvitationKeys({ current, previous: [previous] });
    expect(invitationKeyFor(keys, 'k2', new Date(5000))).toBe(keys.current);
    expect(invitationKeyFor(keys, 'k1', new Date(999))).toMatchObject({ id: 'k1' });
    expect(invitationKeyFor(keys, 'k1', new Date(1000))).toBe('retired');
    expect(invitationKeyFor(keys, 'k0', new Date(0))).toBe('unknown');
  });

  it('refuses short secrets, bad ids, duplicate ids and a bad retiresAt', () => {
    expect(() => resolveInvitationKeys({ current: { id: 'k', secret: 'short' } })).toThrow(
      /32 bytes/,
    );
    expect(() => resolveInvitationKeys({ current: { id: '', secret: 'x'.repeat(32) } })).toThrow(
      /id/,
    );
    expect(() => resolveInvitationKeys({ current, previous: [{ ...previous, id: 'k2' }] })).toThrow(
      /same id/,
    );
    expect(() =>
      resolveInvitationKeys({
        current,
        previous: [{ ...previous, retiresAt: new Date(Number.NaN) }],
      }),
    ).toThrow(/retiresAt/);
  });

  it('without keys, tokens are random and carry no derivation', async () => {
    const secret = await newInvitationSecret();
    expect(secret.derivation).toBeUndefined();
    expect(secret.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
