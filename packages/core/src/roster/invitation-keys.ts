// A deliverable invitation (DESIGN §8, Delivery): the link's token is
// derived, not stored. Each invitation gets a random nonce, kept in its
// `invitation.created` message with the id of the host key it was made with;
// the token is HMAC-SHA256(key, nonce), and only the token's SHA-256 hash is
// stored on the invitation, as before. Whoever holds the key (the worker, on
// any server, after any crash) rebuilds the token from the message; a dump of
// the database holds the nonce and the hash, neither of which accepts.
// Acceptance never needs the key: it hashes the token it is given.

/** node:crypto's HMAC, when the runtime is Node (as invitation-token.ts does for the hash). */
interface NodeHmac {
  createHmac(
    algorithm: 'sha256',
    key: Uint8Array,
  ): { update(data: string, encoding: 'utf8'): { digest(encoding: 'base64url'): string } };
}

const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeHmac | undefined;

/**
 * One host key for invitation links: an id, stored with each message made
 * with it, and a secret of at least 32 bytes (a string is taken as its UTF-8
 * bytes: `openssl rand -base64 32` makes one).
 *
 * @category Delivery
 */
export interface InvitationKey {
  /** Names the key in the messages made with it: 1 to 64 characters, not secret. */
  readonly id: string;
  /** At least 32 bytes, kept out of the database (an environment variable, a secret manager). */
  readonly secret: string | Uint8Array;
}

/**
 * The host keys invitation links are derived with: the current one, for new
 * invitations, and earlier ones, kept until `retiresAt` so that messages
 * made with them stay deliverable through a rotation.
 *
 * @example
 * ```ts
 * const invitationKeys = {
 *   current: { id: '2026-12', secret: process.env.INVITATION_KEY_2026_12 ?? '' },
 *   // Rotated on 1 December: messages made before stay deliverable for 8 days.
 *   previous: [
 *     { id: '2026-11', secret: process.env.INVITATION_KEY_2026_11 ?? '', retiresAt: new Date('2026-12-09') },
 *   ],
 * };
 * ```
 *
 * @category Delivery
 */
export interface InvitationKeys {
  readonly current: InvitationKey;
  /**
   * Keys rotated out. A message made with one is delivered until its
   * `retiresAt`, then parked dead (resend the invitation). Make the window
   * at least the invitation lifetime (7 days by default): later, the links
   * it would build have expired anyway.
   * @default []
   */
  readonly previous?: readonly (InvitationKey & { readonly retiresAt: Date })[];
}

/** The keys as createRoster checked them. @internal */
export interface ResolvedInvitationKeys {
  readonly current: { readonly id: string; readonly secret: Uint8Array };
  readonly previous: readonly {
    readonly id: string;
    readonly secret: Uint8Array;
    readonly retiresAt: Date;
  }[];
}

function keyBytes(key: InvitationKey, where: string): Uint8Array {
  if (typeof key?.id !== 'string' || key.id.length < 1 || key.id.length > 64) {
    throw new TypeError(`createRoster: ${where}.id must be a string of 1 to 64 characters`);
  }
  const bytes =
    typeof key.secret === 'string'
      ? new TextEncoder().encode(key.secret)
      : key.secret instanceof Uint8Array
        ? new Uint8Array(key.secret)
        : undefined;
  if (bytes === undefined || bytes.length < 32) {
    throw new TypeError(
      `createRoster: ${where}.secret must be a string or bytes of at least 32 bytes`,
    );
  }
  return bytes;
}

/** Checks the host's keys once, at createRoster. @internal */
export function resolveInvitationKeys(keys: InvitationKeys): ResolvedInvitationKeys {
  const current = {
    id: keys.current?.id,
    secret: keyBytes(keys.current, 'invitationKeys.current'),
  };
  const previous = (keys.previous ?? []).map((key, i) => {
    const secret = keyBytes(key, `invitationKeys.previous[${i}]`);
    if (!(key.retiresAt instanceof Date) || Number.isNaN(key.retiresAt.getTime())) {
      throw new TypeError(`createRoster: invitationKeys.previous[${i}].retiresAt must be a Date`);
    }
    return { id: key.id, secret, retiresAt: new Date(key.retiresAt.getTime()) };
  });
  const ids = [current.id, ...previous.map((key) => key.id)];
  if (new Set(ids).size !== ids.length) {
    throw new TypeError('createRoster: invitationKeys has two keys with the same id');
  }
  return { current, previous };
}

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};

// The purpose is part of the MAC input, so a key shared with other uses
// never yields an invitation token by accident.
const purpose = 'rosterkit/invitation-token/v1:';

/** The token of a nonce under a key: HMAC-SHA256, base64url (43 characters). @internal */
export async function deriveInvitationToken(secret: Uint8Array, nonce: string): Promise<string> {
  if (nodeCrypto !== undefined) {
    return nodeCrypto
      .createHmac('sha256', secret)
      .update(purpose + nonce, 'utf8')
      .digest('base64url');
  }
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    secret as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await globalThis.crypto.subtle.sign(
    'HMAC',
    key,
    new TextEncoder().encode(purpose + nonce),
  );
  return toBase64Url(new Uint8Array(mac));
}

/**
 * The key a message names, if it still opens messages at `now`: the
 * current one, or an earlier one before its `retiresAt`. @internal
 */
export function invitationKeyFor(
  keys: ResolvedInvitationKeys,
  keyId: string,
  now: Date,
): { readonly secret: Uint8Array } | 'unknown' | 'retired' {
  if (keys.current.id === keyId) return keys.current;
  const earlier = keys.previous.find((key) => key.id === keyId);
  if (earlier === undefined) return 'unknown';
  return now.getTime() < earlier.retiresAt.getTime() ? earlier : 'retired';
}
