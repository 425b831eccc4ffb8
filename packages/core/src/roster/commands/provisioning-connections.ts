import { z } from 'zod';
import { RosterError } from '../../errors/roster-error.js';
import { defineModel, type ModelInput } from '../../model/define-model.js';
import { RoleName } from '../../model/membership.js';
import { Id } from '../../model/primitives.js';
import {
  type ProvisioningConnection,
  ProvisioningOnCreate,
} from '../../model/provisioning-connection.js';
import { requireAccountActor } from '../account-actor.js';
import { audit } from '../audit.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { checkExpectedVersion, expectedVersion } from '../expected-version.js';
import { notFound } from '../not-found.js';
import { invitationSubject } from '../policy-subjects.js';
import { checkRoleGrantable } from '../protections.js';
import { hashProvisioningToken, newProvisioningToken, tokenHintOf } from '../provisioning-token.js';
import { loadSpace } from './structure-changes.js';

// An organization's SCIM provisioning connections (DESIGN §8, SCIM 2.0), for
// its admins: created with a bearer token shown once, rotated, changed and
// revoked, each asked of the Policy as `manageProvisioning` and audited
// without the token's hash. A provisioning connection never manages
// connections, its own or others' (it would mint itself tokens).

/** At most this many SCIM groups mapped to roles on one connection. */
const maxGroupRoles = 500;

const connectionName = z.string().trim().min(1, 'Must not be empty').max(100);
const groupRoles = z
  .record(Id.schema, RoleName.schema)
  .refine((roles) => Object.keys(roles).length <= maxGroupRoles, {
    message: `At most ${maxGroupRoles} groups`,
  });

/** Input of `createProvisioningConnection`. */
export const CreateProvisioningConnectionInput = defineModel(
  'createProvisioningConnection input',
  z.strictObject({
    /** How admins know it ("Okta", "Entra ID"): 1 to 100 characters. */
    name: connectionName,
    /** The space the users it provisions join. @default the organization's default space */
    spaceId: Id.schema.optional(),
    /** The role a provisioned user gets unless one of their groups maps to another. */
    defaultRole: RoleName.schema,
    /** `activate` (active at once) or `invite` (an invitation is sent). @default 'activate' */
    onCreate: ProvisioningOnCreate.schema.default('activate'),
    /** A group of the space (its id) → the role its members get. @default {} */
    groupRoles: groupRoles.default({}),
  }),
);
/** What `createProvisioningConnection` takes, as a caller writes it. */
export type CreateProvisioningConnectionInput = ModelInput<
  typeof CreateProvisioningConnectionInput
>;

/** Input of `updateProvisioningConnection`: the fields to change, the others kept. */
export const UpdateProvisioningConnectionInput = defineModel(
  'updateProvisioningConnection input',
  z.strictObject({
    connectionId: Id.schema,
    ...expectedVersion,
    name: connectionName.optional(),
    spaceId: Id.schema.optional(),
    defaultRole: RoleName.schema.optional(),
    onCreate: ProvisioningOnCreate.schema.optional(),
    /** Replaces the whole mapping. */
    groupRoles: groupRoles.optional(),
  }),
);
/** What `updateProvisioningConnection` takes, as a caller writes it. */
export type UpdateProvisioningConnectionInput = ModelInput<
  typeof UpdateProvisioningConnectionInput
>;

/** Input of `rotateProvisioningToken` and `revokeProvisioningConnection`: the connection, and the version read. */
export const ProvisioningConnectionRef = defineModel(
  'provisioning connection reference',
  z.strictObject({ connectionId: Id.schema, ...expectedVersion }),
);
/** What `rotateProvisioningToken` and `revokeProvisioningConnection` take. */
export type ProvisioningConnectionRef = ModelInput<typeof ProvisioningConnectionRef>;

/**
 * A provisioning connection as the actor's calls return it: everything but
 * `tokenHash` (the hash is the store's to look tokens up by; nobody reading
 * connections needs it, and a hash of a 256-bit token is still not a thing
 * to hand around). `tokenHint` tells tokens apart.
 */
