import { memoryStore } from '@rosterkit/adapter-memory';
import { createRoster, RosterError } from '@rosterkit/core';
import { createPolicy, presets, type RoleSet } from '@rosterkit/policies';
import { expect, it } from 'vitest';

async function orgWith(roleSet: RoleSet) {
  const roster = createRoster({
    store: memoryStore(),
    policy: createPolicy(roleSet),
  });
  const { organization, owner } = await roster.createOrganization({
    name: 'Acme',
    owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' },
  });
  return roster.as({ accountId: owner.id, orgId: organization.id });
}

it('grants a shared owner role like any other (several Administrators, reference 001)', async () => {
  const owner = await orgWith(presets.contactCenter);
  const { invitation } = await owner.invite({ email: 'second@acme.io', role: 'administrator' });
  expect(invitation.role).toBe('administrator');
});

it('never grants an owner role that is not shared: it moves only with ownership (reference 000)', async () => {
  const owner = await orgWith(presets.teamWorkspace);
  const refused = await owner
    .invite({ email: 'second@acme.io', role: 'owner' })
    .catch((error: unknown) => error);
  expect(RosterError.isInstance(refused, 'OWNER_PROTECTED')).toBe(true);
});
