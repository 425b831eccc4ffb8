import { z } from 'zod';
import { defineModel, type Model } from './define-model.js';
import { RoleName } from './membership.js';
import { Id, Timestamp, Version } from './primitives.js';
import type { Assert, Equals } from './type-equals.js';

/**
 * What a provisioning connection does with a user its identity provider
 * creates: `activate` (the account is active at once) or `invite` (an
 * invitation is sent, and the account is pending until it is accepted).
 */
export const ProvisioningOnCreate: Model<ProvisioningOnCreate> = defineModel(
  'provisioning onCreate',
  z.enum(['activate', 'invite']),
);
/** `activate` or `invite`. See {@link ProvisioningOnCreate}. */
export type ProvisioningOnCreate = 'activate' | 'invite';

/** Whether a connection's token is accepted: `active`, or `revoked` for good. */
export const ProvisioningConnectionStatus: Model<ProvisioningConnectionStatus> = defineModel(
  'provisioning connection status',
  z.enum(['active', 'revoked']),
);
/** `active` or `revoked`. See {@link ProvisioningConnectionStatus}. */
export type ProvisioningConnectionStatus = 'active' | 'revoked';

/**
 * A hex SHA-256 digest (64 lower-case hex digits): how a connection's bearer
 * token is stored. The token itself is shown once and never stored.
 */
export const TokenHash = defineModel(
  'token hash',
  z.string().regex(/^[0-9a-f]{64}$/, 'Must be a hex SHA-256 digest (64 lower-case hex digits)'),
);

const schema = z.object({
  id: Id.schema,
  orgId: Id.schema,
  /** How admins know the connection ("Okta", "Entra ID"): 1 to 100 characters. */
  name: z.string().trim().min(1, 'Must not be empty').max(100),
  /** The space the users it provisions join. */
  spaceId: Id.schema,
  /** The role a provisioned user gets unless a group of theirs maps to another. */
  defaultRole: RoleName.schema,
  onCreate: ProvisioningOnCreate.schema,
  /** SCIM group (a rosterkit group id) → role name. */
  groupRoles: z.record(Id.schema, RoleName.schema),
  status: ProvisioningConnectionStatus.schema,
  tokenHash: TokenHash.schema,
  /** The token's last 4 characters, to tell tokens apart in a UI. */
  tokenHint: z.string().min(1).max(4),
  version: Version.schema,
  createdAt: Timestamp.schema,
  updatedAt: Timestamp.schema,
  lastUsedAt: Timestamp.schema.nullable(),
});

/**
 * An identity provider's SCIM connection to one organization (DESIGN §8,
 * SCIM 2.0): where the users it provisions go (a space, a default role,
 * roles by group), whether they are activated or invited, and the hash of
 * the bearer token it authenticates with, which is unique across every
 * organization (the token is what identifies the connection).
 *
 * @category Model
 */
export const ProvisioningConnection: Model<ProvisioningConnection> = defineModel(
  'ProvisioningConnection',
  schema,
);
/**
 * An identity provider's SCIM connection. See {@link ProvisioningConnection}.
 *
 * @category Model
 */
export interface ProvisioningConnection {
  id: string;
  orgId: string;
  /** How admins know the connection: 1 to 100 characters. */
  name: string;
  /** The space the users it provisions join. */
  spaceId: string;
  /** The role (a name) a provisioned user gets unless a group maps to another. */
  defaultRole: string;
  onCreate: ProvisioningOnCreate;
  /** SCIM group (a rosterkit group id) → role name. */
  groupRoles: Record<string, string>;
  status: ProvisioningConnectionStatus;
  /** Hex SHA-256 of the bearer token; unique across every organization. */
  tokenHash: string;
  /** The token's last 4 characters. */
  tokenHint: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** When the identity provider last called with the token, or `null` if never. */
  lastUsedAt: Date | null;
}

type _ConnectionMatchesSchema = Assert<Equals<z.output<typeof schema>, ProvisioningConnection>>;
