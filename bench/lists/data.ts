// The accounts and memberships every list bench seeds: the same rows (from
// one seed) for every store, as plain model objects.
import type { Account, Membership } from '@rosterkit/core';
import { seededRandom } from '../support/seeded-random.js';

const firstNames = `
Ana Maria Marco José Lucía Omar Fatima Chen Wei Yuki Hiro Priya Arjun Kumar Olga Ivan Zoë
Liam Noah Emma Sofia Mateo Amara Kwame Tamara Léa Hugo Jonas Freya Ahmed Leila Sven Ingrid
Pedro Marta Tomás Nadia Grace Daniel Sara Ravi Mei
`
  .trim()
  .split(/\s+/);
const lastNames = `
Silva Santos García Martínez Nguyen Tran Kim Park Sato Tanaka Müller Schmidt Rossi Bianchi
Dubois Moreau Khan Patel Sharma Okafor Mensah Ivanova Novak Kowalski Berg Larsen Smith
Brown Wilson Taylor Marsh Omari Haddad Cohen Levi Costa Ferreira Lopez
`
  .trim()
  .split(/\s+/);
const ascii = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** What a bench seeds. */
export interface Dataset {
  readonly accounts: Account[];
  readonly memberships: Membership[];
}

/**
 * `count` accounts of `orgId`: 5% pending (no membership), 7% deactivated,
 * the rest active; every non-pending account has a membership of the team,
 * 6% of them former (`account-only`); one in 50 a manager, one in 1,000 an
 * administrator, the others agents in 0 to 2 of `groupIds`.
 */
export function dataset(
  orgId: string,
  teamId: string,
  groupIds: readonly string[],
  count: number,
): Dataset {
  const { random, pick } = seededRandom(0x2f6b1d);
  const now = Date.UTC(2026, 11, 1);
  const day = 86_400_000;
  const accounts: Account[] = [];
  const memberships: Membership[] = [];
  for (let i = 0; i < count; i++) {
    const id = `acc-${String(i).padStart(6, '0')}`;
    const bucket = i % 100;
    const status = bucket < 5 ? 'pending' : bucket < 12 ? 'deactivated' : 'active';
    const firstName = pick(firstNames);
    const lastName = pick(lastNames);
    const createdAt = new Date(now - 30 * day - Math.floor(random() * 700) * day);
    const lastSeen = status === 'pending' || random() < 0.3 ? null : now - random() * 30 * day;
    accounts.push({
      id,
      orgId,
      email: `${ascii(firstName)}.${ascii(lastName)}.${id}@northwind.io`,
      externalId: null,
      firstName,
      lastName,
      status,
      profile: {},
      lastSeenAt: lastSeen === null ? null : new Date(Math.floor(lastSeen)),
      createdAt,
      updatedAt: createdAt,
      version: 1,
    });
    if (status === 'pending') continue;
    const former = bucket >= 94;
    const role = i % 1000 === 33 ? 'administrator' : i % 50 === 25 ? 'manager' : 'agent';
    const groups =
      former || status === 'deactivated' || role !== 'agent'
        ? []
        : [...new Set(Array.from({ length: Math.floor(random() * 3) }, () => pick(groupIds)))];
    memberships.push({
      id: `mem-${id}`,
      orgId,
      accountId: id,
      spaceId: teamId,
      state: former ? 'account-only' : 'member',
      role,
      restrictions: [],
      groupIds: groups,
      managerId: null,
      periods: [
        {
          startedAt: createdAt,
          endedAt: former ? new Date(createdAt.getTime() + 90 * day) : null,
          role,
        },
      ],
      version: 1,
    });
  }
  return { accounts, memberships };
}
