/**
 * The registry of every {@link RosterError} code: a stable, UPPER_SNAKE name a
 * program can branch on, what it means, and the shape of its `details`.
 *
 * Codes are part of the public API: a code is never renamed or reused for
 * another meaning. New codes may be added in minor releases.
 *
 * Also exported by the light `@rosterkit/core/errors` entry, with
 * {@link RosterError} and without zod.
 *
 * @example
 * ```ts
 * import { errorCodes } from '@rosterkit/core/errors';
 * console.log(errorCodes.OWNER_PROTECTED.description);
 * ```
 */
export const errorCodes = {
  INVALID_INPUT: {
    description:
      'The input does not match the expected shape; `details.issues` lists each field path at fault.',
  },
  INVALID_TRANSITION: {
    description: 'The lifecycle machine has no transition for this event from the current state.',
  },
  FORBIDDEN: {
    description:
      'The policy does not allow this actor to perform this action on this subject (a missing permission, scope, a restriction, the plan); `details.reason` says why. Also an invitation whose sender can no longer grant its access.',
  },
  NOT_FOUND: {
    description: 'The subject does not exist, or not in the actor’s organization.',
  },
  CONFLICT: {
    description:
      'Someone else changed the record first (stale version) or a uniqueness constraint was hit; reload and retry.',
  },
  OWNER_PROTECTED: {
    description:
      'The organization owner cannot be deactivated, removed, demoted, restricted, given a manager or deleted while the organization exists; only the owner manages their memberships outside the default space; the owner role moves only by transferring ownership (`details.action` is `grantOwnerRole`).',
  },
  SELF_ACTION: {
    description:
      'Nobody edits their own access: role, restrictions, spaces, groups, manager, deactivation or removal of oneself.',
  },
  RANK_EXCEEDED: {
    description:
      'The actor cannot grant a role ranked above their own, nor act on an account whose highest role in the organization ranks above theirs; `details` has both ranks.',
  },
  HAS_DIRECT_REPORTS: {
    description:
      'The manager still has direct reports; reassign them (all to one person or each to its own) first or in the same command.',
  },
  PROFILE_INCOMPLETE: {
    description: 'Required profile fields are missing; `details.missingFields` lists them.',
  },
  EMAIL_IMMUTABLE: {
    description: 'An account’s email never changes; invite the new address instead.',
  },
  ACCOUNT_EXISTS: {
    description:
      'An account with this email already exists in the organization: `invite` never makes a second one, nor re-adds it. `details.state` says what to offer instead: `former-member` (active, not a current member of the space: `addToTeam`), `member` (already in the space), `pending` (already invited: `resendInvitation` with `details.invitationId`) or `deactivated` (`reactivate`, then `addToTeam`).',
  },
  INVITATION_EXPIRED: {
    description: 'The invitation has expired; ask for it to be resent.',
  },
  DEFAULT_SPACE_PROTECTED: {
    description:
      'The organization’s default space (“the team”, where the owner is a member) cannot be deleted.',
  },
  BULK_DEACTIVATION_REFUSED: {
    description:
      'A bulk update does not deactivate an account whose role can manage the team; deactivate it on its own, after reassigning its reports.',
  },
  ROLE_EXISTS: {
    description:
      'A role with this name exists already in the organization: one of the policy’s code-defined roles (`details.source` `preset`) or one the organization stored (`stored`, with `details.roleId`).',
  },
  ROLE_IN_USE: {
    description:
      'The stored role is still held: `details.members` lists the current memberships with it (account and space), `details.invitations` the pending invitations offering it. Change their roles or revoke the invitations first.',
  },
  ACTOR_UNKNOWN: {
    description:
      'The acting account (or provisioning connection) does not exist in that organization (never did, was deleted, or the organization is gone): the caller is nobody rosterkit knows (HTTP 401).',
  },
  ACTOR_INACTIVE: {
    description:
      'The acting account exists but may not act: it is pending, deactivated, or a member of no space (removed from every team); or the acting provisioning connection was revoked; `details.reason` says which (HTTP 403).',
  },
  SEAT_LIMIT: {
    description:
      'The organization’s plan caps its seats and the command would take one past the cap; `details` has the plan, which cap (`members` or `pendingInvitations`), the cap, the seats in use and how many the command adds.',
  },
} as const satisfies Record<string, { description: string }>;

/** Every stable error code rosterkit can raise. See {@link errorCodes}. */
export type RosterErrorCode = keyof typeof errorCodes;

