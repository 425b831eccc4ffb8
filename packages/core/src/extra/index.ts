/**
 * `@rosterkit/core/extra`: the building blocks beneath the commands, for
 * those who build on rosterkit rather than call it: the rules of DESIGN §4
 * as pure checkers, the lifecycle machines' guards, the zod schemas of every
 * command's input (for an HTTP layer's validation or a JSON Schema), the
 * model-building helpers, and the docs tooling that draws the machines. A
 * host calling the commands needs none of it: the root entry is what a host
 * calls. (Like CASL's `/extra`.)
 *
 * @packageDocumentation
 */
export type { LifecycleContext } from '../machines/lifecycle-context.js';
export { lifecycleGuards } from '../machines/lifecycle-context.js';
export { toMarkdownTable, toMermaid } from '../machines/to-mermaid.js';
export { defineModel, invalidInput } from '../model/define-model.js';
export { FindAccountInput, HistoryInput, LinkExternalIdInput } from '../roster/account-inputs.js';
export { DeadOutboxPageInput } from '../roster/commands/outbox-admin.js';
export {
  CreateProvisioningConnectionInput,
  ProvisioningConnectionRef,
  UpdateProvisioningConnectionInput,
} from '../roster/commands/provisioning-connections.js';
export { RetryDeadOutboxMessageInput } from '../roster/delivery/retry-dead.js';
export {
  AcceptInvitationInput,
  AccountRef,
  AddToTeamInput,
  AssignGroupsInput,
  ChangeRoleInput,
  DeactivateInput,
  DeleteOwnAccountInput,
  InvitationRef,
  InviteInput,
  ListAccountsInput,
  PresenceInput,
  ReactivateInput,
  ReassignReportsInput,
  RemoveFromTeamInput,
  SetManagerInput,
  SetRestrictionsInput,
  UpdateProfileInput,
} from '../roster/inputs.js';
export {
  ChangePlanInput,
  CreateGroupInput,
  CreateOrganizationInput,
  CreateSpaceInput,
  DeleteOrganizationInput,
  RenameOrganizationInput,
  TransferOwnershipInput,
} from '../roster/organization-inputs.js';
export {
  ListProvisionedGroupsInput,
  ProvisionedGroupRef,
  ProvisionGroupInput,
  UpdateProvisionedGroupInput,
} from '../roster/provisioning/group-inputs.js';
export {
  ListProvisionedUsersInput,
  ProvisionedUserRef,
  ProvisionUserInput,
  UpdateProvisionedUserInput,
} from '../roster/provisioning/user-inputs.js';
export {
  CanInput,
  CanSubject,
  DefineRoleInput,
  RoleRef,
  UpdateRoleInput,
} from '../roster/role-inputs.js';
export {
  DeclineInvitationInput,
  DeleteGroupInput,
  DeleteSpaceInput,
  ListGroupsInput,
  ListInvitationsInput,
  RenameGroupInput,
  RenameSpaceInput,
} from '../roster/structure-inputs.js';
export type { ReportMove } from '../rules/direct-reports.js';
export {
  checkDirectReports,
  planReassignment,
  ReportReassignment,
} from '../rules/direct-reports.js';
export { checkEmailUnchanged } from '../rules/email-immutability.js';
export type { OwnerProtectedAction } from '../rules/owner-protection.js';
export {
  checkOwnerProtection,
  checkOwnerRoleGrant,
  checkOwnershipTransfer,
  ownerManagedActions,
  ownerProtectedActions,
} from '../rules/owner-protection.js';
export type { ProfileSnapshot } from '../rules/profile-completeness.js';
export { checkProfileComplete, missingProfileFields } from '../rules/profile-completeness.js';
export { checkRank } from '../rules/rank.js';
export type { SelfProtectedAction } from '../rules/self-action.js';
export { checkSelfAction, selfProtectedActions } from '../rules/self-action.js';
