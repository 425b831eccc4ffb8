// TEMPORARY: the rulesFor of before the split, to compare with; deleted once equal.
import { createMongoAbility, type MongoAbility } from '@casl/ability';
import {
  checkEmailUnchanged,
  checkOwnerProtection,
  checkRank,
  checkSelfAction,
  invalidInput,
  type Membership,
  type PolicyActor,
  type PolicySubject,
  type RosterAction,
} from '@rosterkit/core';
import { z } from 'zod';
import { permissionActions, permissionLabels } from '../src/permissions.js';
import {
  type RoleRule,
  type RoleRuleContext,
  type RuleAction,
  type RuleConditions,
  type RuleSubject,
  roleRuleSchema,
} from '../src/role-rule.js';
import type { Role, RoleSet } from '../src/role-set.js';

/** A CASL rule as rosterkit builds it: a {@link RoleRule} whose arrays are mutable, as CASL's raw rules are. */
export interface RosterRule {
  action: RuleAction | RuleAction[];
  subject: RuleSubject | RuleSubject[];
  conditions?: RuleConditions;
  fields?: string[];
  inverted?: boolean;
  reason?: string;
  /**
   * Set on the refusals of DESIGN rule 4: which rank they compare, the
   * target account's or the granted role's. {@link createPolicy} answers
   * them with the ranks, which core raises as `RANK_EXCEEDED`.
   */
  rank?: 'account' | 'role';
}

/**
 * The CASL ability rosterkit builds for an actor: MongoDB-style conditions,
 * subjects told apart by their `type` attribute.
 */
export type RosterAbility = MongoAbility<[RuleAction, RuleSubject | PolicySubject]>;

const ownFieldsDefault = ['firstName', 'lastName', 'profile.*'];

/** The reason each action is refused with when no rule allows it. */
const defaultReasons: Readonly<Record<RosterAction, string>> = (() => {
  const needs = (permission: keyof typeof permissionLabels, what: string) =>
    `Only roles with the “${permissionLabels[permission]}” permission may ${what}.`;
  return {
    read: 'You may not see this record.',
    renameOrganization: needs('manageOrganization', 'rename the organization'),
    changePlan: needs('manageOrganization', 'change the plan'),
    transferOwnership: 'Only the organization’s owner may transfer ownership.',
    deleteOrganization: 'Only the organization’s owner may delete the organization.',
    invite: needs('manageUsers', 'invite people'),
    resendInvitation: needs('manageUsers', 'resend invitations'),
    revokeInvitation: needs('manageUsers', 'revoke invitations'),
    updateProfile: needs('manageUsers', 'edit other people’s profiles'),
    deactivate: needs('manageUsers', 'deactivate accounts'),
    reactivate: needs('manageUsers', 'reactivate accounts'),
    requestPasswordReset: needs('manageUsers', 'send password resets to other people'),
    deleteOwnAccount:
      'An account is deleted only by its own user, or by deleting the organization; nobody deletes another person’s account.',
    addToTeam: needs('manageUsers', 'add people to the team'),
    removeFromTeam: needs('manageUsers', 'remove people from the team'),
    changeRole: needs('manageUsers', 'change roles'),
    setRestrictions: needs('manageUsers', 'change restrictions'),
    assignGroups: needs('manageGroups', 'assign groups'),
    setManager: `Only roles with the “${permissionLabels.manageUsers}” permission, or team leaders for their own reports, may set managers.`,
    reassignReports: `Only roles with the “${permissionLabels.manageUsers}” permission, or team leaders for their own reports, may reassign reports.`,
    createSpace: needs('manageOrganization', 'create spaces'),
    createGroup: needs('manageGroups', 'create groups'),
    viewStatistics: needs('viewStatistics', 'view statistics'),
  };
})();

