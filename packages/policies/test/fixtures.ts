import type { Account, Membership, Organization, PolicyActor } from '@rosterkit/core';

export const ORG = 'org-1';
export const OTHER_ORG = 'org-2';
export const HOME = 'space-1';
export const ELSEWHERE = 'space-2';
export const OWNER_ID = 'acc-owner';
const at = new Date('2026-01-01T00:00:00Z');

export function organization(plan = 'basic', overrides: Partial<Organization> = {}): Organization {
  return {
    id: ORG,
    name: 'Acme',
    plan,
    ownerId: OWNER_ID,
    defaultSpaceId: HOME,
    createdAt: at,
    version: 1,
    ...overrides,
  };
}

export function account(id: string, overrides: Partial<Account> = {}): Account {
  return {
    id,
    orgId: ORG,
    email: `${id}@acme.io`,
    externalId: null,
    firstName: 'Ana',
    lastName: 'Ng',
    status: 'active',
    profile: {},
    lastSeenAt: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  };
}

export function membership(
  accountId: string,
  role: string,
  spaceId = HOME,
  overrides: Partial<Membership> = {},
): Membership {
  return {
    id: `m-${accountId}-${spaceId}`,
    orgId: ORG,
    accountId,
    spaceId,
    state: 'member',
    role,
    restrictions: [],
    groupIds: [],
    managerId: null,
    periods: [{ startedAt: at, endedAt: null, role }],
    version: 1,
    ...overrides,
  };
}

export function actor(
  id: string,
  memberships: readonly Membership[],
  options: { plan?: string; account?: Partial<Account> } = {},
): PolicyActor {
  return {
    account: account(id, options.account),
    organization: organization(options.plan),
    memberships,
  };
}
