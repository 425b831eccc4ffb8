/**
 * `@rosterkit/core`: what a host calls: `createRoster` and its commands, the
 * model, the lifecycle machines, typed errors, and the ports a host wires
 * (`Store`, `Policy`, `Clock`, `IdGenerator`). Beside it, on their own pages:
 * `@rosterkit/core/adapter` (the kit a storage adapter is built on),
 * `@rosterkit/core/extra` (the rules as pure checkers, the machines' guards,
 * the commands' input schemas, docs tooling) and `@rosterkit/core/errors`
 * (the error class alone, without zod).
 *
 * @packageDocumentation
 * @mergeModuleWith <project>
 */
// The same modules as the light `@rosterkit/core/errors` entry, so both hand out one class.
export type { InputIssue, RosterErrorCode, RosterErrorDetailsMap } from './errors/index.js';
export { errorCodes, RosterError } from './errors/index.js';
export type {
  AccountContext,
  AccountEffect,
  AccountEvent,
  AccountMachineTable,
  AccountState,
} from './machines/account-machine.js';
export { accountMachine } from './machines/account-machine.js';
export type {
  EffectOf,
  EventOf,
  Guard,
  GuardOf,
  Machine,
  MachineTable,
  StateOf,
  StateSpec,
  TransitionResult,
  TransitionSpec,
} from './machines/machine.js';
export { can, defineMachine, transition } from './machines/machine.js';
export type {
  MembershipContext,
  MembershipEffect,
  MembershipEvent,
  MembershipLifecycleState,
  MembershipMachineTable,
} from './machines/membership-machine.js';
export { membershipMachine } from './machines/membership-machine.js';
export {
  Account,
  AccountStatus,
  accountFieldNames,
  ProfileFields,
  ProfileKey,
  profileFieldName,
} from './model/account.js';
export { AccountActor, Actor, isProvisioner, ProvisionerActor } from './model/actor.js';
export { AuditEvent, SubjectType } from './model/audit-event.js';
export type { Model, ModelInput } from './model/define-model.js';
export { Group } from './model/group.js';
export { Invitation, InvitationStatus } from './model/invitation.js';
export { JsonObject, JsonValue } from './model/json-value.js';
export type { LinkFilterAttribute, LinkFilterOperator } from './model/link-filter.js';
export { LinkFilter, linkFilterAttributes, linkFilterOperators } from './model/link-filter.js';
export {
  Membership,
  MembershipPeriod,
  MembershipState,
  Restrictions,
  RoleName,
} from './model/membership.js';
export { normalizeEmail } from './model/normalize-email.js';
export { Organization } from './model/organization.js';
export { OutboxMessage, outboxErrorMaxLength } from './model/outbox-message.js';
export { Email, ExternalId, Id, PersonName, Timestamp, Version } from './model/primitives.js';
export {
  ProvisioningConnection,
  ProvisioningConnectionStatus,
  ProvisioningOnCreate,
  TokenHash,
} from './model/provisioning-connection.js';
export { ProvisioningLink, ProvisioningResourceType } from './model/provisioning-link.js';
export { Space } from './model/space.js';
export type { OrganizationRoles } from './model/stored-role.js';
export { StoredRole } from './model/stored-role.js';
export type { Clock } from './ports/clock.js';
export { systemClock } from './ports/clock.js';
export type { IdGenerator, IdKind } from './ports/id-generator.js';
export { uuidIdGenerator } from './ports/id-generator.js';
export type {
  AccountPolicyActor,
  Policy,
  PolicyActor,
  PolicyAnyRequest,
  PolicyDecision,
  PolicyRequest,
  PolicySubject,
  ProvisionerPolicyActor,
  RosterAction,
} from './ports/policy.js';
export { actingId, isProvisionerActor, rosterActions } from './ports/policy.js';
export type { FieldFilter, FilterOperator, FilterScalar, ReadFilter } from './ports/read-filter.js';
export { filterOperators, matchAll, matchesFilter, matchNothing } from './ports/read-filter.js';
export type { RoleCatalog } from './ports/role-catalog.js';
export type {
  AccountListQuery,
  AccountRepository,
  AccountRows,
  AccountSort,
  ActorRows,
  ActorRowsOptions,
  AuditEventRepository,
  AuditListQuery,
  GroupMemberLink,
  GroupRepository,
  InvitationListQuery,
  InvitationListStatus,
  InvitationRepository,
  LinkListPage,
  LinkListQuery,
  ListPage,
  MembershipRepository,
  NativeTransaction,
  OrganizationRepository,
  OutboxClaim,
  OutboxDeadQuery,
  OutboxFailure,
  OutboxRepository,
  Page,
  ProvisioningRepository,
  RoleHolders,
  RoleRepository,
  SeatCount,
  SpaceRepository,
  Store,
  StoreTransaction,
  TenantRepository,
  TotalMode,
  TransactionOptions,
} from './ports/store.js';
export type {
  FindAccountInput,
  HistoryInput,
  LinkExternalIdInput,
} from './roster/account-inputs.js';
export type { ActorApi } from './roster/actor-api.js';
export type { AuthenticatedProvisioner } from './roster/authenticate-provisioner.js';
export type {
  BulkImportOptions,
  BulkInvitation,
  BulkOptions,
  BulkProgress,
  BulkReport,
  BulkRowReport,
} from './roster/bulk/bulk-report.js';
export { BulkRowStatus } from './roster/bulk/bulk-report.js';
export { BulkImportRow, BulkUpdateRow } from './roster/bulk/bulk-rows.js';
export type { AcceptedInvitation } from './roster/commands/accept-invitation.js';
export type { CreatedOrganization } from './roster/commands/create-organization.js';
export type { DeletedSpace } from './roster/commands/delete-space.js';
export type { FoundAccount } from './roster/commands/find-account.js';
export type { AccountHistory } from './roster/commands/history.js';
export type { ListedInvitation } from './roster/commands/invitation-list.js';
export type { IssuedInvitation } from './roster/commands/invitations.js';
export type { ActorPermissions } from './roster/commands/may.js';
export type { DeletedOrganization } from './roster/commands/organization.js';
export type { DeadOutboxPageInput } from './roster/commands/outbox-admin.js';
export type {
  CreateProvisioningConnectionInput,
  IssuedProvisioningToken,
  ProvisioningConnectionRef,
  ProvisioningConnectionView,
  UpdateProvisioningConnectionInput,
} from './roster/commands/provisioning-connections.js';
export type {
  AccountWithMemberships,
  Presence,
  PresenceStatus,
} from './roster/commands/queries.js';
export type { RoleList } from './roster/commands/roles.js';
export type { GroupWithMemberCount } from './roster/commands/structure-reads.js';
export { createRoster } from './roster/create-roster.js';
export type { AfterCommitHook } from './roster/delivery/after-commit.js';
export type {
  InvitationDelivery,
  OrganizationDeletedDelivery,
  OutboxHandlerContext,
  OutboxHandlers,
  OutboxTopics,
  OwnerProtectedDelivery,
  PasswordResetDelivery,
  ReportsUnassignedDelivery,
  SessionsRevokeDelivery,
} from './roster/delivery/outbox-topics.js';
export { startOutboxWorker } from './roster/delivery/outbox-worker.js';
export type {
  OutboxWorker,
  OutboxWorkerEvent,
  OutboxWorkerOptions,
} from './roster/delivery/outbox-worker-options.js';
export type { RetryDeadOutboxMessageInput } from './roster/delivery/retry-dead.js';
export type {
  DrainOutboxOptions,
  DrainOutboxResult,
  ListDeadOutboxMessagesInput,
} from './roster/drain-outbox.js';
export type {
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
  ListInput,
  PresenceInput,
  ReactivateInput,
  ReassignReportsInput,
  RemoveFromTeamInput,
  SetManagerInput,
  SetRestrictionsInput,
  UpdateProfileInput,
} from './roster/inputs.js';
export type { InvitationKey, InvitationKeys } from './roster/invitation-keys.js';
export type {
  ChangePlanInput,
  CreateGroupInput,
  CreateOrganizationInput,
  CreateSpaceInput,
  DeleteOrganizationInput,
  RenameOrganizationInput,
  TransferOwnershipInput,
} from './roster/organization-inputs.js';
export type { ExponentialBackoffOptions, OutboxBackoff } from './roster/outbox-backoff.js';
export { exponentialBackoff, outboxBackoffMaxMs } from './roster/outbox-backoff.js';
export type { ProfileLimits } from './roster/profile-limits.js';
export type {
  ListProvisionedGroupsInput,
  ProvisionedGroupRef,
  ProvisionGroupInput,
  UpdateProvisionedGroupInput,
} from './roster/provisioning/group-inputs.js';
export type {
  ProvisionedGroup,
  ProvisionedGroupPage,
} from './roster/provisioning/provisioned-group.js';
export type { ProvisionedGroupsApi } from './roster/provisioning/provisioned-groups-api.js';
export type {
  ProvisionedUser,
  ProvisionedUserCreated,
  ProvisionedUserPage,
} from './roster/provisioning/provisioned-user.js';
export type { ProvisionedUsersApi } from './roster/provisioning/provisioned-users-api.js';
export type {
  ListProvisionedUsersInput,
  ProvisionedUserRef,
  ProvisionUserInput,
  UpdateProvisionedUserInput,
} from './roster/provisioning/user-inputs.js';
export type {
  CanSubject,
  DefineRoleInput,
  RoleRef,
  UpdateRoleInput,
} from './roster/role-inputs.js';
export type { Roster } from './roster/roster.js';
export type {
  Departure,
  DepartureReason,
  ResourceHandler,
  RosterOptions,
} from './roster/roster-options.js';
export { roleCanManageTeam, teamManagementPermissions } from './roster/roster-options.js';
export type { SeatLimits, SeatLimitsByPlan } from './roster/seat-limits.js';
export type {
  DeclineInvitationInput,
  DeleteGroupInput,
  DeleteSpaceInput,
  ListGroupsInput,
  ListInvitationsInput,
  RenameGroupInput,
  RenameSpaceInput,
} from './roster/structure-inputs.js';
export type { ReportReassignment } from './rules/direct-reports.js';
