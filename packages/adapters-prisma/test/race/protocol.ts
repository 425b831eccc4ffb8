import type { RosterkitProvider } from '../../src/index.js';

// What the parent (race.test.ts) and the worker processes (worker.ts) say to
// each other over the IPC channel of `child_process.fork`.

/**
 * The seats of the race's plan (`free`, createOrganization's default): the
 * seed fills all 49 (23 active members, 26 pending invitations) and the 26
 * pending slots, so invitations, reactivations and re-adds compete for the
 * seats that deactivations, removals and revocations free, and some are
 * always refused (DESIGN §8: the cap holds under races).
 */
export const raceSeatLimits = { free: { members: 49, pendingInvitations: 26 } } as const;

/** One pending invitation whose token the parent hands to every worker. */
export interface SeededInvitation {
  readonly id: string;
  readonly accountId: string;
  readonly email: string;
  readonly token: string;
}

/** The organization the parent seeded, by ids. */
export interface Fixture {
  readonly orgId: string;
  readonly defaultSpaceId: string;
  /** The owner when the race starts (ownership moves during it). */
  readonly ownerId: string;
  /**
   * Admins: never removed from the team, and the only targets of report
   * reassignments. Core's reassignment (moveReports) checks only that the new
   * manager is active, not that they are a member of the space (a core bug
   * reported with this test): handing reports to a former member would break
   * rule 7 without any race.
   */
  readonly admins: readonly string[];
  /** Team leaders, each with direct reports among `users`. */
  readonly leaders: readonly string[];
  readonly users: readonly string[];
  readonly groupIds: readonly string[];
  /** Pending invitations any worker may accept, resend or revoke at random. */
  readonly invitations: readonly SeededInvitation[];
  /** Pending invitations reserved for the accept duels (every lane accepts the same token at once). */
  readonly duelInvitations: readonly SeededInvitation[];
  /** Fresh emails the workers invite (several workers invite the same one). */
  readonly inviteEmails: readonly string[];
  /** Emails that already have an account. */
  readonly existingEmails: readonly string[];
}

/** What a worker is told to do (the `RACE_CONFIG` environment variable, JSON). */
export interface WorkerConfig {
  readonly provider: RosterkitProvider;
  /** The database the parent created. */
  readonly database: string;
  /** Connections of this worker's pool. */
  readonly poolSize: number;
  /** The run's seed; the worker's PRNGs derive from it and its index. */
  readonly seed: number;
  readonly worker: number;
  readonly workers: number;
  /** Commands in flight at once in this worker, each in its own loop. */
  readonly lanes: number;
  readonly commandsPerLane: number;
  /** Every `syncEvery` commands, all lanes of all workers meet and run a duel together. */
  readonly syncEvery: number;
  readonly fixture: Fixture;
}

/** Where a successful command wrote: the row its audit event names, at the version it wrote. */
export interface Written {
  readonly type: 'Account' | 'Membership' | 'Invitation' | 'Organization';
  readonly id: string;
  readonly version: number;
  /** The fields the final-state check compares, as the command returned them. */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** One command a worker ran, and how it ended. */
export interface CommandRecord {
  readonly worker: number;
  readonly lane: number;
  readonly seq: number;
  readonly kind: string;
  /** Run inside a duel round (every lane started it at the same barrier). */
  readonly duel: boolean;
  readonly actorId: string | null;
  readonly input: unknown;
  readonly ok: boolean;
  readonly written?: Written;
  /** Other ids the command created or changed (the invited account, the accepted membership). */
  readonly changed?: readonly string[];
  /** A RosterError's code. */
  readonly code?: string;
  readonly details?: unknown;
  /** Set when the error was not a RosterError: always a failure. */
  readonly unexpected?: string;
  /** Store transactions started for this command (1 + retries). */
  readonly attempts: number;
  readonly ms: number;
}

export type WorkerMessage =
  | { readonly type: 'ready'; readonly worker: number }
  | { readonly type: 'sync'; readonly worker: number; readonly round: number }
  | { readonly type: 'done'; readonly worker: number; readonly records: readonly CommandRecord[] }
  | { readonly type: 'crash'; readonly worker: number; readonly error: string };

export type ParentMessage =
  | { readonly type: 'go' }
  | { readonly type: 'release'; readonly round: number };
