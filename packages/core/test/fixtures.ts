/** Valid raw inputs for every model, as a host or a store would hand them in. */

export const at = '2026-01-15T09:30:00.000Z';
export const later = '2026-02-01T12:00:00+01:00';

export const organization = {
  id: 'org_1',
  name: 'Acme',
  plan: 'pro',
  ownerId: 'acc_1',
  defaultSpaceId: 'spc_1',
  createdAt: at,
  version: 1,
};

export const account = {
  id: 'acc_2',
  orgId: 'org_1',
  email: 'bo@acme.io',
  externalId: null,
  firstName: 'Bo',
  lastName: 'Li',
  status: 'active',
  profile: { phone: '+44 20 7946 0000', extension: 204, remote: false, site: null },
  lastSeenAt: null,
  createdAt: at,
  updatedAt: later,
  version: 3,
};

export const space = {
  id: 'spc_1',
  orgId: 'org_1',
  name: 'The team',
  isDefault: true,
  createdAt: at,
  version: 1,
};

export const openPeriod = { startedAt: later, endedAt: null, role: 'agent' };
export const closedPeriod = { startedAt: at, endedAt: later, role: 'manager' };

export const membership = {
  id: 'mem_1',
  orgId: 'org_1',
  accountId: 'acc_2',
  spaceId: 'spc_1',
  state: 'member',
  role: 'agent',
  restrictions: ['no-export'],
  groupIds: ['grp_1'],
  managerId: 'acc_3',
  periods: [closedPeriod, openPeriod],
  version: 2,
};

export const formerMembership = {
  ...membership,
  state: 'account-only',
  groupIds: [],
  periods: [closedPeriod],
};

export const group = {
  id: 'grp_1',
  orgId: 'org_1',
  spaceId: 'spc_1',
  name: 'Billing',
  kind: 'queue',
  createdAt: at,
  version: 1,
};

export const invitation = {
  id: 'inv_1',
  orgId: 'org_1',
  accountId: 'acc_4',
  spaceId: 'spc_1',
  email: 'cy@acme.io',
  role: 'agent',
  groupIds: ['grp_1'],
  restrictions: [],
  managerId: null,
  invitedBy: 'acc_1',
  tokenHash: 'a'.repeat(64),
  status: 'pending',
  expiresAt: later,
  createdAt: at,
  version: 1,
};

export const actor = { accountId: 'acc_1', orgId: 'org_1' };

export const auditEvent = {
  id: 'aud_1',
  orgId: 'org_1',
  actor,
  action: 'deactivate',
  target: { type: 'Account', id: 'acc_2' },
  before: { status: 'active', groupIds: ['grp_1'] },
  after: { status: 'deactivated', groupIds: [] },
  at,
};

export const outboxMessage = {
  id: 'out_1',
  orgId: 'org_1',
  topic: 'invitation.created',
  payload: { email: 'cy@acme.io', token: 'tok', nested: [1, 'two', true, null, { deep: 3.5 }] },
  createdAt: at,
  deliveredAt: null,
  attempts: 2,
  nextAttemptAt: later,
  lastError: 'Error: mail server down',
  deadAt: null,
  leaseId: null,
};
