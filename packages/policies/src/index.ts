export { toAbilitySubject } from './ability-subject.js';
export { abilityOptions, defineAbilityFor } from './define-ability.js';
export { describeRoleSet } from './describe-role-set.js';
export type { Permission } from './permissions.js';
export { permissionActions, permissionLabels, permissions } from './permissions.js';
export type { PolicyOptions, RosterPolicy } from './policy.js';
export { createPolicy } from './policy.js';
export { presets } from './presets.js';
export { provisionerRole } from './provisioner-role.js';
export { toReadFilter } from './read-filter.js';
export type {
  ConditionOperators,
  ConditionValue,
  RoleRule,
  RoleRuleContext,
  RoleRules,
  RuleAction,
  RuleConditions,
  RuleSubject,
} from './role-rule.js';
export { subjectTypes } from './role-rule.js';
export type {
  ProfileFieldAccess,
  RestrictionDefinition,
  Role,
  RoleDefinition,
  RoleScope,
  RoleSet,
  RoleSetDefinition,
} from './role-set.js';
export { defineRoleSet } from './role-set.js';
export { actorRank } from './rules/actor-facts.js';
export type { RosterAbility, RosterRule } from './rules/roster-rule.js';
export { rulesFor } from './rules-for.js';
export { withStoredRoles } from './stored-role-set.js';
