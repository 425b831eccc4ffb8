// The preamble of `<!-- snippet fragment=team -->` blocks: a contact centre on
// the memory store, as the blocks find it. Ana owns it (administrator), Bo is
// an agent she invited, and `admin` acts as Ana.
import { memoryStore } from '@rosterkit/adapter-memory';
import { type AccountWithMemberships, createRoster, type PolicyActor } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';

/** The roster's role set (administrator / manager / agent). */
export const roles = presets.contactCenter;
/** The policy built from `roles`. */
export const policy = createPolicy(roles);
/** Profile fields an account needs before it is deactivated or reactivated. */
export const requiredProfileFields = ['profile.phone'];
export const roster = createRoster({ store: memoryStore(), policy, requiredProfileFields });

const created = await roster.createOrganization({
  name: 'Acme Support',
  owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' },
});
export const { organization, owner } = created;
export const orgId = organization.id;
/** The signed-in admin's API: every call is authorized for Ana. */
export const admin = roster.as({ accountId: owner.id, orgId });

const { token } = await admin.invite({ email: 'bo@acme.io', role: 'agent' });
const { account: bo } = await roster.acceptInvitation({ token, firstName: 'Bo', lastName: 'Li' });

/** Ana as the policy sees her: her account, organization and memberships. */
export const actor: PolicyActor = {
  account: owner,
  organization,
  memberships: (await admin.getAccount({ accountId: owner.id })).memberships,
};
/** All Users, as the admin lists them. */
export const accounts: readonly AccountWithMemberships[] = (await admin.listAccounts()).items;

// The account acted on, as a policy subject's attributes: Bo.
export const { id } = bo;
export const { memberships } = await admin.getAccount({ accountId: bo.id });
