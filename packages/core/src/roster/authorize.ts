import { RosterError } from '../errors/roster-error.js';
import type { PolicyActor, PolicySubject, RosterAction } from '../ports/policy.js';
import type { ActorContext, CommandContext } from './command-context.js';

/**
 * Asks the policy; throws `RANK_EXCEEDED` with the ranks when rank decided,
 * else `FORBIDDEN` with the deciding rule's reason.
 * @internal
 */
export async function authorize(
  ctx: ActorContext,
  action: RosterAction,
  subject: PolicySubject,
  field?: string,
): Promise<void> {
  await authorizeAs(ctx, ctx.actor, action, subject, field);
}

/** {@link authorize} for another actor than the command's (the invitee accepting). @internal */
export async function authorizeAs(
  ctx: CommandContext,
  actor: PolicyActor,
  action: RosterAction,
  subject: PolicySubject,
  field?: string,
): Promise<void> {
  const decision = await ctx.deps.policy.check({
    actor,
    action,
    subject,
    ...(field === undefined ? {} : { field }),
  });
  if (!decision.allowed) {
    if (decision.rank !== undefined) {
      throw new RosterError('RANK_EXCEEDED', decision.reason, {
        actorRank: decision.rank.actorRank,
        targetRank: decision.rank.targetRank,
        target: decision.rank.target,
      });
    }
    throw new RosterError('FORBIDDEN', decision.reason, {
      action,
      subject: subject.type,
      reason: decision.reason,
      ...(field === undefined ? {} : { field }),
    });
  }
}
