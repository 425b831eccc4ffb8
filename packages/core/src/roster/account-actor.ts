import { RosterError } from '../errors/roster-error.js';
import type { AccountPolicyActor } from '../ports/policy.js';
import { isProvisionerActor } from '../ports/policy.js';
import type { ActorContext } from './command-context.js';

/**
 * The actor of a command only an account can run (its own password reset,
 * deleting its own account, recording its own activity): a provisioning
 * connection has no account of its own, so it is refused with `FORBIDDEN`.
 * @internal
 */
export function requireAccountActor(ctx: ActorContext, action: string): AccountPolicyActor {
  const { actor } = ctx;
  if (!isProvisionerActor(actor)) return actor;
  throw new RosterError(
    'FORBIDDEN',
    `A provisioning connection has no account of its own: ${action} is for an account acting.`,
    { action, subject: 'Account', reason: 'provisioner' },
  );
}