/** @internal The reasons of the protective rules, exported for tests and docs. */
export const ruleReasons = {
  tenant: 'This belongs to another organization; nothing crosses organizations.',
  inactive: (status: string) => `Your account is ${status}; only active accounts may act.`,
  scope: 'You manage people only within the spaces where your role applies; this is outside them.',
  email: checkEmailUnchanged({ accountId: '-', email: 'a@b.co', patch: { email: 'c@d.co' } })
    ?.message as string,
  targetRank: checkRank({ actorRank: 0, targetRank: 1 })?.message as string,
  grantRank: checkRank({ actorRank: 0, grantedRank: 1 })?.message as string,
  owner: (action: string) =>
    checkOwnerProtection({
      accountId: '-',
      ownerId: '-',
      action,
      actorId: 'someone else',
      spaceId: 'elsewhere',
      defaultSpaceId: 'default',
    })?.message as string,
  self: (action: string) =>
    checkSelfAction({ actorId: '-', targetId: '-', action })?.message as string,
  deleteOthers: defaultReasons.deleteOwnAccount,
  ownField: 'Your role may not change this field of your own profile.',
  othersField: 'Your role may not change this field of other people’s profiles.',
  plan: (action: string, plans: readonly string[]) =>
    `“${action}” is available only on these plans: ${plans.join(', ')}.`,
  restricted: (name: string, description: string) => `Restricted (${name}): ${description}`,
} as const;

/** What the rules need to know about an actor, derived once per ability. */
interface Holding {
  readonly role: Role;
  /** `null`: across the organization. */
  readonly spaceIds: string[] | null;
  readonly heldIn: string[];
}

function scopeCondition(
  subject: 'Account' | 'Membership' | 'Invitation' | 'Group' | 'Space',
  spaceIds: readonly string[] | null,
): RuleConditions {
  if (spaceIds === null) return {};
  const list = [...spaceIds];
  switch (subject) {
    case 'Account':
      return { spaceIds: { $in: list } };
    case 'Space':
      return { id: { $in: list } };
    default:
      return { spaceId: { $in: list } };
  }
}

function validateCustom(rules: readonly RoleRule[], roleName: string): RosterRule[] {
  const parsed = z.array(roleRuleSchema).safeParse(rules);
  if (!parsed.success) throw invalidInput(`rules of role "${roleName}"`, parsed.error);
  return structuredClone(parsed.data) as RosterRule[];
}

/**
 * The CASL rules of an actor under a role set, lowest priority first (CASL
 * lets later rules override earlier ones). In order:
 *
 * 1. default refusals, one per action, carrying the reason a request gets when nothing allows it;
 * 2. what every active member may do: see the organization, their own account and
 *    memberships, the people, spaces and groups of their spaces; edit their own
 *    profile fields; request their own password reset; delete their own account;
 * 3. what each role's permissions allow, across the organization or, for
 *    space-scoped roles, only in the spaces where the actor holds the role;
 * 4. each role's own rules;
 * 5. the protections, each with its reason, later ones winning: plan gates,
 *    restrictions, scope, rank of the granted role, rank of the target, owner
 *    protection, the immutable email, no acting on one's own access, no
 *    deleting someone else's account, inactive actors, and last tenant isolation.
 *
 * @example
 * ```ts
 * import { createMongoAbility } from '@casl/ability';
 * import { presets, rulesFor } from '@rosterkit/policies';
 *
 * const rules = rulesFor(presets.contactCenter, actor);
 * const bare = createMongoAbility(rules, { detectSubjectType: (subject) => subject.type });
 * ```
 */
