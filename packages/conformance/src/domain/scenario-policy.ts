import {
  matchNothing,
  type Policy,
  type PolicyActor,
  type PolicyDecision,
  type PolicyRequest,
  type PolicySubject,
  type ReadFilter,
} from '@rosterkit/core';

// The conformance suite's own policy, so that the domain scenarios run without
// @rosterkit/policies (which depends on core): four ranked roles, managing
// users from `admin` up, tenant isolation, and the rank rule (account to
// account, answered with the ranks). It is a test fixture, not a product policy.

/** The roles of the scenario policy, by rank. @internal */
export const scenarioRoles = { owner: 4, director: 3, admin: 2, agent: 1 } as const;

// The actor whose organization's stored roles rank the roles named in a
// check: set for the length of one (synchronous) check.
let deciding: PolicyActor | undefined;

const rankOf = (role: unknown): number => {
  if (typeof role !== 'string') return 0;
  if (role in scenarioRoles) return scenarioRoles[role as keyof typeof scenarioRoles];
  return deciding?.organizationRoles?.roles.find((stored) => stored.name === role)?.rank ?? 0;
};

function actorRank(actor: PolicyActor): number {
  // A provisioning connection ranks just below the owner (as @rosterkit/policies ranks it).
  if (actor.kind === 'provisioner') return scenarioRoles.director;
  return Math.max(
    0,
    ...actor.memberships.filter((m) => m.state === 'member').map((m) => rankOf(m.role)),
  );
}

/** The target account's rank: every role it holds anywhere in the organization (DESIGN §8). */
function accountRank(subject: PolicySubject): number {
  if (subject.type === 'Account' && Array.isArray(subject.memberships)) {
    const held = (subject.memberships as { state: string; role: string }[]).filter(
      (m) => m.state === 'member',
    );
    return Math.max(0, ...held.map((m) => rankOf(m.role)));
  }
  if (subject.type === 'Membership') {
    const held = Array.isArray(subject.accountRoles) ? (subject.accountRoles as unknown[]) : [];
    return Math.max(0, subject.state === 'member' ? rankOf(subject.role) : 0, ...held.map(rankOf));
  }
  return 0;
}

/** The rank of the role a request grants. */
function grantedRank(subject: PolicySubject): number {
  if (subject.type === 'Role') return typeof subject.rank === 'number' ? subject.rank : 0;
  return rankOf(subject.type === 'Invitation' ? subject.role : subject.grantedRole);
}

const ownActions = new Set(['read', 'updateProfile', 'requestPasswordReset', 'deleteOwnAccount']);

// What an identity provider does: people and groups, nothing of the organization's own
// (never manageOutbox nor manageProvisioning: admins and up manage those, by rank below).
const provisionerActions = new Set([
  'read',
  'invite',
  'resendInvitation',
  'revokeInvitation',
  'updateProfile',
  'deactivate',
  'reactivate',
  'linkExternalId',
  'addToTeam',
  'removeFromTeam',
  'changeRole',
  'setRestrictions',
  'setManager',
  'reassignReports',
  'assignGroups',
  'createGroup',
  'renameGroup',
  'deleteGroup',
]);

/** @internal */
export const scenarioPolicy: Policy = {
  roles: {
    ownerRole: { name: 'owner' },
    // Who can manage the team (bulk rule 8) comes from the roles' permissions.
    // Their ranks tell core the highest of several (a connection's group roles).
    roles: Object.entries(scenarioRoles).map(([name, rank]) => ({
      name,
      rank,
      permissions: name === 'agent' ? [] : ['manageUsers'],
    })),
    // Stored roles rank on the same scale; from admin's rank up they manage users.
    storedRoles: { permissions: ['manageUsers'], restrictions: [] },
  },
  check(request) {
    deciding = request.actor;
    try {
      return decide(request);
    } finally {
      deciding = undefined;
    }
  },
  readFilter(actor): ReadFilter {
    return actorRank(actor) > 0
      ? { kind: 'field', field: 'orgId', op: 'eq', value: actor.organization.id }
      : matchNothing;
  },
};

function decide({ actor, action, subject }: PolicyRequest): PolicyDecision {
  if (subject.orgId !== actor.organization.id) {
    return { allowed: false, reason: 'Nothing of another organization, ever.' };
  }
  if (actor.kind === 'provisioner') {
    if (actor.connection.status !== 'active')
      return { allowed: false, reason: 'This connection was revoked.' };
    if (!provisionerActions.has(action))
      return {
        allowed: false,
        reason: 'A provisioning connection manages people and groups only.',
      };
  }
  const me = actor.kind === 'provisioner' ? actor.connection.id : actor.account.id;
  const own = subject.type === 'Account' ? subject.id === me : subject.accountId === me;
  if (own && ownActions.has(action)) return { allowed: true };
  if (action === 'transferOwnership' || action === 'deleteOrganization') {
    return actor.organization.ownerId === me
      ? { allowed: true }
      : { allowed: false, reason: 'Only the owner may do this.' };
  }
  const rank = actorRank(actor);
  if (action === 'read')
    return rank > 0 ? { allowed: true } : { allowed: false, reason: 'Members only.' };
  if (rank < scenarioRoles.admin)
    return { allowed: false, reason: 'You need the permission to manage users.' };
  const targetRank = accountRank(subject);
  if (targetRank > rank) {
    return {
      allowed: false,
      reason: 'You cannot act on an account whose role ranks above yours.',
      rank: { actorRank: rank, targetRank, target: 'account' },
    };
  }
  const roleRank = grantedRank(subject);
  if (roleRank > rank) {
    return {
      allowed: false,
      reason: 'You cannot grant a role that ranks above your own.',
      rank: { actorRank: rank, targetRank: roleRank, target: 'role' },
    };
  }
  return { allowed: true };
}
