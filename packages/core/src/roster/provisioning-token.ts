// A provisioning connection's bearer token: 256 random bits behind a
// recognisable prefix (so a leaked one is found by secret scanners and told
// apart from an invitation token), shown once, stored only as its hex
// SHA-256 (the `tokenHash` of ProvisioningConnection) and its last four
// characters. Web Crypto only, so core runs wherever `globalThis.crypto` is.

/** What every provisioning token starts with. @internal */
export const provisioningTokenPrefix = 'rkscim_';

/** `rkscim_` then 43 base64url characters (32 random bytes). */
const tokenShape = /^rkscim_[A-Za-z0-9_-]{43}$/;

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};

/** A new random provisioning token (`rkscim_` + 43 URL-safe characters, 256 bits). @internal */
export function newProvisioningToken(): string {
  return (
    provisioningTokenPrefix + toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)))
  );
}

/** Whether `token` has the shape of a provisioning token (anything else is never looked up). @internal */
export function isProvisioningToken(token: unknown): token is string {
  return typeof token === 'string' && tokenShape.test(token);
}

/** The hex SHA-256 under which a token is stored and looked up. @internal */
export async function hashProvisioningToken(token: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The last four characters of a token, kept to tell tokens apart in a UI. @internal */
export function tokenHintOf(token: string): string {
  return token.slice(-4);
}