export function rulesFor(roleSet: RoleSet, actor: PolicyActor): RosterRule[] {
  const { account, organization } = actor;
  const me = account.id;
  const orgId = organization.id;
  const inOrg = { orgId };
  const rules: RosterRule[] = [];
  const can = (
    action: RuleAction | RuleAction[],
    subject: RuleSubject | RuleSubject[],
    conditions?: RuleConditions,
    fields?: string[],
  ) => {
    rules.push({
      action,
      subject,
      conditions: { ...inOrg, ...conditions },
      ...(fields === undefined ? {} : { fields }),
    });
  };
  const cannot = (
    action: RuleAction | RuleAction[],
    subject: RuleSubject | RuleSubject[],
    reason: string,
    conditions?: RuleConditions,
    fields?: string[],
    rank?: 'account' | 'role',
  ) => {
    rules.push({
      action,
      subject,
      inverted: true,
      reason,
      ...(conditions === undefined ? {} : { conditions }),
      ...(fields === undefined ? {} : { fields }),
      ...(rank === undefined ? {} : { rank }),
    });
  };

  // The actor's roles, where they hold them, and their rank.
  const memberships = actor.memberships.filter(
    (membership) => membership.state === 'member' && membership.orgId === orgId,
  );
  const memberSpaceIds = [...new Set(memberships.map((membership) => membership.spaceId))];
  const holdings = new Map<string, Holding>();
  for (const membership of memberships) {
    const role = roleSet.role(membership.role);
    if (role === undefined) continue;
    const holding = holdings.get(role.name) ?? {
      role,
      spaceIds: role.scope === 'organization' ? null : [],
      heldIn: [],
    };
    holding.spaceIds?.push(membership.spaceId);
    holding.heldIn.push(membership.spaceId);
    holdings.set(role.name, holding);
  }
  const rank = actorRank(roleSet, actor);
  const higherRoles = roleSet.roles.filter((role) => role.rank > rank).map((role) => role.name);
  const isOwner = organization.ownerId === me;

  // 1. Default refusals.
  const byReason = new Map<string, RosterAction[]>();
  for (const [action, reason] of Object.entries(defaultReasons) as [RosterAction, string][]) {
    byReason.set(reason, [...(byReason.get(reason) ?? []), action]);
  }
  for (const [reason, actions] of byReason) cannot(actions, 'all', reason);
  const managesUsers = [...holdings.values()].some((h) =>
    h.role.permissions.includes('manageUsers'),
  );
  if (managesUsers) {
    cannot('updateProfile', 'Account', ruleReasons.othersField, { id: { $ne: me } });
  }
  cannot('updateProfile', 'Account', ruleReasons.ownField, { id: me });

  // 2. What every member may do.
  can('read', 'Organization', { id: orgId });
  can('read', 'Account', { id: me });
  can('read', 'Membership', { accountId: me });
  if (memberSpaceIds.length > 0) {
    can('read', 'Account', scopeCondition('Account', memberSpaceIds));
    can('read', 'Membership', scopeCondition('Membership', memberSpaceIds));
    can('read', 'Space', scopeCondition('Space', memberSpaceIds));
    can('read', 'Group', scopeCondition('Group', memberSpaceIds));
  }
  const ownFields = [
    ...new Set(
      holdings.size === 0
        ? ownFieldsDefault
        : [...holdings.values()].flatMap((holding) => holding.role.profileFields.own),
    ),
  ];
  if (ownFields.length > 0) can('updateProfile', 'Account', { id: me }, ownFields);
  can(['requestPasswordReset', 'deleteOwnAccount'], 'Account', { id: me });

  // 3. Permissions, per role held.
  for (const { role, spaceIds } of holdings.values()) {
    const has = (permission: Parameters<RoleSet['hasPermission']>[1]) =>
      role.permissions.includes(permission);
    if (has('manageUsers')) {
      const others = [...role.profileFields.others];
      if (others.length > 0) {
        can('updateProfile', 'Account', scopeCondition('Account', spaceIds), others);
      }
      can(
        ['read', 'deactivate', 'reactivate', 'requestPasswordReset', 'reassignReports'],
        'Account',
        scopeCondition('Account', spaceIds),
      );
      can(
        ['read', ...permissionActions.manageUsers.filter((a) => membershipActions.has(a))],
        'Membership',
        scopeCondition('Membership', spaceIds),
      );
      can(
        ['read', 'invite', 'resendInvitation', 'revokeInvitation'],
        'Invitation',
        scopeCondition('Invitation', spaceIds),
      );
      can('read', 'Group', scopeCondition('Group', spaceIds));
      can('read', 'Space', scopeCondition('Space', spaceIds));
      if (spaceIds === null) can('read', 'AuditEvent');
    }
    if (has('manageTeam')) {
      can(['read', 'setManager', 'reassignReports'], 'Membership', { managerId: me });
      // Handing over one's own reports is asked of one's own account first.
      can('reassignReports', 'Account', { id: me });
    }
    if (has('manageGroups')) {
      can('assignGroups', 'Membership', scopeCondition('Membership', spaceIds));
      can('createGroup', 'Group', scopeCondition('Group', spaceIds));
      can('read', 'Group', scopeCondition('Group', spaceIds));
    }
    if (has('viewStatistics')) {
      can('viewStatistics', 'Organization', { id: orgId });
      can('viewStatistics', 'Account', scopeCondition('Account', spaceIds));
    }
    if (has('manageOrganization')) {
      can(['renameOrganization', 'changePlan'], 'Organization', { id: orgId });
      can('createSpace', 'Space', { orgId });
    }
    if (has('deleteOrganization') && isOwner) {
      can('deleteOrganization', 'Organization', { id: orgId });
    }
    if (has('transferOwnership') && isOwner) {
      can('transferOwnership', 'Organization', { id: orgId });
    }
  }

  // 4. The roles' own rules.
  for (const { role, heldIn } of holdings.values()) {
    const context: RoleRuleContext = {
      accountId: me,
      orgId,
      ownerId: organization.ownerId,
      plan: organization.plan,
      spaceIds: heldIn,
      memberSpaceIds,
      rank,
    };
    const custom = typeof role.rules === 'function' ? role.rules(context) : role.rules;
    rules.push(...validateCustom(custom, role.name));
  }

  // 5. Protections, later ones winning.
  for (const [action, plans] of Object.entries(roleSet.planGates) as [RosterAction, string[]][]) {
    if (!plans.includes(organization.plan)) cannot(action, 'all', ruleReasons.plan(action, plans));
  }
  restrictionRules(roleSet, organization.defaultSpaceId, memberships, cannot);
  const scopedOnly = (permission: 'manageUsers' | 'manageGroups') => {
    const granting = [...holdings.values()].filter((h) => h.role.permissions.includes(permission));
    return granting.length > 0 && granting.every((h) => h.spaceIds !== null)
      ? [...new Set(granting.flatMap((h) => h.spaceIds ?? []))]
      : null;
  };
  const userScope = scopedOnly('manageUsers');
  if (userScope !== null) {
    cannot(
      ['updateProfile', 'deactivate', 'reactivate', 'requestPasswordReset', 'reassignReports'],
      'Account',
      ruleReasons.scope,
      { spaceIds: { $nin: userScope } },
    );
    cannot(
      permissionActions.manageUsers.filter((a) => membershipActions.has(a)),
      'Membership',
      ruleReasons.scope,
      { spaceId: { $nin: userScope } },
    );
    cannot(['invite', 'resendInvitation', 'revokeInvitation'], 'Invitation', ruleReasons.scope, {
      spaceId: { $nin: userScope },
    });
  }
  const groupScope = scopedOnly('manageGroups');
  if (groupScope !== null) {
    cannot('assignGroups', 'Membership', ruleReasons.scope, { spaceId: { $nin: groupScope } });
    cannot('createGroup', 'Group', ruleReasons.scope, { spaceId: { $nin: groupScope } });
  }
  if (higherRoles.length > 0) {
    const higher = { $in: higherRoles };
    const granting = ['invite', 'resendInvitation', 'revokeInvitation'] as RuleAction[];
    cannot(granting, 'Invitation', ruleReasons.grantRank, { role: higher }, undefined, 'role');
    cannot('addToTeam', 'Membership', ruleReasons.grantRank, { role: higher }, undefined, 'role');
    cannot(
      'changeRole',
      'Membership',
      ruleReasons.grantRank,
      { grantedRole: higher },
      undefined,
      'role',
    );
    cannot(
      [
        'updateProfile',
        'deactivate',
        'reactivate',
        'requestPasswordReset',
        'viewStatistics',
        'reassignReports',
      ],
      'Account',
      ruleReasons.targetRank,
      { roles: higher },
      undefined,
      'account',
    );
    // DESIGN §8: a membership's account is ranked by every role it holds in
    // the organization, not only by this membership's.
    const onMembers: RuleAction[] = [
      'addToTeam',
      'removeFromTeam',
      'changeRole',
      'setRestrictions',
      'assignGroups',
      'setManager',
      'reassignReports',
    ];
    cannot(
      onMembers.slice(1),
      'Membership',
      ruleReasons.targetRank,
      { role: higher },
      undefined,
      'account',
    );
    cannot(
      onMembers,
      'Membership',
      ruleReasons.targetRank,
      { accountRoles: higher },
      undefined,
      'account',
    );
  }
  const ownerId = organization.ownerId;
  const defaultSpaceId = organization.defaultSpaceId;
  for (const action of ['deactivate', 'deleteOwnAccount'] as const) {
    cannot(action, 'Account', ruleReasons.owner(action), { id: ownerId });
  }
  // Rule 1: the owner's membership of the default space is fixed; elsewhere
  // the owner's memberships are the owner's alone to manage.
  if (!isOwner) {
    for (const action of [
      'removeFromTeam',
      'changeRole',
      'setRestrictions',
      'addToTeam',
      'setManager',
    ] as const) {
      cannot(action, 'Membership', ruleReasons.owner(action), { accountId: ownerId });
    }
    cannot('assignGroups', 'Membership', ruleReasons.owner('assignGroups'), {
      accountId: ownerId,
      spaceId: { $ne: defaultSpaceId },
    });
  }
  cannot('updateProfile', 'Account', ruleReasons.email, undefined, ['email']);
  for (const action of ['deactivate', 'reactivate'] as const) {
    cannot(action, 'Account', ruleReasons.self(action), { id: me });
  }
  // Rule 3, with the owner's one exception outside the default space.
  const ownAccess = isOwner ? { accountId: me, spaceId: defaultSpaceId } : { accountId: me };
  for (const action of [
    'changeRole',
    'setRestrictions',
    'addToTeam',
    'removeFromTeam',
    'assignGroups',
  ] as const) {
    cannot(action, 'Membership', ruleReasons.self(action), ownAccess);
  }
  cannot('setManager', 'Membership', ruleReasons.self('setManager'), { accountId: me });
  cannot('deleteOwnAccount', 'Account', ruleReasons.deleteOthers, { id: { $ne: me } });
  if (account.status !== 'active' || account.orgId !== orgId) {
    cannot('manage', 'all', ruleReasons.inactive(account.status));
  }
  cannot('manage', 'all', ruleReasons.tenant, { orgId: { $ne: orgId } });
  return rules;
}

