import type { PolicyRequest, PolicySubject, RosterAction } from '@rosterkit/core';
import { rosterActions } from '@rosterkit/core';
import { describe, expect, it } from 'vitest';
import { createPolicy, presets, type RoleSet } from '../src/index.js';
import { actor, ELSEWHERE, HOME, membership, ORG, OTHER_ORG, OWNER_ID } from './fixtures.js';

// ---------------------------------------------------------------------------
// The expected table, as data. For each preset: what each actor may do to an
// ordinary account of the same organization, in the same space, whose role
// does not rank above theirs and who is not the owner. `owner` is the
// organization's owner; every other key is a non-owner account holding that
// role. `scoped` lists the roles whose permissions stay inside their spaces.
// Every other cell of the matrix follows from the protections below, each
// with the reason the refusal must carry.
// ---------------------------------------------------------------------------

const USERS: RosterAction[] = [
  'invite',
  'resendInvitation',
  'revokeInvitation',
  'updateProfile',
  'deactivate',
  'reactivate',
  'requestPasswordReset',
  'linkExternalId',
  'addToTeam',
  'removeFromTeam',
  'changeRole',
  'setRestrictions',
  'setManager',
  'reassignReports',
];
const ORG_ACTIONS: RosterAction[] = [
  'renameOrganization',
  'changePlan',
  'createSpace',
  'renameSpace',
  'deleteSpace',
];
const GROUPS: RosterAction[] = ['assignGroups', 'createGroup', 'renameGroup', 'deleteGroup'];
const OWNER_ONLY: RosterAction[] = ['transferOwnership', 'deleteOrganization'];
const ROLES: RosterAction[] = ['defineRole', 'updateRole', 'deleteRole'];
// The organization's dead outbox messages: organization-wide roles only.
// And its provisioning connections: organization-wide roles only, as the outbox.
const OUTBOX: RosterAction[] = ['manageOutbox', 'manageProvisioning'];
const EVERYTHING: RosterAction[] = [
  'read',
  ...USERS,
  ...GROUPS,
  'viewStatistics',
  ...ORG_ACTIONS,
  ...OWNER_ONLY,
  ...ROLES,
  ...OUTBOX,
];

interface Expected {
  readonly preset: RoleSet;
  readonly plan: string;
  readonly scoped: readonly string[];
  readonly may: Readonly<Record<string, readonly RosterAction[]>>;
}

const table: Readonly<Record<string, Expected>> = {
  teamWorkspace: {
    preset: presets.teamWorkspace,
    plan: 'basic',
    scoped: [],
    may: {
      owner: EVERYTHING,
      'role:owner': [
        'read',
        ...USERS,
        ...GROUPS,
        'viewStatistics',
        ...ORG_ACTIONS,
        ...ROLES,
        ...OUTBOX,
      ],
      'role:admin': ['read', ...USERS, ...GROUPS, 'viewStatistics', ...ROLES, ...OUTBOX],
      'role:staff': ['read'],
    },
  },
  'contactCenter on basic': {
    preset: presets.contactCenter,
    plan: 'basic',
    scoped: [],
    may: {
      owner: EVERYTHING.filter((a) => a !== 'viewStatistics'),
      'role:administrator': ['read', ...USERS, ...GROUPS, ...ORG_ACTIONS, ...ROLES, ...OUTBOX],
      'role:manager': ['read', ...GROUPS],
      'role:agent': ['read'],
    },
  },
  'contactCenter on professional': {
    preset: presets.contactCenter,
    plan: 'professional',
    scoped: [],
    may: {
      owner: EVERYTHING,
      'role:administrator': [
        'read',
        ...USERS,
        ...GROUPS,
        'viewStatistics',
        ...ORG_ACTIONS,
        ...ROLES,
        ...OUTBOX,
      ],
      'role:manager': ['read', ...GROUPS, 'viewStatistics'],
      'role:agent': ['read'],
    },
  },
  managedTeams: {
    preset: presets.managedTeams,
    plan: 'basic',
    scoped: [],
    may: {
      owner: EVERYTHING,
      'role:account-owner': [
        'read',
        ...USERS,
        ...GROUPS,
        'viewStatistics',
        ...ORG_ACTIONS,
        ...ROLES,
        ...OUTBOX,
      ],
      'role:admin': ['read', ...USERS, ...GROUPS, 'viewStatistics', ...ROLES, ...OUTBOX],
      'role:team-leader': ['read', 'viewStatistics'],
      'role:user': ['read'],
    },
  },
  multiSite: {
    preset: presets.multiSite,
    plan: 'basic',
    scoped: ['site-admin'],
    may: {
      owner: EVERYTHING,
      'role:super-admin': [
        'read',
        ...USERS,
        ...GROUPS,
        'viewStatistics',
        ...ORG_ACTIONS,
        ...ROLES,
        ...OUTBOX,
      ],
      'role:site-admin': ['read', ...USERS, ...GROUPS, 'viewStatistics'],
      'role:staff': ['read'],
    },
  },
  spaces: {
    preset: presets.spaces,
    plan: 'basic',
    scoped: ['manager'],
    may: {
      owner: EVERYTHING,
      'role:owner': [
        'read',
        ...USERS,
        ...GROUPS,
        'viewStatistics',
        ...ORG_ACTIONS,
        ...ROLES,
        ...OUTBOX,
      ],
      'role:manager': ['read', ...USERS, ...GROUPS, 'viewStatistics'],
      'role:agent': ['read'],
    },
  },
};

