import {
  type Account,
  type AuditEvent,
  type Invitation,
  type Membership,
  normalizeEmail,
  type Organization,
} from '@rosterkit/core';
import type { RosterkitProvider } from '../../src/index.js';
import type { TestClient } from '../support/databases.js';
import { sqlRawReaders } from '../support/raw-readers.js';
import { type CommandRecord, type Fixture, raceSeatLimits, type Written } from './protocol.js';

/**
 * The codes a racing command may fail with, and why each is legitimate. Any
 * other code, and any error that is not a RosterError, fails the test.
 */
export const allowedCodes: Readonly<Record<string, string>> = {
  CONFLICT:
    'the Store gave up after its retries (retry-exhausted), or a unique email / token or a row version was taken by a concurrent writer',
  FORBIDDEN:
    'the Policy refused: the actor was demoted by another process, ranks below the target, or is not the owner (any more) for transferOwnership',
  ACTOR_INACTIVE: 'the random actor was deactivated, or removed from the team, by another process',
  SEAT_LIMIT:
    'the plan’s seats (raceSeatLimits) were taken: by invitations, acceptances, reactivations or re-adds of other processes',
  OWNER_PROTECTED: 'the target is (or just became) the owner',
  SELF_ACTION: 'the random actor is the target (or became it: ownership moved to them)',
  RANK_EXCEEDED: "the rank rule's own code (the preset Policy reports rank refusals as FORBIDDEN)",
  HAS_DIRECT_REPORTS:
    'the manager has reports (some just assigned by another process) and the command reassigns none',
  INVALID_TRANSITION:
    'the state moved under the command: already deactivated / active, not a member (any more), still pending, the invitation already accepted or revoked',
  NOT_FOUND:
    'the token was used, rotated or revoked by another process; the account was revoked; the new manager is no longer an active member',
  ACCOUNT_EXISTS: 'the email was invited (or joined) by another process first',
  INVALID_INPUT:
    "only where another process made the input invalid: `reassignReports` (the account the reports are handed to was deactivated), transferOwnership's `to` (the new owner was deactivated or removed from the team) and assignGroups' `groupIds` (the account was deactivated: it belongs to no group until reactivated)",
};
// Not allowed: INVITATION_EXPIRED (the invitations live 7 days, the race a
// minute) and PROFILE_INCOMPLETE (no profile field is required here).

/** Every row of the organization, read with plain SQL (../support/raw-readers.ts). */
export interface DatabaseState {
  readonly organization: Organization | undefined;
  readonly accounts: Map<string, Account>;
  readonly memberships: Map<string, Membership>;
  readonly invitations: Map<string, Invitation>;
  readonly auditEvents: readonly AuditEvent[];
}

export async function readState(
  client: TestClient,
  provider: RosterkitProvider,
  orgId: string,
): Promise<DatabaseState> {
  const raw = sqlRawReaders(client, provider);
  const q = (name: string) => (provider === 'mysql' ? `\`${name}\`` : `"${name}"`);
  const ids = async (table: string): Promise<string[]> => {
    const sql = `SELECT ${q('id')} AS id FROM ${q(table)} WHERE ${q('orgId')} = ${provider === 'postgresql' ? '$1' : '?'}`;
    const rows = (await client.$queryRawUnsafe(sql, orgId)) as { id: unknown }[];
    return rows.map((row) => String(row.id));
  };
  const all = async <T>(
    table: string,
    read: (id: string) => T | undefined | Promise<T | undefined>,
  ) => {
    const map = new Map<string, T>();
    for (const id of await ids(table)) {
      const row = await read(id);
      if (row !== undefined) map.set(id, row);
    }
    return map;
  };
  return {
    organization: await raw.organization(orgId),
    accounts: await all('rosterkit_accounts', (id) => raw.account(orgId, id)),
    memberships: await all('rosterkit_memberships', (id) => raw.membership(orgId, id)),
    invitations: await all('rosterkit_invitations', (id) => raw.invitation(orgId, id)),
    auditEvents: await raw.auditEvents(orgId),
  };
}

const ownerRole = 'account-owner';

