import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from './generated/prisma/client.js';

// The host's own sessions, in its own table: rosterkit never sees a
// credential. A session holds what the host knows of its user (here, the
// email they signed in with) and the organization they signed in to, not
// rosterkit's account id; `authenticate` resolves it to an actor with
// `roster.findAccount`. Tokens are random and stored as their hash, like
// rosterkit's invitation tokens.

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** What a session holds: the host's user (by email) and the organization. */
export interface HostSession {
  readonly email: string;
  readonly orgId: string;
}

/** Creates the sessions table once. */
export async function createSessionTable(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS example_host_session (
    token_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    org_id TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`);
}

/** Opens a session for the host's user; returns its bearer token, shown once. */
export async function openSession(prisma: PrismaClient, session: HostSession): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await prisma.$executeRaw`INSERT INTO example_host_session (token_hash, email, org_id)
    VALUES (${hash(token)}, ${session.email}, ${session.orgId})`;
  return token;
}

/** The session of a request's `Authorization: Bearer …`, or null. */
export async function sessionOf(
  prisma: PrismaClient,
  request: Request,
): Promise<HostSession | null> {
  const token = request.headers.get('authorization')?.match(/^Bearer (\S+)$/)?.[1];
  if (token === undefined) return null;
  const rows = await prisma.$queryRaw<{ email: string; org_id: string }[]>`
    SELECT email, org_id FROM example_host_session WHERE token_hash = ${hash(token)}`;
  const row = rows[0];
  return row === undefined ? null : { email: row.email, orgId: row.org_id };
}
