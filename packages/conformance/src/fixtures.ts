/**
 * `@rosterkit/conformance/fixtures`: builders of valid rows for an adapter's
 * own tests, each with a fresh id. They import nothing at run time (no
 * vitest), so they load from ES modules and CommonJS alike.
 *
 * @packageDocumentation
 */
import type {
  Account,
  AuditEvent,
  Group,
  Invitation,
  Membership,
  Organization,
  OutboxMessage,
  ProvisioningConnection,
  ProvisioningLink,
  Space,
  StoredRole,
} from '@rosterkit/core';

// One counter for every builder, so two rows built in one process never share
// an id, an email or a token hash unless a test asks for it.
let sequence = 0;
function next(): number {
  sequence += 1;
  return sequence;
}

/** The instant every fixture is stamped with unless told otherwise: 2026-01-15T09:30:00Z. */
export const fixtureEpoch: Date = new Date('2026-01-15T09:30:00.000Z');

function epoch(): Date {
  return new Date(fixtureEpoch.getTime());
}

/**
 * A valid {@link @rosterkit/core!Organization | Organization} (version 1) with a fresh id, for tests.
 *
 * @param overrides - fields to set instead of the defaults.
 * @example
 * ```ts
 * import { buildOrganization } from '@rosterkit/conformance/fixtures';
 * const org = buildOrganization({ name: 'Acme' });
 * ```
 */
export function buildOrganization(overrides: Partial<Organization> = {}): Organization {
  const id = overrides.id ?? `org_${next()}`;
  return {
    id,
    name: 'Acme',
    plan: 'pro',
    ownerId: `${id}_owner`,
    defaultSpaceId: `${id}_team`,
    createdAt: epoch(),
    version: 1,
    ...overrides,
  };
}

/**
 * A valid, active {@link @rosterkit/core!Account | Account} (version 1) with a fresh id and email, for tests.
 *
 * @param overrides - fields to set instead of the defaults (`orgId` defaults to `'org_1'`).
 * @example
 * ```ts
 * import { buildAccount } from '@rosterkit/conformance/fixtures';
 * const ana = buildAccount({ orgId: org.id, email: 'ana@acme.io', firstName: 'Ana' });
 * ```
 */
export function buildAccount(overrides: Partial<Account> = {}): Account {
  const n = next();
  return {
    id: `acc_${n}`,
    orgId: 'org_1',
    email: `person${n}@example.com`,
    externalId: null,
    firstName: 'Person',
    lastName: `Number${n}`,
    status: 'active',
    profile: {},
    lastSeenAt: null,
    createdAt: epoch(),
    updatedAt: epoch(),
    version: 1,
    ...overrides,
  };
}

/**
 * A valid {@link @rosterkit/core!Space | Space} (version 1, not the default) with a fresh id, for tests.
 *
 * @param overrides - fields to set instead of the defaults (`orgId` defaults to `'org_1'`).
 * @example
 * ```ts
 * import { buildSpace } from '@rosterkit/conformance/fixtures';
 * const team = buildSpace({ orgId: org.id, id: org.defaultSpaceId, isDefault: true });
 * ```
 */
export function buildSpace(overrides: Partial<Space> = {}): Space {
  const n = next();
  return {
    id: `spc_${n}`,
    orgId: 'org_1',
    name: `Space ${n}`,
    isDefault: false,
    createdAt: epoch(),
    version: 1,
    ...overrides,
  };
}

/**
 * A valid {@link @rosterkit/core!Membership | Membership} (version 1) with a fresh id, for tests: by default
 * a current member (`state: 'member'`, role `agent`, one open period). With
 * `state: 'account-only'` and no `periods`, it gets one closed period instead.
 *
 * @param overrides - fields to set instead of the defaults (`orgId` defaults to `'org_1'`).
 * @example
 * ```ts
 * import { buildMembership } from '@rosterkit/conformance/fixtures';
 * const member = buildMembership({ orgId: org.id, accountId: ana.id, spaceId: team.id, role: 'admin' });
 * const former = buildMembership({ orgId: org.id, accountId: bo.id, spaceId: team.id, state: 'account-only' });
 * ```
 */
