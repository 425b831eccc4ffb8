import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hashInvitationToken,
  newInvitationSecrets,
  newInvitationToken,
  webCryptoTokenHash,
} from '../src/roster/invitation-token.js';

describe('invitation tokens', () => {
  it('are 43 URL-safe characters, and new each time', () => {
    const tokens = Array.from({ length: 200 }, () => newInvitationToken());
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('come in batches past one draw of the random source (2,048 tokens), all new, each with its hash', async () => {
    const secrets = await newInvitationSecrets(2049 + 2048);
    expect(secrets).toHaveLength(4097);
    for (const { token } of secrets) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(secrets.map(({ token }) => token)).size).toBe(secrets.length);
    for (const i of [0, 2048, 4096]) {
      const { token, tokenHash } = secrets[i] ?? { token: '', tokenHash: '' };
      expect(tokenHash).toBe(await webCryptoTokenHash(token));
    }
    expect(await newInvitationSecrets(0)).toEqual([]);
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
