import { createRoster, type Roster } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import { prismaStore } from '../../src/index.js';
import type { TestClient } from '../support/databases.js';
import { type Fixture, raceSeatLimits, type SeededInvitation } from './protocol.js';

// The organization the workers race on, seeded through the roster itself
// (managed-teams roles: account-owner / admin / team-leader / user).

const counts = { admins: 4, leaders: 4, users: 14, invitations: 20, duelInvitations: 6 };

/** Seeds one organization on `client`'s database and returns its ids and tokens. */
export async function seedOrganization(client: TestClient): Promise<Fixture> {
  const roleSet = presets.managedTeams;
  const roster: Roster = createRoster({
    store: prismaStore(client),
    policy: createPolicy(roleSet),
    seatLimits: raceSeatLimits,
  });
  const { organization, owner } = await roster.createOrganization({
    name: 'Race',
    owner: { email: 'owner@race.io', firstName: 'Olga', lastName: 'Owner' },
  });
  const admin = roster.as({ accountId: owner.id, orgId: organization.id });
  const join = async (email: string, role: string): Promise<string> => {
    const { token } = await admin.invite({ email, role });
    const { account } = await roster.acceptInvitation({
      token,
      firstName: 'Seed',
      lastName: email,
    });
    return account.id;
  };
  const people = async (prefix: string, role: string, n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) ids.push(await join(`${prefix}-${i}@race.io`, role));
    return ids;
  };
  const admins = await people('admin', 'admin', counts.admins);
  const leaders = await people('leader', 'team-leader', counts.leaders);
  const users = await people('user', 'user', counts.users);
  // Three direct reports per leader; the last users have no manager.
  for (const [i, user] of users.slice(0, counts.leaders * 3).entries()) {
    await admin.setManager({ accountId: user, managerId: leaders[i % counts.leaders] as string });
  }
  const groupIds: string[] = [];
  for (const name of ['Sales', 'Support', 'Billing']) {
    groupIds.push((await admin.createGroup({ name, kind: 'queue' })).id);
  }
  const pending = async (prefix: string, n: number): Promise<SeededInvitation[]> => {
    const out: SeededInvitation[] = [];
    for (let i = 0; i < n; i += 1) {
      const email = `${prefix}-${i}@race.io`;
      const { invitation, token } = await admin.invite({
        email,
        role: i % 3 === 0 ? 'team-leader' : 'user',
      });
      out.push({ id: invitation.id, accountId: invitation.accountId, email, token });
    }
    return out;
  };
  const invitations = await pending('pending', counts.invitations);
  const duelInvitations = await pending('duel-pending', counts.duelInvitations);
  return {
    orgId: organization.id,
    defaultSpaceId: organization.defaultSpaceId,
    ownerId: owner.id,
    admins,
    leaders,
    users,
    groupIds,
    invitations,
    duelInvitations,
    inviteEmails: Array.from({ length: 12 }, (_, i) => `fresh-${i}@race.io`),
    existingEmails: ['owner@race.io', 'admin-1@race.io', 'user-3@race.io', 'pending-2@race.io'],
  };
}
