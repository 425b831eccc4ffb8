import { createHash, randomBytes } from 'node:crypto';
import type { AccountActor } from '@rosterkit/core';
import type { PrismaClient } from './generated/prisma/client.js';

// The host's own sessions, in its own table: rosterkit never sees a
// credential, only the actor `authenticate` resolves from it. Tokens are
// random and stored as their hash, like rosterkit's invitation tokens.

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates the sessions table once. */
export async function createSessionTable(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS example_session (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    org_id TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`);
}

/** Opens a session for an actor; returns its bearer token, shown once. */
export async function openSession(prisma: PrismaClient, actor: AccountActor): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await prisma.$executeRaw`INSERT INTO example_session (token_hash, account_id, org_id)
    VALUES (${hash(token)}, ${actor.accountId}, ${actor.orgId})`;
  return token;
}

/** The actor of a request's `Authorization: Bearer …`, or null. */
export async function sessionActor(
  prisma: PrismaClient,
  request: Request,
): Promise<AccountActor | null> {
  const token = request.headers.get('authorization')?.match(/^Bearer (\S+)$/)?.[1];
  if (token === undefined) return null;
  const rows = await prisma.$queryRaw<{ account_id: string; org_id: string }[]>`
    SELECT account_id, org_id FROM example_session WHERE token_hash = ${hash(token)}`;
  const row = rows[0];
  return row === undefined ? null : { accountId: row.account_id, orgId: row.org_id };
}
