import { RosterError } from '../../errors/roster-error.js';
import type { ActorContext } from '../command-context.js';
import { enqueue } from '../outbox.js';
import { requireProvisioner } from './require-provisioner.js';

/** What the identity provider tried to do to the owner. @internal */
export type OwnerProtectedAttempt = 'deactivate' | 'deprovision';

/**
 * An identity provider deactivated or deleted the organization's owner,
 * which rule 1 refuses: nothing changed, and the provider will keep
 * showing the owner as deprovisioned until someone acts. The refusal is its
 * own transaction (a refused command writes nothing), holding only the
 * `provisioning.owner-protected` message that tells the admins to transfer
 * ownership or fix the assignment in the identity provider.
 * @internal
 */
export async function recordOwnerProtected(ctx: ActorContext, raw: unknown): Promise<void> {
  const { attempted, accountId } = raw as { attempted: OwnerProtectedAttempt; accountId: string };
  const { connection, organization } = requireProvisioner(ctx, 'alertOwnerProtected');
  await enqueue(ctx, organization.id, 'provisioning.owner-protected', {
    accountId,
    connectionId: connection.id,
    attempted,
  });
}

/**
 * `command`, and when it is refused with `OWNER_PROTECTED`, the alert
 * written by `alert` (run as `recordOwnerProtected` in a transaction of its
 * own) before the refusal is thrown on. An alert that cannot be written
 * never hides the refusal: its error is dropped.
 * @internal
 */
export function alertingOwnerProtection<T>(
  command: (input: unknown) => Promise<T>,
  alert: (input: unknown) => Promise<void>,
  attempted: OwnerProtectedAttempt,
): (input: unknown) => Promise<T> {
  return async (input) => {
    try {
      return await command(input);
    } catch (error) {
      if (RosterError.isInstance(error, 'OWNER_PROTECTED')) {
        await alert({ attempted, accountId: error.details.accountId }).catch(() => undefined);
      }
      throw error;
    }
  };
}