export type ProvisioningConnectionView = Omit<ProvisioningConnection, 'tokenHash'>;

/** What `createProvisioningConnection` and `rotateProvisioningToken` return. */
export interface IssuedProvisioningToken {
  /** The connection as stored, without its token hash. */
  readonly connection: ProvisioningConnectionView;
  /** The bearer token for the identity provider: shown here once, never stored. */
  readonly token: string;
}

/** The view of a connection: also what its audit events keep. @internal */
export function connectionView(connection: ProvisioningConnection): ProvisioningConnectionView {
  const { tokenHash: _tokenHash, ...view } = connection;
  return view;
}

const subjectOf = (connection: ProvisioningConnection) => ({
  ...connectionView(connection),
  type: 'ProvisioningConnection' as const,
});

/**
 * What a connection will do must be within its creator's own authority: the
 * space exists, each group is one of its groups, and every role it grants
 * (default and by group) is one the actor could invite with into that space
 * (the role known and not the owner's, then the Policy's `invite` with its
 * rank rule): a connection acts above every admin, so an admin could
 * otherwise grant through it what they may not grant themselves.
 */
async function checkGrants(
  ctx: ActorContext,
  spaceId: string,
  defaultRole: string,
  roles: Readonly<Record<string, string>>,
): Promise<void> {
  await loadSpace(ctx, spaceId);
  const groupIds = Object.keys(roles);
  if (groupIds.length > 0) {
    const groups = await ctx.tx.groups.getMany(ctx.actor.organization.id, groupIds);
    for (const id of groupIds) {
      if (!groups.some((group) => group.id === id && group.spaceId === spaceId))
        throw notFound('Group', id);
    }
  }
  const granted: [string, (string | number)[]][] = [
    [defaultRole, ['defaultRole']],
    ...Object.entries(roles).map(([id, role]): [string, string[]] => [role, ['groupRoles', id]]),
  ];
  for (const [role, path] of granted) checkRoleGrantable(ctx, role, path);
  for (const role of new Set(granted.map(([role]) => role))) {
    await authorize(ctx, 'invite', invitationSubject(ctx.actor.organization.id, spaceId, role));
  }
}

async function loadConnection(
  ctx: ActorContext,
  action: string,
  connectionId: string,
  version: number | undefined,
): Promise<ProvisioningConnection> {
  const connection = await ctx.tx.provisioning.getConnection(
    ctx.actor.organization.id,
    connectionId,
  );
  if (connection === undefined) throw notFound('ProvisioningConnection', connectionId);
  checkExpectedVersion('ProvisioningConnection', connection, version);
  await authorize(ctx, 'manageProvisioning', subjectOf(connection));
  if (connection.status === 'revoked' && action !== 'revokeProvisioningConnection') {
    throw new RosterError(
      'INVALID_TRANSITION',
      `This provisioning connection was revoked for good: ${action} is refused; create a new one.`,
      { machine: 'ProvisioningConnection', from: 'revoked', event: action },
    );
  }
  return connection;
}

/** @internal */
export async function createProvisioningConnection(
  ctx: ActorContext,
  raw: unknown,
): Promise<IssuedProvisioningToken> {
  const input = CreateProvisioningConnectionInput.parse(raw);
  requireAccountActor(ctx, 'createProvisioningConnection');
  const { organization } = ctx.actor;
  await authorize(ctx, 'manageProvisioning', {
    type: 'ProvisioningConnection',
    orgId: organization.id,
  });
  const spaceId = input.spaceId ?? organization.defaultSpaceId;
  await checkGrants(ctx, spaceId, input.defaultRole, input.groupRoles);
  const token = newProvisioningToken();
  const saved = await ctx.tx.provisioning.insertConnection({
    id: ctx.deps.ids.next('ProvisioningConnection'),
    orgId: organization.id,
    name: input.name,
    spaceId,
    defaultRole: input.defaultRole,
    onCreate: input.onCreate,
    groupRoles: input.groupRoles,
    status: 'active',
    tokenHash: await hashProvisioningToken(token),
    tokenHint: tokenHintOf(token),
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    lastUsedAt: null,
  });
  const connection = connectionView(saved);
  await audit(
    ctx,
    organization.id,
    'createProvisioningConnection',
    { type: 'ProvisioningConnection', id: saved.id },
    null,
    connection,
  );
  return { connection, token };
}