const membershipActions: ReadonlySet<RosterAction> = new Set([
  'addToTeam',
  'removeFromTeam',
  'changeRole',
  'setRestrictions',
  'setManager',
  'reassignReports',
  'assignGroups',
]);

/** CASL options of every rosterkit ability: subjects carry their kind in `type`. */
export const abilityOptions = {
  detectSubjectType: (subject: PolicySubject) => subject.type,
} as const;

/**
 * Builds the CASL ability of an actor under a role set, from {@link rulesFor}.
 * Subjects are plain objects with a `type` (a {@link @rosterkit/core!PolicySubject});
 * pass account subjects through {@link toAbilitySubject} so rank and scope rules see their roles and spaces.
 * {@link createPolicy} caches these; call this directly for CASL's own helpers.
 *
 * @example
 * ```ts
 * import { defineAbilityFor, presets } from '@rosterkit/policies';
 *
 * const ability = defineAbilityFor(presets.contactCenter, actor);
 * ability.can('invite', { type: 'Invitation', orgId: actor.organization.id, spaceId, role: 'agent' });
 * ```
 */
export function defineAbilityFor(roleSet: RoleSet, actor: PolicyActor): RosterAbility {
  return createMongoAbility<RosterAbility>(
    rulesFor(roleSet, actor) as never,
    abilityOptions as never,
  );
}