/** The refusal each protection must produce, matched on the reason's words. */
const reasons = {
  tenant: /another organization/,
  self: /^You cannot .*(your own account|yourself from the team)/,
  owner: /^The organization owner cannot be/,
  rank: /^You cannot act on an account whose role ranks above yours/,
  grant: /^You cannot grant a role that ranks above your own/,
  scope: /only within the spaces where your role applies/,
  plan: /available only on these plans/,
  deleteOthers: /deleted only by its own user/,
  permission: /^Only (roles with the “.+” permission|the organization’s owner)/,
  read: /^You may not see this record/,
} as const;
type Outcome = 'allow' | keyof typeof reasons;

// Which kind of record each action is checked on.
const subjectOf: Record<
  RosterAction,
  | 'Organization'
  | 'Account'
  | 'Membership'
  | 'Invitation'
  | 'Space'
  | 'Group'
  | 'Role'
  | 'OutboxMessage'
  | 'ProvisioningConnection'
> = {
  read: 'Account',
  renameOrganization: 'Organization',
  changePlan: 'Organization',
  transferOwnership: 'Organization',
  deleteOrganization: 'Organization',
  viewStatistics: 'Organization',
  invite: 'Invitation',
  resendInvitation: 'Invitation',
  revokeInvitation: 'Invitation',
  updateProfile: 'Account',
  deactivate: 'Account',
  reactivate: 'Account',
  requestPasswordReset: 'Account',
  linkExternalId: 'Account',
  deleteOwnAccount: 'Account',
  addToTeam: 'Membership',
  removeFromTeam: 'Membership',
  changeRole: 'Membership',
  setRestrictions: 'Membership',
  assignGroups: 'Membership',
  setManager: 'Membership',
  reassignReports: 'Membership',
  createSpace: 'Space',
  createGroup: 'Group',
  renameSpace: 'Space',
  deleteSpace: 'Space',
  renameGroup: 'Group',
  deleteGroup: 'Group',
  defineRole: 'Role',
  updateRole: 'Role',
  deleteRole: 'Role',
  manageOutbox: 'OutboxMessage',
  manageProvisioning: 'ProvisioningConnection',
};
const selfProtected = new Set<RosterAction>([
  'deactivate',
  'reactivate',
  'changeRole',
  'setRestrictions',
  'addToTeam',
  'removeFromTeam',
  'assignGroups',
  'setManager',
]);
const ownerProtected = new Set<RosterAction>([
  'deactivate',
  'changeRole',
  'setRestrictions',
  'removeFromTeam',
  'addToTeam',
  'setManager',
]);
const targetRanked = new Set<RosterAction>([
  'updateProfile',
  'deactivate',
  'reactivate',
  'requestPasswordReset',
  'linkExternalId',
  'removeFromTeam',
  'changeRole',
  'setRestrictions',
  'assignGroups',
  'setManager',
  'reassignReports',
]);
const grantRanked = new Set<RosterAction>([
  'invite',
  'resendInvitation',
  'revokeInvitation',
  'addToTeam',
]);
const scopedActions = new Set<RosterAction>([...USERS, ...GROUPS]);
const selfAllowed = new Set<RosterAction>(['read', 'updateProfile', 'requestPasswordReset']);

interface Case {
  readonly actorKind: string;
  readonly target: string; // 'self', 'owner' or 'role:<name>'
  readonly action: RosterAction;
  readonly sameTenant: boolean;
  readonly sameScope: boolean;
}

function roleOf(expected: Expected, kind: string): string {
  return kind === 'owner' ? expected.preset.ownerRole.name : kind.slice('role:'.length);
}

function rankOf(expected: Expected, kind: string): number {
  return expected.preset.role(roleOf(expected, kind))?.rank ?? -1;
}