/** DESIGN §4's invariants on the final rows. Returns the violations found. */
export function checkInvariants(state: DatabaseState, fixture: Fixture): string[] {
  const v: string[] = [];
  const { organization: org, accounts, memberships, invitations } = state;
  if (org === undefined) return ['the organization is gone'];
  const memberOf = (accountId: string, spaceId: string) =>
    [...memberships.values()].find((m) => m.accountId === accountId && m.spaceId === spaceId);

  // Rule 1: exactly one owner, active, a member of the default space with the owner role;
  // nobody else holds the (non-shared) owner role.
  const owner = accounts.get(org.ownerId);
  if (owner?.status !== 'active')
    v.push(`rule 1: the owner ${org.ownerId} is ${owner?.status ?? 'missing'}`);
  const ownerMembership = memberOf(org.ownerId, org.defaultSpaceId);
  if (ownerMembership?.state !== 'member' || ownerMembership.role !== ownerRole) {
    v.push(
      `rule 1: the owner's default-space membership is ${JSON.stringify(ownerMembership && { state: ownerMembership.state, role: ownerMembership.role })}`,
    );
  }
  for (const m of memberships.values()) {
    if (m.role === ownerRole && m.accountId !== org.ownerId) {
      v.push(
        `rule 1: ${m.accountId} holds the owner role (${m.state}) but ${org.ownerId} owns the organization`,
      );
    }
  }

  // Email unique in the organization (the store's unique key, and normalized).
  const emails = new Map<string, string>();
  for (const a of accounts.values()) {
    const key = normalizeEmail(a.email);
    if (emails.has(key)) v.push(`rule 12: ${a.id} and ${emails.get(key)} share the email ${key}`);
    emails.set(key, a.id);
  }

  for (const m of memberships.values()) {
    const a = accounts.get(m.accountId);
    // No membership of a deleted (or revoked, hence vanished) account, nor of a pending one.
    if (a === undefined || a.status === 'deleted')
      v.push(`membership ${m.id} of a deleted account ${m.accountId}`);
    else if (a.status === 'pending')
      v.push(`membership ${m.id} of the pending account ${m.accountId}`);
    // A former member has no groups and no manager (removeFromTeam clears them).
    if (m.state === 'account-only' && (m.groupIds.length > 0 || m.managerId !== null)) {
      v.push(
        `membership ${m.id} is account-only with groups ${m.groupIds} / manager ${m.managerId}`,
      );
    }
    // Rule 7 as core keeps it: a current membership's manager is an active
    // account and a current member of the same space. Deactivating or
    // removing a manager requires their reports (listReports: every current
    // membership naming them) to move; setManager accepts only such a
    // manager; reassignment targets must be active.
    if (m.state === 'member' && m.managerId !== null) {
      const manager = accounts.get(m.managerId);
      const managerMembership = memberOf(m.managerId, m.spaceId);
      if (manager?.status !== 'active') {
        v.push(
          `rule 7: ${m.accountId} reports to ${m.managerId}, who is ${manager?.status ?? 'gone'}`,
        );
      } else if (managerMembership?.state !== 'member') {
        v.push(
          `rule 7: ${m.accountId} reports to ${m.managerId}, who is not a member of space ${m.spaceId}`,
        );
      }
    }
  }

  // Rule 13: an invitation is used once. Its status and its account agree.
  const perAccount = new Map<string, Invitation[]>();
  for (const i of invitations.values()) {
    perAccount.set(i.accountId, [...(perAccount.get(i.accountId) ?? []), i]);
    const a = accounts.get(i.accountId);
    if (i.status === 'pending' && a?.status !== 'pending')
      v.push(`invitation ${i.id} is pending but its account is ${a?.status ?? 'gone'}`);
    if (i.status === 'accepted' && (a === undefined || a.status === 'pending'))
      v.push(`invitation ${i.id} is accepted but its account is ${a?.status ?? 'gone'}`);
    if (i.status === 'revoked' && a !== undefined)
      v.push(`invitation ${i.id} is revoked but its account ${a.id} is ${a.status}`);
  }
  for (const [accountId, list] of perAccount) {
    if (list.length !== 1) v.push(`account ${accountId} has ${list.length} invitations`);
  }
  for (const a of accounts.values()) {
    if (a.status === 'pending' && !perAccount.has(a.id))
      v.push(`pending account ${a.id} has no invitation`);
  }
  // DESIGN §8: the plan's seats, never exceeded however the commands raced.
  // Every command that adds a member or an invitation counted them in its
  // transaction (countSeats), and acceptances turn an invitation's seat
  // into a member's, so members plus pending invitations stay within the cap.
  const { members: memberCap, pendingInvitations: pendingCap } = raceSeatLimits.free;
  const activeMembers = [...accounts.values()].filter(
    (a) =>
      a.status === 'active' &&
      [...memberships.values()].some((m) => m.accountId === a.id && m.state === 'member'),
  ).length;
  const pendingInvitations = [...invitations.values()].filter((i) => i.status === 'pending').length;
  if (activeMembers + pendingInvitations > memberCap) {
    v.push(
      `seats: ${activeMembers} active members + ${pendingInvitations} pending invitations exceed the cap of ${memberCap}`,
    );
  }
  if (pendingInvitations > pendingCap)
    v.push(`seats: ${pendingInvitations} pending invitations exceed the cap of ${pendingCap}`);
  const accepts = new Map<string, number>();
  for (const e of state.auditEvents) {
    if (e.action === 'acceptInvitation')
      accepts.set(e.target.id, (accepts.get(e.target.id) ?? 0) + 1);
  }
  for (const [accountId, n] of accepts)
    if (n > 1) v.push(`rule 13: account ${accountId} was activated by ${n} acceptances`);
  if (!fixture.admins.every((id) => memberOf(id, org.defaultSpaceId) !== undefined)) {
    v.push('an admin lost their membership row');
  }
  return v;
}

