import { loadActorRows } from '../adapter/load-actor-rows.js';
import { RosterError } from '../errors/roster-error.js';
import type { Account } from '../model/account.js';
import { type Actor, isProvisioner, type ProvisionerActor } from '../model/actor.js';
import type { Membership } from '../model/membership.js';
import type { PolicyActor, ProvisionerPolicyActor } from '../ports/policy.js';
import type { RoleCatalog } from '../ports/role-catalog.js';
import type { StoreTransaction } from '../ports/store.js';
import { type PrefetchedAccount, prefetchedAccount } from './prefetched-account.js';
import { loadOrganizationRoles, organizationRolesOf } from './stored-roles.js';

/**
 * Why an account that exists may not act, or `undefined` when it may: only
 * an active account that is a current member of some space acts (a person
 * removed from every team keeps their account on All Users, not their access).
 * @internal
 */
export function inactiveReason(
  account: Account,
  memberships: readonly Membership[],
): 'pending' | 'deactivated' | 'no-membership' | undefined {
  if (account.status === 'pending' || account.status === 'deactivated') return account.status;
  if (!memberships.some((membership) => membership.state === 'member')) return 'no-membership';
  return undefined;
}

const because = {
  pending: 'has not accepted its invitation yet',
  deactivated: 'is deactivated',
  'no-membership': 'is a member of no space',
} as const;

/**
 * Loads the acting account with its organization and memberships, and the
 * organization's stored roles when `catalog` takes them. An actor
 * rosterkit does not know (no such organization, no such account in it, a
 * deleted one) is `ACTOR_UNKNOWN`; one that exists but may not act is
 * `ACTOR_INACTIVE` (an HTTP layer answers 401 and 403).
 * @internal
 */
export async function loadActor(
  tx: StoreTransaction,
  actor: Actor,
  catalog?: RoleCatalog,
): Promise<PolicyActor> {
  return (await loadActorAndTarget(tx, actor, catalog, undefined)).loaded;
}

/**
 * {@link loadActor}, and the account `targetId` with its memberships in the
 * same round trip (where the store has `accounts.loadActor`).
 * @internal
 */
export async function loadActorAndTarget(
  tx: StoreTransaction,
  actor: Actor,
  catalog: RoleCatalog | undefined,
  targetId: string | undefined,
): Promise<{ loaded: PolicyActor; prefetched?: PrefetchedAccount }> {
  if (isProvisioner(actor)) return { loaded: await loadProvisioner(tx, actor, catalog) };
  // One round trip where the store has `accounts.loadActor`: every command pays it.
  const target = targetId === undefined || targetId === actor.accountId ? undefined : targetId;
  const rows = await loadActorRows(tx, actor.orgId, actor.accountId, {
    roles: catalog?.storedRoles !== undefined,
    ...(target === undefined ? {} : { target }),
  });
  const { organization, account, memberships } = rows;
  if (organization === undefined || account === undefined || account.status === 'deleted') {
    throw new RosterError(
      'ACTOR_UNKNOWN',
      'The acting account does not exist in this organization.',
      { orgId: actor.orgId, accountId: actor.accountId },
    );
  }
  const organizationRoles = rows.roles === undefined ? undefined : organizationRolesOf(rows.roles);
  const reason = inactiveReason(account, memberships);
  if (reason !== undefined) {
    throw new RosterError(
      'ACTOR_INACTIVE',
      `Your account ${because[reason]}; only active members can act.`,
      { orgId: actor.orgId, accountId: account.id, status: account.status, reason },
    );
  }
  const loaded: PolicyActor =
    organizationRoles === undefined
      ? { account, organization, memberships }
      : { account, organization, memberships, organizationRoles };
  return target === undefined || rows.target === undefined
    ? { loaded }
    : { loaded, prefetched: prefetchedAccount(target, rows.target) };
}

/**
 * Loads an acting provisioning connection with its organization (and the
 * stored roles, as for an account): one rosterkit does not know is
 * `ACTOR_UNKNOWN`, a revoked one `ACTOR_INACTIVE`.
 */
async function loadProvisioner(
  tx: StoreTransaction,
  actor: ProvisionerActor,
  catalog?: RoleCatalog,
): Promise<ProvisionerPolicyActor> {
  const [organization, connection, organizationRoles] = await Promise.all([
    tx.organizations.get(actor.orgId),
    tx.provisioning.getConnection(actor.orgId, actor.connectionId),
    catalog === undefined ? undefined : loadOrganizationRoles(tx, catalog, actor.orgId),
  ]);
  if (organization === undefined || connection === undefined) {
    throw new RosterError(
      'ACTOR_UNKNOWN',
      'The acting provisioning connection does not exist in this organization.',
      { orgId: actor.orgId, connectionId: actor.connectionId },
    );
  }
  if (connection.status === 'revoked') {
    throw new RosterError(
      'ACTOR_INACTIVE',
      'This provisioning connection was revoked; its token no longer acts.',
      { orgId: actor.orgId, connectionId: connection.id, status: 'revoked', reason: 'revoked' },
    );
  }
  const loaded = { kind: 'provisioner', connection, organization, memberships: [] } as const;
  return organizationRoles === undefined ? loaded : { ...loaded, organizationRoles };
}
