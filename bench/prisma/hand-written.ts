// The baseline of a command on PostgreSQL: a hand-written `pg` transaction
// doing the same reads and writes as rosterkit, as few statements as we know
// how: `BEGIN ISOLATION LEVEL SERIALIZABLE` (one statement), the
// organization, the actor, the target and both their memberships in one
// read, each write as one statement (versioned, `RETURNING` what the audit
// event records), the audit event (and outbox message) in one INSERT, COMMIT.
// It skips what rosterkit decides in between (Policy, rules, the machine):
// that difference is what the ratio shows.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/** What a command's writes see: the target's account and its team membership. */
export interface Loaded {
  readonly account: Record<string, unknown> & { id: string; version: number };
  readonly membership: (Record<string, unknown> & { id: string; version: number }) | undefined;
}

/** One write of a command: SQL with `$n` parameters. */
export interface Write {
  readonly sql: string;
  readonly values: unknown[];
}

/** The hand-written writes of the commands the bench compares. */
export const commandWrites: Readonly<
  Record<string, (t: Loaded, ctx: { orgId: string; groups: readonly string[] }) => Write[]>
> = {
  changeRole: (t) => [membershipUpdate(t, `"role" = 'manager'`)],
  updateProfile: (t) => [
    {
      sql: `UPDATE rosterkit_accounts SET "lastName" = $3::text, "lastNameKey" = lower($3::text), "nameSearch" = lower("firstName" || ' ' || $3::text), "updatedAt" = now(), version = version + 1 WHERE "orgId" = $1 AND id = $2 AND version = $4 RETURNING id`,
      values: [t.account.orgId, t.account.id, `Renamed${t.account.version}`, t.account.version],
    },
  ],
  deactivate: (t) => [
    accountStatus(t, 'deactivated'),
    {
      sql: `INSERT INTO rosterkit_outbox_messages (id, "orgId", topic, "payloadJson", "createdAt", attempts, "nextAttemptAt") VALUES ($1, $2, 'account.deactivated', $3, now(), 0, now())`,
      values: [randomUUID(), t.account.orgId, JSON.stringify({ accountId: t.account.id })],
    },
    membershipUpdate(t, `"groupIdsJson" = '[]'`),
    {
      sql: 'DELETE FROM rosterkit_membership_groups WHERE "membershipId" = $1',
      values: [t.membership?.id],
    },
  ],
  reactivate: (t) => [accountStatus(t, 'active')],
  removeFromTeam: (t) => [
    membershipUpdate(t, `state = 'account-only', "groupIdsJson" = '[]'`),
    {
      sql: 'DELETE FROM rosterkit_membership_groups WHERE "membershipId" = $1',
      values: [t.membership?.id],
    },
  ],
  'addToTeam (re-add)': (t) => [membershipUpdate(t, `state = 'member'`)],
  'assignGroups (2 groups)': (t, ctx) => [
    membershipUpdate(t, `"groupIdsJson" = '${JSON.stringify(ctx.groups)}'`),
    {
      sql: 'DELETE FROM rosterkit_membership_groups WHERE "membershipId" = $1',
      values: [t.membership?.id],
    },
    {
      sql: 'INSERT INTO rosterkit_membership_groups ("membershipId", "groupId", "orgId") SELECT $1, g, $2 FROM unnest($3::text[]) g',
      values: [t.membership?.id, t.account.orgId, ctx.groups],
    },
  ],
};

function membershipUpdate(t: Loaded, set: string): Write {
  if (t.membership === undefined) throw new Error(`${t.account.id} has no team membership`);
  return {
    sql: `UPDATE rosterkit_memberships SET ${set}, version = version + 1 WHERE "orgId" = $1 AND id = $2 AND version = $3 RETURNING id`,
    values: [t.account.orgId, t.membership.id, t.membership.version],
  };
}

function accountStatus(t: Loaded, status: string): Write {
  return {
    sql: `UPDATE rosterkit_accounts SET status = $3, "updatedAt" = now(), version = version + 1 WHERE "orgId" = $1 AND id = $2 AND version = $4 RETURNING id`,
    values: [t.account.orgId, t.account.id, status, t.account.version],
  };
}

/**
 * Runs `name`'s hand-written transaction by `actorId` on `targetId`; returns
 * the statements it sent.
 */
