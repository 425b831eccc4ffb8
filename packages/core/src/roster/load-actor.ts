import { RosterError } from '../errors/roster-error.js';
import type { Actor } from '../model/actor.js';
import type { PolicyActor } from '../ports/policy.js';
import type { RoleCatalog } from '../ports/role-catalog.js';
import type { StoreTransaction } from '../ports/store.js';
import { notFound } from './not-found.js';
import { loadOrganizationRoles } from './stored-roles.js';

/**
 * Loads the acting account with its organization and memberships, and the
 * organization's stored roles when `catalog` takes them; only active
 * accounts act.
 * @internal
 */
export async function loadActor(
  tx: StoreTransaction,
  actor: Actor,
  catalog?: RoleCatalog,
): Promise<PolicyActor> {
  const [organization, account] = await Promise.all([
    tx.organizations.get(actor.orgId),
    tx.accounts.get(actor.orgId, actor.accountId),
  ]);
  if (organization === undefined) throw notFound('Organization', actor.orgId);
  if (account === undefined) throw notFound('Account', actor.accountId);
  if (account.status !== 'active') {
    throw new RosterError(
      'FORBIDDEN',
      `Your account is ${account.status}; only active accounts can act.`,
      {
        action: 'any',
        subject: 'Account',
        reason: `The acting account is ${account.status}.`,
      },
    );
  }
  const [memberships, organizationRoles] = await Promise.all([
    tx.memberships.listByAccounts(actor.orgId, [actor.accountId]),
    catalog === undefined ? undefined : loadOrganizationRoles(tx, catalog, actor.orgId),
  ]);
  return organizationRoles === undefined
    ? { account, organization, memberships }
    : { account, organization, memberships, organizationRoles };
}
