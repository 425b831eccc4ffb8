import type { Clock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';
import type { ResolvedInvitationKeys } from '../invitation-keys.js';
import type { Roster } from '../roster.js';

/** What the outbox worker needs of a roster, kept beside it rather than on its public face. @internal */
export interface RosterDelivery {
  readonly store: Store;
  readonly clock: Clock;
  readonly invitationKeys: ResolvedInvitationKeys | undefined;
}

// A symbol-keyed, non-enumerable property rather than a WeakMap: it reaches
// through a Proxy a host wraps the roster in (logging, tracing).
const key = Symbol.for('rosterkit.delivery');

/** Called by createRoster. @internal */
export function registerDelivery(roster: Roster, delivery: RosterDelivery): Roster {
  Object.defineProperty(roster, key, { value: delivery, enumerable: false });
  return roster;
}

/** The delivery side of a roster made by createRoster. @internal */
export function deliveryOf(roster: Roster): RosterDelivery {
  const delivery =
    typeof roster === 'object' && roster !== null
      ? ((roster as unknown as Record<symbol, RosterDelivery | undefined>)[key] ?? undefined)
      : undefined;
  if (delivery === undefined) {
    throw new TypeError('startOutboxWorker: pass a roster made by createRoster');
  }
  return delivery;
}