export function buildMembership(overrides: Partial<Membership> = {}): Membership {
  const n = next();
  const role = overrides.role ?? 'agent';
  const former = overrides.state === 'account-only';
  return {
    id: `mem_${n}`,
    orgId: 'org_1',
    accountId: `acc_of_mem_${n}`,
    spaceId: `spc_of_mem_${n}`,
    state: 'member',
    role,
    restrictions: [],
    groupIds: [],
    managerId: null,
    periods: [{ startedAt: epoch(), endedAt: former ? epoch() : null, role }],
    version: 1,
    ...overrides,
  };
}

/**
 * A valid {@link @rosterkit/core!Group | Group} (version 1) with a fresh id, for tests.
 *
 * @param overrides - fields to set instead of the defaults (`orgId` defaults to `'org_1'`).
 * @example
 * ```ts
 * import { buildGroup } from '@rosterkit/conformance/fixtures';
 * const billing = buildGroup({ orgId: org.id, spaceId: team.id, name: 'Billing', kind: 'queue' });
 * ```
 */
export function buildGroup(overrides: Partial<Group> = {}): Group {
  const n = next();
  return {
    id: `grp_${n}`,
    orgId: 'org_1',
    spaceId: `spc_of_grp_${n}`,
    name: `Group ${n}`,
    kind: 'queue',
    createdAt: epoch(),
    version: 1,
    ...overrides,
  };
}

/**
 * A valid pending {@link @rosterkit/core!Invitation | Invitation} (version 1) with a fresh id and token
 * hash, expiring 7 days after {@link fixtureEpoch}, for tests.
 *
 * @param overrides - fields to set instead of the defaults (`orgId` defaults to `'org_1'`).
 * @example
 * ```ts
 * import { buildInvitation } from '@rosterkit/conformance/fixtures';
 * const invitation = buildInvitation({ orgId: org.id, accountId: cy.id, email: cy.email });
 * ```
 */
export function buildInvitation(overrides: Partial<Invitation> = {}): Invitation {
  const n = next();
  return {
    id: `inv_${n}`,
    orgId: 'org_1',
    accountId: `acc_of_inv_${n}`,
    spaceId: `spc_of_inv_${n}`,
    email: `invitee${n}@example.com`,
    role: 'agent',
    groupIds: [],
    restrictions: [],
    managerId: null,
    invitedBy: 'acc_inviter',
    tokenHash: n.toString(16).padStart(64, '0'),
    status: 'pending',
    expiresAt: new Date(fixtureEpoch.getTime() + 7 * 24 * 60 * 60 * 1000),
    createdAt: epoch(),
    version: 1,
    ...overrides,
  };
}

/**
 * A valid {@link @rosterkit/core!AuditEvent | AuditEvent} with a fresh id, for tests: an `'update'` of an account.
 *
 * @param overrides - fields to set instead of the defaults (`orgId` defaults to `'org_1'`).
 * @example
 * ```ts
 * import { buildAuditEvent } from '@rosterkit/conformance/fixtures';
 * const event = buildAuditEvent({ orgId: org.id, target: { type: 'Account', id: ana.id } });
 * ```
 */
export function buildAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  const n = next();
  return {
    id: `aud_${n}`,
    orgId: 'org_1',
    actor: { accountId: 'acc_actor', orgId: overrides.orgId ?? 'org_1' },
    action: 'update',
    target: { type: 'Account', id: `acc_of_aud_${n}` },
    before: { firstName: 'Before' },
    after: { firstName: 'After' },
    at: epoch(),
    ...overrides,
  };
}

