import { z } from 'zod';
import { defineModel, type Model } from './define-model.js';
import { Id } from './primitives.js';
import type { Assert, Equals } from './type-equals.js';

const accountSchema = z.object({
  kind: z.literal('account').optional(),
  accountId: Id.schema,
  orgId: Id.schema,
});

const provisionerSchema = z.object({
  kind: z.literal('provisioner'),
  orgId: Id.schema,
  connectionId: Id.schema,
});

/**
 * An account acting in its organization: a person signed in to the host.
 * `kind` may be left out (every actor before provisioners was one).
 *
 * @example
 * ```ts
 * import { AccountActor } from '@rosterkit/core';
 *
 * const actor = AccountActor.parse({ accountId: 'acc_1', orgId: 'org_1' });
 * ```
 */
export const AccountActor: Model<AccountActor> = defineModel('AccountActor', accountSchema);
/** An account acting in its organization. See {@link AccountActor}. */
export interface AccountActor {
  /** Absent or `'account'`. */
  kind?: 'account' | undefined;
  /** The calling account. */
  accountId: string;
  /** The account's organization. */
  orgId: string;
}

/**
 * An identity provider acting through one of the organization's SCIM
 * connections (DESIGN §8, Actors): not an account. It is authenticated by
 * the connection's bearer token, acts only in the connection's
 * organization, and its audit events name the connection.
 *
 * @example
 * ```ts
 * import { ProvisionerActor } from '@rosterkit/core';
 *
 * const actor = ProvisionerActor.parse({ kind: 'provisioner', orgId: 'org_1', connectionId: 'con_1' });
 * ```
 */
export const ProvisionerActor: Model<ProvisionerActor> = defineModel(
  'ProvisionerActor',
  provisionerSchema,
);
/** An identity provider's SCIM connection acting. See {@link ProvisionerActor}. */
export interface ProvisionerActor {
  kind: 'provisioner';
  /** The connection's organization. */
  orgId: string;
  /** The provisioning connection. */
  connectionId: string;
}

// By `kind` (absent for an account), so an error names the missing field.
const schema = z.discriminatedUnion('kind', [provisionerSchema, accountSchema]);

/**
 * Who is calling: an account of an organization, or an identity provider's
 * provisioning connection ({@link ProvisionerActor}). Every command runs as
 * an actor, and the Policy decides what that actor may do.
 *
 * @example
 * ```ts
 * import { Actor, isProvisioner } from '@rosterkit/core';
 *
 * const actor = Actor.parse({ accountId: 'acc_1', orgId: 'org_1' });
 * isProvisioner(actor); // false
 * ```
 */
export const Actor: Model<Actor> = defineModel('Actor', schema);
/** Who is calling. See {@link Actor}. */
export type Actor = AccountActor | ProvisionerActor;

/**
 * Whether `actor` is a provisioning connection rather than an account.
 *
 * @example
 * ```ts
 * import { isProvisioner } from '@rosterkit/core';
 *
 * isProvisioner({ kind: 'provisioner', orgId: 'org_1', connectionId: 'con_1' }); // true
 * ```
 */
export function isProvisioner(actor: Actor): actor is ProvisionerActor {
  return actor.kind === 'provisioner';
}

type _AccountActorMatchesSchema = Assert<Equals<z.output<typeof accountSchema>, AccountActor>>;
type _ProvisionerActorMatchesSchema = Assert<
  Equals<z.output<typeof provisionerSchema>, ProvisionerActor>
>;
