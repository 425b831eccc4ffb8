// Tokens are 256 random bits, shown once, and stored only as a SHA-256 hash
// (DESIGN rule 13); both primitives come from Web Crypto, so core keeps no
// dependency beyond zod and runs wherever `globalThis.crypto` exists.

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};

/** A new random invitation token (43 URL-safe characters, 256 bits). */
export function newInvitationToken(): string {
  return toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

/** The hash under which a token is stored and looked up. */
export async function hashInvitationToken(token: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return toBase64Url(new Uint8Array(digest));
}
