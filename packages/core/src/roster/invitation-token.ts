// Tokens are 256 random bits, shown once, and stored only as a SHA-256 hash
// (DESIGN rule 13). Both primitives come from Web Crypto, so core keeps no
// dependency beyond zod and runs wherever `globalThis.crypto` exists; on Node
// the hash comes from node:crypto instead, the same digest computed
// synchronously: a Web Crypto digest is a job handed to another thread and
// back, about 18 µs of the main thread's time per token against 2 µs, which
// a bulk import of 10,000 rows pays 10,000 times.

import { deriveInvitationToken, type ResolvedInvitationKeys } from './invitation-keys.js';

/** The part of node:crypto used here. */
interface NodeHash {
  createHash(algorithm: 'sha256'): {
    update(data: string, encoding: 'utf8'): { digest(encoding: 'base64url'): string };
  };
}

/** node:crypto when the runtime is Node (`process.getBuiltinModule`, Node ≥ 20.16), else undefined. */
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeHash | undefined;

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};

/** A new random invitation token (43 URL-safe characters, 256 bits). */
export function newInvitationToken(): string {
  return toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

// getRandomValues fills at most 65,536 bytes a call: 2,048 tokens of 32.
const tokensPerDraw = 2048;

/**
 * `count` random strings like {@link newInvitationToken}'s, from one draw
 * of the random source per 2,048: each draw costs a call into the runtime's
 * generator (about 3 µs on Node), which a bulk import paid once per row.
 */
function randomTokens(count: number): string[] {
  const tokens: string[] = [];
  for (let start = 0; start < count; start += tokensPerDraw) {
    const n = Math.min(tokensPerDraw, count - start);
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32 * n));
    for (let i = 0; i < n; i += 1) tokens.push(toBase64Url(bytes.subarray(32 * i, 32 * i + 32)));
  }
  return tokens;
}

/** The hash of a token by Web Crypto: what {@link hashInvitationToken} computes where node:crypto is absent. */
export async function webCryptoTokenHash(token: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return toBase64Url(new Uint8Array(digest));
}

/** The hash under which a token is stored and looked up: SHA-256, base64url without padding. */
export async function hashInvitationToken(token: string): Promise<string> {
  return nodeCrypto === undefined
    ? webCryptoTokenHash(token)
    : nodeCrypto.createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** An invitation's secret: the token for its link, and the hash that is stored. @internal */
export interface InvitationSecret {
  readonly token: string;
  readonly tokenHash: string;
  /**
   * What the outbox message keeps to rebuild the token with the host key
   * (invitation-keys.ts); absent when the roster has no keys, and the token
   * is then random and known only to the caller.
   */
  readonly derivation?: { readonly keyId: string; readonly nonce: string };
}

/** A new invitation token and its hash: derived from a fresh nonce under the current key, or random without keys. @internal */
export async function newInvitationSecret(
  keys?: ResolvedInvitationKeys,
): Promise<InvitationSecret> {
  return secretFrom(newInvitationToken(), keys);
}

/** `count` secrets like {@link newInvitationSecret}'s, their random parts drawn at once (a bulk batch's). @internal */
export function newInvitationSecrets(
  count: number,
  keys?: ResolvedInvitationKeys,
): Promise<InvitationSecret[]> {
  return Promise.all(randomTokens(count).map((random) => secretFrom(random, keys)));
}

/** The secret made of 256 random bits: the token itself without keys, else the nonce it is derived from. */
async function secretFrom(
  random: string,
  keys: ResolvedInvitationKeys | undefined,
): Promise<InvitationSecret> {
  if (keys === undefined) return { token: random, tokenHash: await hashInvitationToken(random) };
  const token = await deriveInvitationToken(keys.current.secret, random);
  return {
    token,
    tokenHash: await hashInvitationToken(token),
    derivation: { keyId: keys.current.id, nonce: random },
  };
}
