import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Policy, PolicyActor } from '../ports/policy.js';
import type { RoleCatalog } from '../ports/role-catalog.js';
import type { StoreTransaction } from '../ports/store.js';
import type { ResolvedInvitationKeys } from './invitation-keys.js';
import type { PrefetchedAccount } from './prefetched-account.js';
import type { ResolvedProfileLimits } from './profile-limits.js';
import type { ResourceHandler } from './roster-options.js';
import type { SeatLimitsByPlan } from './seat-limits.js';

/** Everything a command needs besides its input; built once by createRoster. @internal */
export interface RosterDeps {
  readonly policy: Policy;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly requiredProfileFields: readonly string[];
  readonly profileLimits: ResolvedProfileLimits;
  readonly invitationTtlMs: number;
  /** The host keys invitation links are derived with; absent: random tokens, known only to the caller. */
  readonly invitationKeys?: ResolvedInvitationKeys;
  readonly resourceHandlers: readonly ResourceHandler[];
  readonly roles: RoleCatalog;
  readonly presence: { readonly onlineWithinMs: number; readonly awayWithinMs: number };
  readonly seatLimits: SeatLimitsByPlan;
}

/** One command's view of the world: the roster's dependencies, its transaction, its actor, its time. @internal */
export interface CommandContext {
  readonly deps: RosterDeps;
  readonly tx: StoreTransaction;
  /** null for commands without an actor (createOrganization, acceptInvitation). */
  readonly actor: PolicyActor | null;
  readonly now: Date;
  /** A bulk dry run: everything is planned and rolled back; the host's resource handlers are not called. */
  readonly dryRun?: boolean;
  /** The account the input names, read with the actor (prefetched-account.ts). */
  readonly prefetched?: PrefetchedAccount;
}

/** The context of a command that an actor runs: every command but the two that have none. @internal */
export interface ActorContext extends CommandContext {
  readonly actor: PolicyActor;
}

/** The actor of a context that may have none (an effect, which also runs in acceptInvitation). @internal */
export function requireActor(ctx: CommandContext): PolicyActor {
  if (ctx.actor === null) throw new TypeError('This command needs an actor');
  return ctx.actor;
}
