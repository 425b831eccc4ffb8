import { uniqueConflict } from '../../adapter/store-errors.js';
import type { Account } from '../../model/account.js';
import type { Membership } from '../../model/membership.js';
import type { ProvisioningConnection } from '../../model/provisioning-connection.js';
import { audit } from '../audit.js';
import type { ActorContext } from '../command-context.js';
import { authorizeInvite, buildInvitationRows } from '../commands/invitations.js';
import { deactivate, reactivate } from '../commands/lifecycle.js';
import { addToTeam } from '../commands/team.js';
import { newInvitationSecret } from '../invitation-token.js';
import { notFound } from '../not-found.js';
import { takeSeat } from '../seats.js';
import type { ProvisionedUserCreated } from './provisioned-user.js';
import { requireProvisioner } from './require-provisioner.js';
import { emailOf, linkAttributesOf, namesOf } from './user-fields.js';
import { ProvisionUserInput } from './user-inputs.js';

type Names = { readonly firstName: string; readonly lastName: string };
type Placed = { readonly account: Account; readonly membership: Membership | null };

/**
 * A new person: with `onCreate: 'invite'`, a pending account and its
 * invitation (e-mailed through the outbox, as `invite` does); else an
 * active account with its membership of the connection's space (or a
 * deactivated one, when the identity provider sends `active: false`: an
 * inactive user gets no invitation and takes no seat).
 */
async function createAccount(
  ctx: ActorContext,
  connection: ProvisioningConnection,
  email: string,
  names: Names,
  active: boolean,
): Promise<Placed> {
  const organization = ctx.actor.organization;
  const orgId = organization.id;
  const { spaceId, defaultRole: role } = connection;
  // Bringing a new person in with a role is what an invitation is, for the Policy too.
  await authorizeInvite(ctx, spaceId, role);
  if ((await ctx.tx.spaces.get(orgId, spaceId)) === undefined) throw notFound('Space', spaceId);
  if (connection.onCreate === 'invite' && active) {
    await takeSeat(ctx, organization, 'invitation');
    const rows = buildInvitationRows(
      ctx,
      {
        email,
        role,
        spaceId,
        groupIds: [],
        restrictions: [],
        managerId: null,
        ...names,
        profile: {},
      },
      await newInvitationSecret(ctx.deps.invitationKeys),
    );
    const account = await ctx.tx.accounts.insert(rows.account);
    await ctx.tx.invitations.insert(rows.invitation);
    await ctx.tx.outbox.append(rows.message);
    await ctx.tx.auditEvents.append(rows.event);
    return { account, membership: null };
  }
  if (active) await takeSeat(ctx, organization, 'member');
  const account = await ctx.tx.accounts.insert({
    id: ctx.deps.ids.next('Account'),
    orgId,
    email,
    externalId: null,
    ...names,
    status: active ? 'active' : 'deactivated',
    profile: {},
    lastSeenAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  });
  const membership = await ctx.tx.memberships.insert({
    id: ctx.deps.ids.next('Membership'),
    orgId,
    accountId: account.id,
    spaceId,
    state: 'member',
    role,
    restrictions: [],
    groupIds: [],
    managerId: null,
    periods: [{ startedAt: ctx.now, endedAt: null, role }],
    version: 1,
  });
  await audit(ctx, orgId, 'createAccount', { type: 'Account', id: account.id }, null, account);
  await audit(ctx, orgId, 'addToTeam', { type: 'Membership', id: membership.id }, null, membership);
  return { account, membership };
}

/**
 * An account the organization already has with this email (DESIGN rule 12:
 * never a second one) is adopted: linked as it is. A pending one stays
 * pending (its invitation stands); a former member of the connection's
 * space is added back with the connection's role; `active` then
 * reactivates or deactivates it. The owner keeps the memberships only they
 * manage (rule 1); deactivating them is `OWNER_PROTECTED`.
 */
async function adoptAccount(
  ctx: ActorContext,
  connection: ProvisioningConnection,
  existing: Account,
  active: boolean | undefined,
): Promise<Placed> {
  const orgId = existing.orgId;
  const linked = await ctx.tx.provisioning.findLinkByTarget(
    orgId,
    connection.id,
    'User',
    existing.id,
  );
  if (linked !== undefined) throw uniqueConflict('ProvisioningLink', linked.id, 'targetId');
  const spaceId = connection.spaceId;
  if (existing.status === 'pending') {
    return { account: existing, membership: null };
  }
  const isOwner = existing.id === ctx.actor.organization.ownerId;
  const current = await ctx.tx.memberships.find(orgId, existing.id, spaceId);
  if (!isOwner && current?.state !== 'member') {
    await addToTeam(ctx, { accountId: existing.id, spaceId, role: connection.defaultRole });
  }
  if (active === false && existing.status === 'active') {
    await deactivate(ctx, { accountId: existing.id });
  } else if (active !== false && existing.status === 'deactivated') {
    await reactivate(ctx, { accountId: existing.id });
  }
  const [account, membership] = await Promise.all([
    ctx.tx.accounts.get(orgId, existing.id),
    ctx.tx.memberships.find(orgId, existing.id, spaceId),
  ]);
  if (account === undefined) throw notFound('Account', existing.id);
  return { account, membership: membership ?? null };
}

/** @internal */
export async function provisionUser(
  ctx: ActorContext,
  raw: unknown,
): Promise<ProvisionedUserCreated> {
  const input = ProvisionUserInput.parse(raw);
  const { connection, organization } = requireProvisioner(ctx, 'provisionUser');
  const orgId = organization.id;
  const email = emailOf(input);
  const names = namesOf(input, email);
  const existing = await ctx.tx.accounts.findByEmail(orgId, email);
  const { account, membership } =
    existing === undefined || existing.status === 'deleted'
      ? await createAccount(ctx, connection, email, names, input.active ?? true)
      : await adoptAccount(ctx, connection, existing, input.active);
  const link = await ctx.tx.provisioning.insertLink({
    // The SCIM id: a uuid v4, never reused (a re-provisioned person gets a new one).
    id: globalThis.crypto.randomUUID(),
    orgId,
    connectionId: connection.id,
    resourceType: 'User',
    targetId: account.id,
    userName: input.userName,
    externalId: input.externalId ?? null,
    attributes: linkAttributesOf(input.attributes ?? {}, account, input.displayName),
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await audit(ctx, orgId, 'provisionUser', { type: 'Account', id: account.id }, null, link);
  return { link, account, membership };
}