function expectedOutcome(expected: Expected, c: Case): Outcome {
  const { action } = c;
  const may = expected.may[c.actorKind] ?? [];
  if (!c.sameTenant) return 'tenant';
  const subject = subjectOf[action];
  // A new space, a role of the lowest rank with no permission that nobody
  // holds, or one of the organization's outbox messages: no account targeted.
  if (
    subject === 'Space' ||
    subject === 'Role' ||
    subject === 'OutboxMessage' ||
    subject === 'ProvisioningConnection'
  ) {
    return may.includes(action) ? 'allow' : 'permission';
  }
  if (subject === 'Group') {
    const scopedActor =
      expected.scoped.includes(roleOf(expected, c.actorKind)) && c.actorKind !== 'owner';
    if (!c.sameScope && scopedActor && may.includes(action)) return 'scope';
    return may.includes(action) ? 'allow' : 'permission';
  }
  if (subject === 'Organization') {
    if (action === 'viewStatistics' && !may.includes(action) && expected.plan === 'basic') {
      if (expected.preset.planGates.viewStatistics !== undefined) return 'plan';
    }
    return may.includes(action) ? 'allow' : 'permission';
  }
  const actorIsOwner = c.actorKind === 'owner';
  if (c.target === 'self') {
    if (selfProtected.has(action)) return 'self';
    if (action === 'deleteOwnAccount') return actorIsOwner ? 'owner' : 'allow';
    if (selfAllowed.has(action)) return 'allow';
    return may.includes(action) ? 'allow' : action === 'read' ? 'read' : 'permission';
  }
  if (action === 'deleteOwnAccount') return 'deleteOthers';
  if (c.target === 'owner' && ownerProtected.has(action)) return 'owner';
  const higher = rankOf(expected, c.target) > rankOf(expected, c.actorKind);
  if (higher && targetRanked.has(action)) return 'rank';
  if (higher && grantRanked.has(action)) return 'grant';
  const scoped = expected.scoped.includes(roleOf(expected, c.actorKind)) && !actorIsOwner;
  if (!c.sameScope) {
    if (scoped && scopedActions.has(action)) return 'scope';
    // Out of one's spaces, only organization-wide user managers still see the account.
    if (action === 'read') return may.includes('deactivate') && !scoped ? 'allow' : 'read';
  }
  if (may.includes(action)) return 'allow';
  return action === 'read' ? 'read' : 'permission';
}

function subjectFor(
  expected: Expected,
  c: Case,
  actorId: string,
  actorRole: string,
): PolicySubject {
  const orgId = c.sameTenant ? ORG : OTHER_ORG;
  const targetId =
    c.target === 'self' ? actorId : c.target === 'owner' ? OWNER_ID : `tgt-${c.target}`;
  const targetRole = c.target === 'self' ? actorRole : roleOf(expected, c.target);
  const spaceId = c.sameScope ? HOME : ELSEWHERE;
  const lowest = expected.preset.roles.at(-1)?.name;
  switch (subjectOf[c.action]) {
    case 'Organization':
      return { type: 'Organization', orgId, id: orgId };
    case 'Account':
      return {
        type: 'Account',
        orgId,
        id: targetId,
        memberships: [{ spaceId, role: targetRole, state: 'member' }],
      };
    case 'Membership':
      return {
        type: 'Membership',
        orgId,
        id: `m-${targetId}`,
        accountId: targetId,
        spaceId,
        role: targetRole,
        managerId: null,
        grantedRole: lowest,
      };
    case 'Space':
      return { type: 'Space', orgId, id: 'space-new', isDefault: false };
    case 'Group':
      return { type: 'Group', orgId, id: 'group-new', spaceId, kind: 'queue' };
    case 'Role':
      return {
        type: 'Role',
        orgId,
        id: 'role-new',
        name: 'new-role',
        rank: 0,
        permissions: [],
        scope: 'space',
      };
    case 'OutboxMessage':
      return { type: 'OutboxMessage', orgId, id: 'out-dead', topic: 'password.reset' };
    case 'ProvisioningConnection':
      return { type: 'ProvisioningConnection', orgId, id: 'con-okta', status: 'active' };
    case 'Invitation':
      return {
        type: 'Invitation',
        orgId,
        id: `inv-${targetId}`,
        accountId: targetId,
        spaceId,
        role: targetRole,
      };
  }
}

