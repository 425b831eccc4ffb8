/** A new lease id: 128 random bits, base64url (22 characters), unguessable by other workers. @internal */
export function newLeaseId(): string {
  let binary = '';
  for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(16))) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
