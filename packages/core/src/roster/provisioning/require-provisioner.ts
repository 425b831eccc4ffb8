import { RosterError } from '../../errors/roster-error.js';
import { isProvisionerActor, type ProvisionerPolicyActor } from '../../ports/policy.js';
import type { ActorContext } from '../command-context.js';

/**
 * The acting provisioning connection: the SCIM User commands are an identity
 * provider's, so an account actor is refused (`FORBIDDEN`), whatever its
 * role, before anything is read.
 * @internal
 */
export function requireProvisioner(ctx: ActorContext, action: string): ProvisionerPolicyActor {
  const actor = ctx.actor;
  if (isProvisionerActor(actor)) return actor;
  const reason = 'Only a provisioning connection (an identity provider) provisions users.';
  throw new RosterError('FORBIDDEN', reason, { action, subject: 'ProvisioningLink', reason });
}
