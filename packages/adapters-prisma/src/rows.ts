import type {
  Account,
  Actor,
  AuditEvent,
  Group,
  Invitation,
  JsonValue,
  Membership,
  MembershipPeriod,
  Organization,
  OutboxMessage,
  Space,
} from '@rosterkit/core';
import { lowerText } from '@rosterkit/core/adapter';
import { searchKey } from './search-key.js';

// How each model is kept in its table, and read back. JSON values are stored
// as text, and dates inside them (membership periods) as ISO strings.

/** The stored shape of an account: the model plus its sort and search keys. @internal */
export interface AccountRow extends Omit<Account, 'profile'> {
  firstNameKey: string;
  lastNameKey: string;
  nameSearch: string;
  emailSearch: string;
  profileJson: string;
}

/** @internal */
export function accountToRow(account: Account): AccountRow {
  const { profile, ...rest } = account;
  return {
    ...rest,
    ...accountKeys(account.firstName, account.lastName),
    emailSearch: searchKey(account.email),
    profileJson: JSON.stringify(profile),
  };
}

/** The derived keys of a name, as `accounts.list` sorts and searches them (see search-key.ts). @internal */
export function accountKeys(
  firstName: string,
  lastName: string,
): Pick<AccountRow, 'firstNameKey' | 'lastNameKey' | 'nameSearch'> {
  return {
    firstNameKey: lowerText(firstName),
    lastNameKey: lowerText(lastName),
    nameSearch: searchKey(`${firstName} ${lastName}`),
  };
}