export async function handWrittenCommand(
  client: pg.PoolClient,
  name: string,
  ids: {
    orgId: string;
    teamId: string;
    actorId: string;
    targetId: string;
    groups: readonly string[];
  },
): Promise<number> {
  const writes = commandWrites[name];
  if (writes === undefined) throw new Error(`no hand-written ${name}`);
  let statements = 0;
  const send = async (sql: string, values?: unknown[]) => {
    statements += 1;
    return client.query(sql, values);
  };
  await send('BEGIN ISOLATION LEVEL SERIALIZABLE');
  try {
    const { rows } = await send(
      `SELECT (SELECT row_to_json(o) FROM rosterkit_organizations o WHERE o.id = $1) AS org,
         (SELECT json_agg(a) FROM rosterkit_accounts a WHERE a."orgId" = $1 AND a.id IN ($2, $3)) AS accounts,
         (SELECT json_agg(m) FROM rosterkit_memberships m WHERE m."orgId" = $1 AND m."accountId" IN ($2, $3)) AS memberships`,
      [ids.orgId, ids.actorId, ids.targetId],
    );
    const row = rows[0] as {
      accounts: Loaded['account'][];
      memberships: NonNullable<Loaded['membership']>[];
    };
    const account = row.accounts.find((a) => a.id === ids.targetId);
    if (account === undefined) throw new Error(`no account ${ids.targetId}`);
    const membership = row.memberships.find(
      (m) => m.accountId === ids.targetId && m.spaceId === ids.teamId,
    );
    const before = { account, membership };
    for (const write of writes({ account, membership }, ids)) {
      const result = await send(write.sql, write.values);
      // A versioned update that matches nothing is a stale read: the baseline would be wrong.
      if (write.sql.startsWith('UPDATE') && result.rowCount === 0)
        throw new Error(`${name}: a write matched no row`);
    }
    const now = new Date();
    await send(
      `INSERT INTO rosterkit_audit_events (id, "orgId", "actorJson", action, "targetType", "targetId", "beforeJson", "afterJson", at)
       VALUES ($1, $2, $3, $4, 'Account', $5, $6, $6, $7)`,
      [
        randomUUID(),
        ids.orgId,
        JSON.stringify({ accountId: ids.actorId }),
        name,
        ids.targetId,
        JSON.stringify(before),
        now,
      ],
    );
    await send('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return statements;
}

/** The invitations the hand-written invite issued, for the hand-written accept to take. */
const handInvitations: string[] = [];

/**
 * A hand-written `invite` by `actorId` of `email` into the team: one read
 * (the organization, the actor and its memberships, an account with the
 * email), the pending account, the invitation, the outbox message and the
 * audit event (one INSERT each), COMMIT. Returns the statements it sent.
 */
export async function handWrittenInvite(
  client: pg.PoolClient,
  ids: { orgId: string; teamId: string; actorId: string },
  email: string,
): Promise<number> {
  return inTransaction(client, async (send) => {
    const { rows } = await send(
      `SELECT (SELECT row_to_json(o) FROM rosterkit_organizations o WHERE o.id = $1) AS org,
         (SELECT row_to_json(a) FROM rosterkit_accounts a WHERE a."orgId" = $1 AND a.id = $2) AS actor,
         (SELECT json_agg(m) FROM rosterkit_memberships m WHERE m."orgId" = $1 AND m."accountId" = $2) AS memberships,
         (SELECT a.id FROM rosterkit_accounts a WHERE a."orgId" = $1 AND a.email = $3) AS taken`,
      [ids.orgId, ids.actorId, email],
    );
    if ((rows[0] as { taken: string | null }).taken !== null) throw new Error(`${email} is taken`);
    const accountId = randomUUID();
    const tokenHash = randomUUID();
    await send(
      `INSERT INTO rosterkit_accounts (id, "orgId", email, "firstName", "lastName", "firstNameKey", "lastNameKey", "nameSearch", "emailSearch", status, "profileJson", "createdAt", "updatedAt", version)
       VALUES ($1, $2, $3, '', '', '', '', '', $3, 'pending', '{}', now(), now(), 1)`,
      [accountId, ids.orgId, email],
    );
    await send(
      `INSERT INTO rosterkit_invitations (id, "orgId", "accountId", "spaceId", email, role, "groupIdsJson", "restrictionsJson", "invitedBy", "tokenHash", status, "expiresAt", "createdAt", version)
       VALUES ($1, $2, $3, $4, $5, 'agent', '[]', '[]', $6, $7, 'pending', now() + interval '7 days', now(), 1)`,
      [randomUUID(), ids.orgId, accountId, ids.teamId, email, ids.actorId, tokenHash],
    );
    await send(
      `INSERT INTO rosterkit_outbox_messages (id, "orgId", topic, "payloadJson", "createdAt", attempts, "nextAttemptAt") VALUES ($1, $2, 'invitation.sent', $3, now(), 0, now())`,
      [randomUUID(), ids.orgId, JSON.stringify({ accountId, email })],
    );
    await auditInsert(send, ids.orgId, ids.actorId, 'invite', accountId, { email });
    handInvitations.push(tokenHash);
  });
}

/**
 * A hand-written `acceptInvitation` of the next invitation the hand-written
 * invite issued: one read (the invitation with its organization, invitee,
 * inviter and their memberships), the invitation used, the account made
 * active, its team membership, the audit event, COMMIT.
 */
export async function handWrittenAccept(client: pg.PoolClient): Promise<number> {
  const tokenHash = handInvitations.shift();
  if (tokenHash === undefined) throw new Error('no hand-written invitation to accept');
  return inTransaction(client, async (send) => {
    const { rows } = await send(
      `SELECT row_to_json(i) AS invitation,
         (SELECT row_to_json(o) FROM rosterkit_organizations o WHERE o.id = i."orgId") AS org,
         (SELECT json_agg(a) FROM rosterkit_accounts a WHERE a."orgId" = i."orgId" AND a.id IN (i."accountId", i."invitedBy")) AS accounts,
         (SELECT json_agg(m) FROM rosterkit_memberships m WHERE m."orgId" = i."orgId" AND m."accountId" IN (i."accountId", i."invitedBy")) AS memberships
       FROM rosterkit_invitations i WHERE i."tokenHash" = $1`,
      [tokenHash],
    );
    const row = rows[0] as
      | {
          invitation: {
            id: string;
            orgId: string;
            accountId: string;
            spaceId: string;
            version: number;
          };
        }
      | undefined;
    if (row === undefined) throw new Error('the hand-written invitation is gone');
    const { invitation } = row;
    await send(
      `UPDATE rosterkit_invitations SET status = 'accepted', version = version + 1 WHERE "orgId" = $1 AND id = $2 AND version = $3`,
      [invitation.orgId, invitation.id, invitation.version],
    );
    await send(
      `UPDATE rosterkit_accounts SET status = 'active', "firstName" = 'New', "lastName" = 'Hire', "firstNameKey" = 'new', "lastNameKey" = 'hire', "nameSearch" = 'new hire', "updatedAt" = now(), version = version + 1 WHERE "orgId" = $1 AND id = $2 AND version = 1`,
      [invitation.orgId, invitation.accountId],
    );
    await send(
      `INSERT INTO rosterkit_memberships (id, "orgId", "accountId", "spaceId", state, role, "restrictionsJson", "groupIdsJson", "periodsJson", version)
       VALUES ($1, $2, $3, $4, 'member', 'agent', '[]', '[]', $5, 1)`,
      [
        randomUUID(),
        invitation.orgId,
        invitation.accountId,
        invitation.spaceId,
        JSON.stringify([{ startedAt: new Date().toISOString(), endedAt: null, role: 'agent' }]),
      ],
    );
    await auditInsert(
      send,
      invitation.orgId,
      invitation.accountId,
      'acceptInvitation',
      invitation.accountId,
      invitation,
    );
  });
}

type Send = (sql: string, values?: unknown[]) => Promise<pg.QueryResult>;

/** Runs `work` between `BEGIN ISOLATION LEVEL SERIALIZABLE` and COMMIT; returns the statements sent. */
async function inTransaction(
  client: pg.PoolClient,
  work: (send: Send) => Promise<void>,
): Promise<number> {
  let statements = 0;
  const send: Send = async (sql, values) => {
    statements += 1;
    return client.query(sql, values);
  };
  await send('BEGIN ISOLATION LEVEL SERIALIZABLE');
  try {
    await work(send);
    await send('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return statements;
}

function auditInsert(
  send: Send,
  orgId: string,
  actorId: string,
  action: string,
  targetId: string,
  after: unknown,
): Promise<pg.QueryResult> {
  return send(
    `INSERT INTO rosterkit_audit_events (id, "orgId", "actorJson", action, "targetType", "targetId", "beforeJson", "afterJson", at)
     VALUES ($1, $2, $3, $4, 'Account', $5, NULL, $6, now())`,
    [
      randomUUID(),
      orgId,
      JSON.stringify({ accountId: actorId }),
      action,
      targetId,
      JSON.stringify(after),
    ],
  );
}
