import type { ProvisionerActor } from '../model/actor.js';
import type { Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import {
  connectionView,
  type ProvisioningConnectionView,
} from './commands/provisioning-connections.js';
import { hashProvisioningToken, isProvisioningToken } from './provisioning-token.js';

/** What {@link Roster.authenticateProvisioner} returns for a token of an active connection. */
export interface AuthenticatedProvisioner {
  /** The actor to pass to `roster.as`. */
  readonly actor: ProvisionerActor;
  /** The connection (without its token hash), with `lastUsedAt` as just recorded. */
  readonly connection: ProvisioningConnectionView;
}

/**
 * `lastUsedAt` is written at most this often per connection: an identity
 * provider's sync makes hundreds of calls a minute, each would be a write.
 */
const touchThrottleMs = 60_000;

/** @internal */
export async function authenticateProvisioner(
  store: Store,
  clock: Clock,
  token: unknown,
): Promise<AuthenticatedProvisioner | null> {
  // Not a token's shape: nothing to look up (and nothing long to hash).
  if (!isProvisioningToken(token)) return null;
  const tokenHash = await hashProvisioningToken(token);
  return store.transaction(async (tx) => {
    const connection = await tx.provisioning.findConnectionByTokenHash(tokenHash);
    if (connection === undefined || connection.status !== 'active') return null;
    const now = clock.now();
    const last = connection.lastUsedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    const seen =
      now.getTime() - last < touchThrottleMs ? connection : { ...connection, lastUsedAt: now };
    if (seen !== connection)
      await tx.provisioning.touchConnection(connection.orgId, connection.id, now);
    return {
      actor: { kind: 'provisioner', orgId: connection.orgId, connectionId: connection.id },
      connection: connectionView(seen),
    };
  });
}