/** One field at fault in an `INVALID_INPUT` error. */
export interface InputIssue {
  /** Path to the field, e.g. `['owner', 'email']`; empty for the input as a whole. */
  readonly path: readonly (string | number)[];
  /** What is wrong with it, for a person. */
  readonly message: string;
}

/**
 * The structured `details` that each {@link RosterErrorCode} carries.
 * Programs read these fields instead of parsing messages.
 */
export interface RosterErrorDetailsMap {
  INVALID_INPUT: { readonly issues: readonly InputIssue[] };
  INVALID_TRANSITION: { readonly machine: string; readonly from: string; readonly event: string };
  FORBIDDEN: {
    readonly action: string;
    readonly subject: string;
    readonly reason: string;
    readonly field?: string;
  };
  NOT_FOUND: { readonly subject: string; readonly id: string };
  CONFLICT: {
    readonly subject: string;
    readonly id?: string;
    /**
     * - `stale-version`: the row changed since it was read;
     * - `unique`: an id or unique key (email, token hash) is taken;
     * - `retry-exhausted`: the store ran the transaction again as often as it may;
     * - `timeout`: the transaction did not finish in the store's time limit (nothing of it was written);
     * - `locked`: the storage is held by another writer (a memory store's snapshot file open in another store).
     */
    readonly reason: 'stale-version' | 'unique' | 'retry-exhausted' | 'timeout' | 'locked';
    /** With `unique`: the key that is taken (`'email'`, `'tokenHash'`, `'userName'`…), when the store knows it. */
    readonly field?: string;
  };
  OWNER_PROTECTED: { readonly accountId: string; readonly action: string };
  SELF_ACTION: { readonly accountId: string; readonly action: string };
  RANK_EXCEEDED: {
    readonly actorRank: number;
    readonly targetRank: number;
    readonly target: 'role' | 'account';
  };
  HAS_DIRECT_REPORTS: { readonly managerId: string; readonly reportIds: readonly string[] };
  PROFILE_INCOMPLETE: { readonly accountId: string; readonly missingFields: readonly string[] };
  EMAIL_IMMUTABLE: { readonly accountId: string };
  ACCOUNT_EXISTS: {
    readonly email: string;
    readonly accountId: string;
    /** The account's status. */
    readonly status: string;
    /** Where the account stands for the space it was invited into: what a UI offers instead. */
    readonly state: 'former-member' | 'member' | 'pending' | 'deactivated';
    /** The space it was invited into. */
    readonly spaceId: string;
    /** The pending invitation to resend, when `state` is `pending`. */
    readonly invitationId?: string;
  };
  INVITATION_EXPIRED: { readonly invitationId: string; readonly expiredAt: string };
  BULK_DEACTIVATION_REFUSED: { readonly accountId: string; readonly role: string };
  DEFAULT_SPACE_PROTECTED: { readonly spaceId: string };
  ROLE_EXISTS: {
    readonly role: string;
    readonly source: 'preset' | 'stored';
    readonly roleId?: string;
  };
  ROLE_IN_USE: {
    readonly role: string;
    readonly roleId: string;
    readonly members: readonly { readonly accountId: string; readonly spaceId: string }[];
    readonly invitations: readonly string[];
  };
  ACTOR_UNKNOWN:
    | { readonly orgId: string; readonly accountId: string }
    | { readonly orgId: string; readonly connectionId: string };
  ACTOR_INACTIVE:
    | {
        readonly orgId: string;
        readonly accountId: string;
        readonly status: string;
        /** `pending`, `deactivated`, or `no-membership` (an active account that is a member of no space). */
        readonly reason: 'pending' | 'deactivated' | 'no-membership';
      }
    | {
        readonly orgId: string;
        readonly connectionId: string;
        readonly status: 'revoked';
        /** The provisioning connection was revoked: its token no longer acts. */
        readonly reason: 'revoked';
      };
  SEAT_LIMIT: {
    readonly plan: string;
    /**
     * - `members`: active accounts that are a current member of at least one
     *   space, plus pending invitations (each holds its invitee's seat);
     *   at acceptance, the active members alone;
     * - `pendingInvitations`: invitations not yet accepted or revoked (expired ones too, until revoked).
     */
    readonly seat: 'members' | 'pendingInvitations';
    /** The plan's cap. */
    readonly limit: number;
    /** Seats counted against the cap before the command. */
    readonly inUse: number;
    /** Seats the command would add (1, or a bulk batch's rows). */
    readonly requested: number;
  };
}