/**
 * Writes a changed connection over the one read (`updatedAt` now), audits the
 * change under `action` without the token hash, and returns the view.
 */
async function saveConnection(
  ctx: ActorContext,
  action: string,
  before: ProvisioningConnection,
  next: ProvisioningConnection,
): Promise<ProvisioningConnectionView> {
  const saved = await ctx.tx.provisioning.updateConnection(
    { ...next, updatedAt: ctx.now },
    before.version,
  );
  const connection = connectionView(saved);
  await audit(
    ctx,
    before.orgId,
    action,
    { type: 'ProvisioningConnection', id: before.id },
    connectionView(before),
    connection,
  );
  return connection;
}

/** @internal */
export async function rotateProvisioningToken(
  ctx: ActorContext,
  raw: unknown,
): Promise<IssuedProvisioningToken> {
  const input = ProvisioningConnectionRef.parse(raw);
  requireAccountActor(ctx, 'rotateProvisioningToken');
  const before = await loadConnection(
    ctx,
    'rotateProvisioningToken',
    input.connectionId,
    input.version,
  );
  const token = newProvisioningToken();
  const connection = await saveConnection(ctx, 'rotateProvisioningToken', before, {
    ...before,
    tokenHash: await hashProvisioningToken(token),
    tokenHint: tokenHintOf(token),
  });
  return { connection, token };
}

/** @internal */
export async function updateProvisioningConnection(
  ctx: ActorContext,
  raw: unknown,
): Promise<ProvisioningConnectionView> {
  const input = UpdateProvisioningConnectionInput.parse(raw);
  requireAccountActor(ctx, 'updateProvisioningConnection');
  const before = await loadConnection(
    ctx,
    'updateProvisioningConnection',
    input.connectionId,
    input.version,
  );
  const next: ProvisioningConnection = {
    ...before,
    name: input.name ?? before.name,
    spaceId: input.spaceId ?? before.spaceId,
    defaultRole: input.defaultRole ?? before.defaultRole,
    onCreate: input.onCreate ?? before.onCreate,
    groupRoles: input.groupRoles ?? before.groupRoles,
  };
  const grantsChanged =
    next.spaceId !== before.spaceId ||
    next.defaultRole !== before.defaultRole ||
    JSON.stringify(next.groupRoles) !== JSON.stringify(before.groupRoles);
  if (!grantsChanged && next.name === before.name && next.onCreate === before.onCreate) {
    return connectionView(before);
  }
  // Only what it grants once changed must be within the actor's authority;
  // a rename by an admin below the connection's default role stays possible.
  if (grantsChanged) await checkGrants(ctx, next.spaceId, next.defaultRole, next.groupRoles);
  return saveConnection(ctx, 'updateProvisioningConnection', before, next);
}

/** @internal */
export async function revokeProvisioningConnection(
  ctx: ActorContext,
  raw: unknown,
): Promise<ProvisioningConnectionView> {
  const input = ProvisioningConnectionRef.parse(raw);
  requireAccountActor(ctx, 'revokeProvisioningConnection');
  const before = await loadConnection(
    ctx,
    'revokeProvisioningConnection',
    input.connectionId,
    input.version,
  );
  if (before.status === 'revoked') return connectionView(before);
  return saveConnection(ctx, 'revokeProvisioningConnection', before, {
    ...before,
    status: 'revoked',
  });
}

/** @internal */
export async function listProvisioningConnections(
  ctx: ActorContext,
): Promise<ProvisioningConnectionView[]> {
  requireAccountActor(ctx, 'listProvisioningConnections');
  const orgId = ctx.actor.organization.id;
  await authorize(ctx, 'manageProvisioning', { type: 'ProvisioningConnection', orgId });
  return (await ctx.tx.provisioning.listConnections(orgId)).map(connectionView);
}