/**
 * The workers' records against the database: allowed codes only; every
 * successful command has exactly one audit event (same action, target and
 * version written) and every audit event of the race one successful command;
 * the last write reported on each row is the row.
 */
export function checkRecords(
  records: readonly CommandRecord[],
  state: DatabaseState,
  baselineAuditIds: ReadonlySet<string>,
  fixture: Fixture,
): { violations: string[]; noOps: number } {
  const v: string[] = [];
  for (const r of records) {
    const where = `worker ${r.worker} lane ${r.lane} #${r.seq} ${r.kind} ${JSON.stringify(r.input)}`;
    if (r.unexpected !== undefined) v.push(`${where}: not a RosterError: ${r.unexpected}`);
    else if (!r.ok && (r.code === undefined || !(r.code in allowedCodes)))
      v.push(`${where}: code ${r.code} is not allowed`);
    else if (r.code === 'INVALID_INPUT') {
      const path = (r.details as { issues?: { path?: unknown[] }[] } | undefined)?.issues?.[0]
        ?.path?.[0];
      const legit =
        r.kind === 'transferOwnership'
          ? path === 'to'
          : r.kind === 'assignGroups'
            ? path === 'groupIds'
            : path === 'reassignReports';
      if (!legit)
        v.push(`${where}: INVALID_INPUT at ${String(path)}: ${JSON.stringify(r.details)}`);
    }
  }

  // Audit events of the race, by what they wrote.
  const events = new Map<string, AuditEvent>();
  for (const e of state.auditEvents) {
    if (baselineAuditIds.has(e.id)) continue;
    const version = (e.after as { version?: unknown } | null)?.version;
    const key = `${e.action}|${e.target.id}|${String(version)}`;
    if (events.has(key)) v.push(`two audit events ${key}: two writers wrote the same version`);
    events.set(key, e);
  }
  const claimed = new Set<string>();
  let noOps = 0;
  const rows = (w: Written) => {
    switch (w.type) {
      case 'Account':
        return state.accounts.get(w.id);
      case 'Membership':
        return state.memberships.get(w.id);
      case 'Invitation':
        return state.invitations.get(w.id);
      default:
        return state.organization?.id === w.id ? state.organization : undefined;
    }
  };
  for (const r of records) {
    if (!r.ok || r.written === undefined) continue;
    const w = r.written;
    const where = `worker ${r.worker} lane ${r.lane} #${r.seq} ${r.kind} ${JSON.stringify(r.input)}`;
    const key = `${r.kind}|${w.id}|${w.version}`;
    const event = events.get(key);
    if (event === undefined || claimed.has(key)) {
      // changeRole to the role already held writes nothing and audits nothing.
      if (r.kind === 'changeRole' && w.fields.role === (r.input as { role: string }).role)
        noOps += 1;
      else
        v.push(
          `${where}: succeeded (${key}) but ${event === undefined ? 'has no audit event' : 'shares its audit event with another success'}`,
        );
    } else {
      claimed.add(key);
      const after = event.after as Record<string, unknown>;
      for (const [field, value] of Object.entries(w.fields)) {
        if (JSON.stringify(after[field]) !== JSON.stringify(value)) {
          v.push(
            `${where}: returned ${field}=${JSON.stringify(value)}, its audit event says ${JSON.stringify(after[field])}`,
          );
        }
      }
    }
    // No reported write is missing: the row is at least at that version, and
    // if it is at that version it holds what the command returned.
    const row = rows(w) as (Record<string, unknown> & { version: number }) | undefined;
    if (row === undefined) v.push(`${where}: wrote ${w.type} ${w.id}, which is gone`);
    else if (row.version < w.version)
      v.push(
        `${where}: wrote version ${w.version} of ${w.id}, the row is at ${row.version} (lost write)`,
      );
    else if (row.version === w.version) {
      for (const [field, value] of Object.entries(w.fields)) {
        if (JSON.stringify(row[field]) !== JSON.stringify(value)) {
          v.push(
            `${where}: the row ${w.id} at version ${w.version} has ${field}=${JSON.stringify(row[field])}, the command returned ${JSON.stringify(value)}`,
          );
        }
      }
    }
  }
  for (const [key, e] of events) {
    if (!claimed.has(key)) v.push(`audit event ${e.id} (${key}) matches no successful command`);
  }

  // The organization is written only by transferOwnership during the race:
  // one version per success, and the owner is the last transfer's.
  const transfers = records.filter(
    (r) => r.ok && r.kind === 'transferOwnership' && r.written !== undefined,
  );
  const org = state.organization;
  if (org !== undefined) {
    if (org.version !== 1 + transfers.length)
      v.push(`the organization is at version ${org.version} after ${transfers.length} transfers`);
    const last = transfers.reduce<CommandRecord | undefined>(
      (best, r) => ((r.written?.version ?? 0) > (best?.written?.version ?? 0) ? r : best),
      undefined,
    );
    const expected =
      last === undefined ? fixture.ownerId : (last.input as { toAccountId: string }).toAccountId;
    if (org.ownerId !== expected)
      v.push(`the owner is ${org.ownerId}, the last successful transfer named ${expected}`);
  }

  // Single use, from the callers' side: one successful acceptance per account.
  const accepted = new Map<string, number>();
  for (const r of records) {
    if (r.ok && r.kind === 'acceptInvitation' && r.written !== undefined)
      accepted.set(r.written.id, (accepted.get(r.written.id) ?? 0) + 1);
  }
  for (const [id, n] of accepted)
    if (n > 1) v.push(`rule 13: ${n} callers were told they accepted the invitation of ${id}`);
  return { violations: v, noOps };
}