/**
 * The rank of an actor under a role set: the highest rank among the roles of
 * their current memberships of their organization (DESIGN §8: ranks compare
 * account to account); -1 for an actor who holds none.
 *
 * @example
 * ```ts
 * import { actorRank, presets } from '@rosterkit/policies';
 * actorRank(presets.multiSite, actor); // 100 for a super admin
 * ```
 */
export function actorRank(roleSet: RoleSet, actor: PolicyActor): number {
  let rank = -1;
  for (const membership of actor.memberships) {
    if (membership.state !== 'member' || membership.orgId !== actor.organization.id) continue;
    rank = Math.max(rank, roleSet.role(membership.role)?.rank ?? -1);
  }
  return rank;
}

type Cannot = (
  action: RuleAction | RuleAction[],
  subject: RuleSubject | RuleSubject[],
  reason: string,
  conditions?: RuleConditions,
) => void;

/**
 * A membership's restrictions limit its holder in that membership's space
 * only: on the memberships, invitations and groups of the space, the space
 * itself, and the accounts that are in it but in none of the holder's spaces
 * where they may still take the action. The default space is where
 * organization-wide roles are held, so its restrictions also reach the
 * organization and accounts in no space at all. An unrestricted
 * organization-wide role that grants the action keeps it on accounts.
 */
