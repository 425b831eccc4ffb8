import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hashInvitationToken,
  newInvitationToken,
  webCryptoTokenHash,
} from '../src/roster/invitation-token.js';

describe('invitation tokens', () => {
  it('are 43 URL-safe characters, and new each time', () => {
    const tokens = Array.from({ length: 200 }, () => newInvitationToken());
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('hash to SHA-256 in base64url without padding', async () => {
    // The FIPS 180-2 test vector for "abc".
    expect(await hashInvitationToken('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
    expect(await webCryptoTokenHash('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });

  it('hash the same on Node as by Web Crypto, so tokens stored by either runtime are found by the other', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant(null).map(() => newInvitationToken()),
          fc.string({ unit: 'grapheme' }),
        ),
        async (token) => {
          expect(await hashInvitationToken(token)).toBe(await webCryptoTokenHash(token));
        },
      ),
    );
  });
});