/**
 * A valid, undelivered {@link @rosterkit/core!OutboxMessage | OutboxMessage} with a fresh id, for tests: due
 * from its `createdAt` (`nextAttemptAt` defaults to it), never tried, unclaimed.
 *
 * @param overrides - fields to set instead of the defaults (`orgId` defaults to `'org_1'`).
 * @example
 * ```ts
 * import { buildOutboxMessage } from '@rosterkit/conformance/fixtures';
 * const message = buildOutboxMessage({ orgId: org.id, topic: 'password.reset' });
 * ```
 */
export function buildOutboxMessage(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  const n = next();
  const createdAt = overrides.createdAt ?? epoch();
  return {
    id: `out_${n}`,
    orgId: 'org_1',
    topic: 'invitation.created',
    payload: { n },
    createdAt,
    deliveredAt: null,
    attempts: 0,
    nextAttemptAt: new Date(createdAt.getTime()),
    lastError: null,
    deadAt: null,
    leaseId: null,
    ...overrides,
  };
}

/**
 * A valid {@link @rosterkit/core!StoredRole | StoredRole} (version 1) with a fresh id and name, for tests.
 *
 * @param overrides - fields to set instead of the defaults (`orgId` defaults to `'org_1'`).
 * @example
 * ```ts
 * import { buildStoredRole } from '@rosterkit/conformance/fixtures';
 * const lead = buildStoredRole({ orgId: org.id, name: 'lead', rank: 30, permissions: ['manageGroups'] });
 * ```
 */
export function buildStoredRole(overrides: Partial<StoredRole> = {}): StoredRole {
  const n = next();
  return {
    id: `rol_${n}`,
    orgId: 'org_1',
    name: `role-${n}`,
    label: `Role ${n}`,
    description: '',
    rank: 20,
    permissions: [],
    scope: 'organization',
    restrictions: [],
    createdAt: epoch(),
    updatedAt: epoch(),
    version: 1,
    ...overrides,
  };
}

/**
 * A valid {@link @rosterkit/core!ProvisioningConnection | ProvisioningConnection}
 * (version 1, active, never used) with a fresh id and a fresh token hash, for tests.
 *
 * @param overrides - fields to set instead of the defaults.
 * @example
 * ```ts
 * import { buildProvisioningConnection } from '@rosterkit/conformance/fixtures';
 * const okta = buildProvisioningConnection({ orgId: org.id, spaceId: org.defaultSpaceId, name: 'Okta' });
 * ```
 */
export function buildProvisioningConnection(
  overrides: Partial<ProvisioningConnection> = {},
): ProvisioningConnection {
  const n = next();
  return {
    id: `prc_${n}`,
    orgId: 'org_1',
    name: `Connection ${n}`,
    spaceId: 'spc_1',
    defaultRole: 'agent',
    onCreate: 'activate',
    groupRoles: {},
    status: 'active',
    tokenHash: n.toString(16).padStart(64, 'c'),
    tokenHint: String(n % 10_000).padStart(4, '0'),
    version: 1,
    createdAt: epoch(),
    updatedAt: epoch(),
    lastUsedAt: null,
    ...overrides,
  };
}

/**
 * A valid {@link @rosterkit/core!ProvisioningLink | ProvisioningLink} (version 1,
 * a User without externalId or attributes) with a fresh id, target and
 * userName, for tests.
 *
 * @param overrides - fields to set instead of the defaults.
 * @example
 * ```ts
 * import { buildProvisioningLink } from '@rosterkit/conformance/fixtures';
 * const link = buildProvisioningLink({ orgId: org.id, connectionId: okta.id, targetId: account.id, userName: 'ana@acme.io' });
 * ```
 */
export function buildProvisioningLink(overrides: Partial<ProvisioningLink> = {}): ProvisioningLink {
  const n = next();
  return {
    id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    orgId: 'org_1',
    connectionId: 'prc_1',
    resourceType: 'User',
    targetId: `acc_${n}`,
    userName: `user${n}@acme.io`,
    externalId: null,
    attributes: {},
    version: 1,
    createdAt: epoch(),
    updatedAt: epoch(),
    ...overrides,
  };
}