function restrictionRules(
  roleSet: RoleSet,
  defaultSpaceId: string,
  memberships: readonly Membership[],
  cannot: Cannot,
): void {
  const denying = (membership: Membership, action: RosterAction) =>
    membership.restrictions.find((name) => roleSet.restrictions[name]?.denies.includes(action));
  const grants = (membership: Membership, action: RosterAction) =>
    roleSet
      .role(membership.role)
      ?.permissions.some((permission) => permissionActions[permission].includes(action)) ?? false;
  const actions = new Set(
    memberships.flatMap((m) =>
      m.restrictions.flatMap((n) => roleSet.restrictions[n]?.denies ?? []),
    ),
  );
  for (const action of actions) {
    const restricted = memberships.filter((m) => denying(m, action) !== undefined);
    for (const membership of restricted) {
      const name = denying(membership, action) as string;
      const reason = ruleReasons.restricted(name, roleSet.restrictions[name]?.description ?? name);
      cannot(action, ['Membership', 'Invitation', 'Group'], reason, {
        spaceId: membership.spaceId,
      });
      cannot(action, 'Space', reason, { id: membership.spaceId });
    }
    const free = memberships.filter((m) => denying(m, action) === undefined && grants(m, action));
    if (free.some((m) => roleSet.role(m.role)?.scope === 'organization')) continue;
    const freeSpaces = free.map((m) => m.spaceId);
    const first = restricted[0];
    if (first === undefined) continue;
    const name = denying(first, action) as string;
    const reason = ruleReasons.restricted(name, roleSet.restrictions[name]?.description ?? name);
    const inDefault = restricted.some((m) => m.spaceId === defaultSpaceId);
    if (inDefault) cannot(action, ['Organization', 'AuditEvent'], reason);
    cannot(
      action,
      'Account',
      reason,
      inDefault
        ? { spaceIds: { $nin: freeSpaces } }
        : { spaceIds: { $in: restricted.map((m) => m.spaceId), $nin: freeSpaces } },
    );
  }
}