describe.each(Object.entries(table))('authorization matrix: %s', (_name, expected) => {
  const policy = createPolicy(expected.preset);
  const actorKinds = Object.keys(expected.may);
  const cases: Case[] = [];
  for (const actorKind of actorKinds) {
    for (const action of rosterActions) {
      const targets = [
        'self',
        ...actorKinds.filter((kind) => kind !== 'owner' || actorKind !== 'owner'),
      ];
      for (const target of targets) {
        for (const sameTenant of [true, false]) {
          for (const sameScope of [true, false]) {
            if (!sameScope && (target === 'self' || target === 'owner')) continue;
            if (target === 'self' && subjectOf[action] === 'Invitation') continue;
            // A new space or group has no target account: one case per tenant and scope.
            if (
              target !== 'self' &&
              (subjectOf[action] === 'Space' ||
                subjectOf[action] === 'Group' ||
                subjectOf[action] === 'Role' ||
                subjectOf[action] === 'OutboxMessage' ||
                subjectOf[action] === 'ProvisioningConnection')
            )
              continue;
            cases.push({ actorKind, target, action, sameTenant, sameScope });
          }
        }
      }
    }
  }

  it(`covers every actor role, action, target role, self, tenant and scope (${cases.length} cases)`, () => {
    expect(new Set(cases.map((c) => c.action)).size).toBe(rosterActions.length);
    const mismatches: string[] = [];
    let crossTenantAllows = 0;
    for (const c of cases) {
      const role = roleOf(expected, c.actorKind);
      const actorId = c.actorKind === 'owner' ? OWNER_ID : `acc-role-${role}`;
      const request: PolicyRequest = {
        actor: actor(actorId, [membership(actorId, role, HOME)], { plan: expected.plan }),
        action: c.action,
        subject: subjectFor(expected, c, actorId, role),
      };
      const decision = policy.check(request);
      const outcome = expectedOutcome(expected, c);
      if (!c.sameTenant && decision.allowed) crossTenantAllows++;
      const ok =
        outcome === 'allow'
          ? decision.allowed
          : !decision.allowed && reasons[outcome].test(decision.reason);
      if (!ok) {
        mismatches.push(
          `${c.actorKind} ${c.action} ${c.target} tenant=${c.sameTenant} scope=${c.sameScope}: expected ${outcome}, got ${JSON.stringify(decision)}`,
        );
      }
    }
    expect(crossTenantAllows).toBe(0);
    expect(mismatches).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Across spaces: one person holding several memberships (DESIGN §8, rules 1
// and 3, and restrictions). Each case compares the policy with itself on the
// same request without the other space, so the table above stays the truth
// and these cases check only what the second membership changes.
// ---------------------------------------------------------------------------

const MEMBERSHIP_ACTIONS: RosterAction[] = [
  'removeFromTeam',
  'changeRole',
  'setRestrictions',
  'assignGroups',
  'setManager',
  'reassignReports',
];

describe.each(Object.entries(table))(
  'authorization matrix across spaces: %s',
  (_name, expected) => {
    const policy = createPolicy(expected.preset);
    const lowest = expected.preset.roles.at(-1)?.name ?? '';
    const actorKinds = Object.keys(expected.may).filter((kind) => kind !== 'owner');
    const grantable = expected.preset.roles.filter((role) => !role.owner || role.shared);

    it('ranks a member by every role their account holds, not by the membership acted on', () => {
      const mismatches: string[] = [];
      let cases = 0;
      for (const actorKind of actorKinds) {
        const role = roleOf(expected, actorKind);
        const actorId = `acc-role-${role}`;
        const who = actor(actorId, [membership(actorId, role, HOME)], { plan: expected.plan });
        for (const other of grantable) {
          for (const action of MEMBERSHIP_ACTIONS) {
            cases++;
            const subject = (accountRoles: string[]): PolicySubject => ({
              type: 'Membership',
              orgId: ORG,
              id: 'm-target-home',
              accountId: 'acc-target',
              spaceId: HOME,
              state: 'member',
              role: lowest,
              managerId: null,
              accountRoles,
              grantedRole: lowest,
            });
            const alone = policy.check({ actor: who, action, subject: subject([lowest]) });
            const both = policy.check({
              actor: who,
              action,
              subject: subject([lowest, other.name]),
            });
            const higher = other.rank > rankOf(expected, actorKind);
            const ok = higher
              ? !both.allowed &&
                reasons.rank.test(both.reason) &&
                both.rank?.target === 'account' &&
                both.rank.targetRank === other.rank
              : JSON.stringify(both) === JSON.stringify(alone);
            if (!ok) {
              mismatches.push(
                `${actorKind} ${action} on ${lowest}+${other.name}: ${JSON.stringify(both)}`,
              );
            }
          }
        }
      }
      expect(cases).toBeGreaterThan(0);
      expect(mismatches).toEqual([]);
    });

    it('leaves the owner’s memberships outside the default space to the owner', () => {
      const mismatches: string[] = [];
      const ownerSubject = (action: RosterAction): PolicySubject => ({
        type: 'Membership',
        orgId: ORG,
        id: 'm-owner-elsewhere',
        accountId: OWNER_ID,
        spaceId: ELSEWHERE,
        state: action === 'addToTeam' ? 'account-only' : 'member',
        role: lowest,
        managerId: null,
        accountRoles: [expected.preset.ownerRole.name],
        grantedRole: lowest,
      });
      for (const actorKind of actorKinds) {
        const role = roleOf(expected, actorKind);
        const actorId = `acc-role-${role}`;
        const who = actor(actorId, [membership(actorId, role, HOME)], { plan: expected.plan });
        for (const action of ['addToTeam', ...MEMBERSHIP_ACTIONS.slice(0, 5)] as RosterAction[]) {
          const decision = policy.check({ actor: who, action, subject: ownerSubject(action) });
          if (decision.allowed || !reasons.owner.test(decision.reason)) {
            mismatches.push(
              `${actorKind} ${action} on the owner elsewhere: ${JSON.stringify(decision)}`,
            );
          }
        }
      }
      const owner = actor(OWNER_ID, [membership(OWNER_ID, expected.preset.ownerRole.name, HOME)], {
        plan: expected.plan,
      });
      for (const action of ['addToTeam', ...MEMBERSHIP_ACTIONS.slice(0, 4)] as RosterAction[]) {
        const decision = policy.check({ actor: owner, action, subject: ownerSubject(action) });
        if (!decision.allowed)
          mismatches.push(`the owner ${action} on themself elsewhere: ${JSON.stringify(decision)}`);
      }
      const manager = policy.check({
        actor: owner,
        action: 'setManager',
        subject: ownerSubject('setManager'),
      });
      if (manager.allowed || !reasons.self.test(manager.reason)) {
        mismatches.push(`the owner setManager on themself elsewhere: ${JSON.stringify(manager)}`);
      }
      expect(mismatches).toEqual([]);
    });

    it.runIf(Object.keys(expected.preset.restrictions).length > 0)(
      'limits a member by a restriction only in the restricted membership’s space',
      () => {
        const manager = expected.preset.roles.find(
          (role) => !role.owner && role.permissions.includes('manageUsers'),
        );
        if (manager === undefined) throw new Error('a preset with restrictions has a user manager');
        const mismatches: string[] = [];
        for (const [name, restriction] of Object.entries(expected.preset.restrictions)) {
          const actorId = 'acc-restricted';
          const restricted = actor(
            actorId,
            [
              membership(actorId, manager.name, HOME, { restrictions: [name] }),
              membership(actorId, manager.name, ELSEWHERE),
            ],
            { plan: expected.plan },
          );
          const free = actor(
            actorId,
            [membership(actorId, manager.name, HOME), membership(actorId, manager.name, ELSEWHERE)],
            { plan: expected.plan },
          );
          for (const action of restriction.denies) {
            const kind = subjectOf[action];
            if (kind !== 'Membership' && kind !== 'Invitation' && kind !== 'Account') continue;
            for (const spaceId of [HOME, ELSEWHERE]) {
              const subject: PolicySubject =
                kind === 'Account'
                  ? {
                      type: 'Account',
                      orgId: ORG,
                      id: 'acc-t',
                      memberships: [{ spaceId, role: lowest, state: 'member' }],
                    }
                  : kind === 'Invitation'
                    ? {
                        type: 'Invitation',
                        orgId: ORG,
                        id: 'inv-t',
                        accountId: 'acc-t',
                        spaceId,
                        role: lowest,
                      }
                    : {
                        type: 'Membership',
                        orgId: ORG,
                        id: 'm-t',
                        accountId: 'acc-t',
                        spaceId,
                        state: 'member',
                        role: lowest,
                        managerId: null,
                        accountRoles: [lowest],
                        grantedRole: lowest,
                      };
              const withIt = policy.check({ actor: restricted, action, subject });
              const without = policy.check({ actor: free, action, subject });
              const ok =
                spaceId === HOME
                  ? !withIt.allowed && withIt.reason.startsWith(`Restricted (${name})`)
                  : JSON.stringify(withIt) === JSON.stringify(without);
              if (!ok)
                mismatches.push(`${name} ${action} in ${spaceId}: ${JSON.stringify(withIt)}`);
            }
          }
        }
        expect(mismatches).toEqual([]);
      },
    );
  },
);