/** @internal */
export function accountFromRow(row: AccountRow): Account {
  return {
    id: row.id,
    orgId: row.orgId,
    email: row.email,
    externalId: row.externalId,
    firstName: row.firstName,
    lastName: row.lastName,
    status: row.status,
    profile: JSON.parse(row.profileJson) as Account['profile'],
    lastSeenAt: row.lastSeenAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** @internal */
export const organizationFromRow = (row: Organization): Organization => ({
  id: row.id,
  name: row.name,
  plan: row.plan,
  ownerId: row.ownerId,
  defaultSpaceId: row.defaultSpaceId,
  createdAt: row.createdAt,
  version: row.version,
});

/** @internal */
export const spaceFromRow = (row: Space): Space => ({
  id: row.id,
  orgId: row.orgId,
  name: row.name,
  isDefault: row.isDefault,
  createdAt: row.createdAt,
  version: row.version,
});

/** @internal */
export const groupFromRow = (row: Group): Group => ({
  id: row.id,
  orgId: row.orgId,
  spaceId: row.spaceId,
  name: row.name,
  kind: row.kind,
  createdAt: row.createdAt,
  version: row.version,
});

/** The stored shape of a membership (its groups are also rows of their own). @internal */
export interface MembershipRow
  extends Omit<Membership, 'restrictions' | 'groupIds' | 'periods' | 'state'> {
  state: string;
  restrictionsJson: string;
  groupIdsJson: string;
  periodsJson: string;
}

interface StoredPeriod {
  startedAt: string;
  endedAt: string | null;
  role: string;
}

/** @internal */
export function membershipToRow(membership: Membership): MembershipRow {
  const { restrictions, groupIds, periods, ...rest } = membership;
  const stored: StoredPeriod[] = periods.map((p) => ({
    startedAt: p.startedAt.toISOString(),
    endedAt: p.endedAt === null ? null : p.endedAt.toISOString(),
    role: p.role,
  }));
  return {
    ...rest,
    restrictionsJson: JSON.stringify(restrictions),
    groupIdsJson: JSON.stringify(groupIds),
    periodsJson: JSON.stringify(stored),
  };
}

/** @internal */
export function membershipFromRow(row: MembershipRow): Membership {
  const periods = (JSON.parse(row.periodsJson) as StoredPeriod[]).map(
    (p): MembershipPeriod => ({
      startedAt: new Date(p.startedAt),
      endedAt: p.endedAt === null ? null : new Date(p.endedAt),
      role: p.role,
    }),
  );
  return {
    id: row.id,
    orgId: row.orgId,
    accountId: row.accountId,
    spaceId: row.spaceId,
    state: row.state as Membership['state'],
    role: row.role,
    restrictions: JSON.parse(row.restrictionsJson) as string[],
    groupIds: JSON.parse(row.groupIdsJson) as string[],
    managerId: row.managerId,
    periods,
    version: row.version,
  };
}

/** The rows of a membership's groups. @internal */
export function membershipGroupRows(
  membership: Pick<Membership, 'id' | 'orgId' | 'groupIds'>,
): { membershipId: string; groupId: string; orgId: string }[] {
  return [...new Set(membership.groupIds)].map((groupId) => ({
    membershipId: membership.id,
    groupId,
    orgId: membership.orgId,
  }));
}

/** @internal */
export interface InvitationRow extends Omit<Invitation, 'groupIds' | 'restrictions'> {
  groupIdsJson: string;
  restrictionsJson: string;
}

/** @internal */
export function invitationToRow(invitation: Invitation): InvitationRow {
  const { groupIds, restrictions, ...rest } = invitation;
  return {
    ...rest,
    groupIdsJson: JSON.stringify(groupIds),
    restrictionsJson: JSON.stringify(restrictions),
  };
}

/** @internal */
export function invitationFromRow(row: InvitationRow): Invitation {
  return {
    id: row.id,
    orgId: row.orgId,
    accountId: row.accountId,
    spaceId: row.spaceId,
    email: row.email,
    role: row.role,
    groupIds: JSON.parse(row.groupIdsJson) as string[],
    restrictions: JSON.parse(row.restrictionsJson) as string[],
    managerId: row.managerId,
    invitedBy: row.invitedBy,
    tokenHash: row.tokenHash,
    status: row.status,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    version: row.version,
  };
}

/** @internal */
export interface AuditEventRow {
  id: string;
  orgId: string;
  actorJson: string | null;
  action: string;
  targetType: string;
  targetId: string;
  beforeJson: string | null;
  afterJson: string | null;
  at: Date;
}

const toJson = (value: JsonValue | null): string | null =>
  value === null ? null : JSON.stringify(value);
const fromJson = (text: string | null): JsonValue | null =>
  text === null ? null : (JSON.parse(text) as JsonValue);

/** @internal */
export function auditEventToRow(event: AuditEvent): AuditEventRow {
  return {
    id: event.id,
    orgId: event.orgId,
    actorJson: event.actor === null ? null : JSON.stringify(event.actor),
    action: event.action,
    targetType: event.target.type,
    targetId: event.target.id,
    beforeJson: toJson(event.before),
    afterJson: toJson(event.after),
    at: event.at,
  };
}

/** @internal */
export function auditEventFromRow(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    orgId: row.orgId,
    actor: row.actorJson === null ? null : (JSON.parse(row.actorJson) as Actor),
    action: row.action,
    target: { type: row.targetType as AuditEvent['target']['type'], id: row.targetId },
    before: fromJson(row.beforeJson),
    after: fromJson(row.afterJson),
    at: row.at,
  };
}

/** @internal */
export interface OutboxRow extends Omit<OutboxMessage, 'payload'> {
  payloadJson: string;
}

/** @internal */
export function outboxToRow(message: OutboxMessage): OutboxRow {
  const { payload, ...rest } = message;
  return { ...rest, payloadJson: JSON.stringify(payload) };
}

/** @internal */
export function outboxFromRow(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    orgId: row.orgId,
    topic: row.topic,
    payload: JSON.parse(row.payloadJson) as JsonValue,
    createdAt: row.createdAt,
    deliveredAt: row.deliveredAt,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    deadAt: row.deadAt,
    leaseId: row.leaseId,
  };
}