/** Commands per kind, successes and failures by code, retries. */
export function summarize(records: readonly CommandRecord[]): string {
  const kinds = new Map<string, { n: number; ok: number; codes: Map<string, number> }>();
  const codes = new Map<string, number>();
  let retries = 0;
  let maxAttempts = 0;
  for (const r of records) {
    const k = kinds.get(r.kind) ?? { n: 0, ok: 0, codes: new Map() };
    k.n += 1;
    if (r.ok) k.ok += 1;
    else {
      const code = r.code ?? 'UNEXPECTED';
      k.codes.set(code, (k.codes.get(code) ?? 0) + 1);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    kinds.set(r.kind, k);
    retries += Math.max(0, r.attempts - 1);
    maxAttempts = Math.max(maxAttempts, r.attempts);
  }
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
  const ok = records.filter((r) => r.ok).length;
  const lines = [
    `commands ${records.length} (${records.filter((r) => r.duel).length} in duels), succeeded ${ok}, failed ${records.length - ok}: ${fmt(codes)}`,
    `transaction retries ${retries} (most attempts for one command: ${maxAttempts})`,
    ...[...kinds]
      .sort()
      .map(
        ([kind, k]) =>
          `  ${kind.padEnd(18)} ${String(k.n).padStart(4)} ok ${String(k.ok).padStart(4)}  ${fmt(k.codes)}`,
      ),
  ];
  return lines.join('\n');
}
