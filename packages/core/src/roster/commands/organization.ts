import { RosterError } from '../../errors/roster-error.js';
import {
  type AccountEffect,
  type AccountEvent,
  accountMachine,
} from '../../machines/account-machine.js';
import { can, transition } from '../../machines/machine.js';
import type { Organization } from '../../model/organization.js';
import { checkOwnershipTransfer } from '../../rules/owner-protection.js';
import { audit } from '../audit.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { organizationScope } from '../effects/effect-scope.js';
import { runEffects } from '../effects/run-effects.js';
import { checkExpectedVersion } from '../expected-version.js';
import { getAccountOrThrow } from '../not-found.js';
import {
  ChangePlanInput,
  DeleteOrganizationInput,
  RenameOrganizationInput,
  TransferOwnershipInput,
} from '../organization-inputs.js';
import { appendMessages } from '../outbox.js';
import { checkRoleGrantable } from '../protections.js';

function organizationSubject(organization: Organization) {
  return { ...organization, type: 'Organization' as const, orgId: organization.id };
}

// Rename and change of plan are the same write: authorize, update, audit.
async function updateOrganization(
  ctx: ActorContext,
  action: 'renameOrganization' | 'changePlan',
  patch: Partial<Pick<Organization, 'name' | 'plan'>>,
  version: number | undefined,
): Promise<Organization> {
  const { organization } = ctx.actor;
  checkExpectedVersion('Organization', organization, version);
  await authorize(ctx, action, organizationSubject(organization));
  const saved = await ctx.tx.organizations.update({ ...organization, ...patch });
  await audit(
    ctx,
    organization.id,
    action,
    { type: 'Organization', id: organization.id },
    organization,
    saved,
  );
  return saved;
}

/** @internal */
export async function renameOrganization(ctx: ActorContext, raw: unknown): Promise<Organization> {
  const { name, version } = RenameOrganizationInput.parse(raw);
  return updateOrganization(ctx, 'renameOrganization', { name }, version);
}

/** @internal */
export async function changePlan(ctx: ActorContext, raw: unknown): Promise<Organization> {
  const { plan, version } = ChangePlanInput.parse(raw);
  return updateOrganization(ctx, 'changePlan', { plan }, version);
}

/** @internal */
export async function transferOwnership(ctx: ActorContext, raw: unknown): Promise<Organization> {
  const input = TransferOwnershipInput.parse(raw);
  const actor = ctx.actor;
  const { organization } = actor;
  checkExpectedVersion('Organization', organization, input.version);
  checkRoleGrantable(ctx, input.previousOwnerRole, ['previousOwnerRole']);
  await authorize(ctx, 'transferOwnership', organizationSubject(organization));
  const target = await getAccountOrThrow(ctx, organization.id, input.toAccountId);
  const [next, previous] = await Promise.all([
    ctx.tx.memberships.find(organization.id, target.id, organization.defaultSpaceId),
    ctx.tx.memberships.find(organization.id, organization.ownerId, organization.defaultSpaceId),
  ]);
  const refusal = checkOwnershipTransfer({
    ownerId: organization.ownerId,
    to: {
      accountId: target.id,
      status: target.status,
      isMemberOfDefaultSpace: next?.state === 'member',
    },
  });
  if (refusal !== undefined) throw refusal;
  if (next === undefined || previous === undefined)
    throw new TypeError('transferOwnership: memberships vanished');
  const owner = ctx.deps.roles.ownerRole.name;
  // The organization row's version serializes racing transfers: only one wins.
  const saved = await ctx.tx.organizations.update({ ...organization, ownerId: target.id });
  await ctx.tx.memberships.update({
    ...previous,
    role: input.previousOwnerRole,
  });
  await ctx.tx.memberships.update({ ...next, role: owner, restrictions: [] });
  await audit(
    ctx,
    organization.id,
    'transferOwnership',
    { type: 'Organization', id: organization.id },
    organization,
    saved,
  );
  return saved;
}

/** What `deleteOrganization` removed. */
export interface DeletedOrganization {
  readonly organizationId: string;
  /** How many accounts were deleted: every one, the owner's included. */
  readonly accounts: number;
}

/** @internal */
export async function deleteOrganization(
  ctx: ActorContext,
  raw: unknown,
): Promise<DeletedOrganization> {
  const input = DeleteOrganizationInput.parse(raw);
  const { organization } = ctx.actor;
  checkExpectedVersion('Organization', organization, input.version);
  await authorize(ctx, 'deleteOrganization', organizationSubject(organization));
  if (input.confirmName.trim() !== organization.name) {
    throw new RosterError(
      'INVALID_INPUT',
      'To delete the organization, type its exact name. This deletes every account in it and cannot be undone.',
      { issues: [{ path: ['confirmName'], message: 'Does not match the organization’s name' }] },
    );
  }
  const orgId = organization.id;
  const { target, messages } = await runEffects(
    organizationScope(ctx, 'deleteOrganization', organization),
    everyAccountEffects(organization, 'deleteOrganization'),
  );
  if (target.deletedAccounts === undefined) {
    throw new TypeError('deleteOrganization: no effect deleted the accounts');
  }
  // What is left of the organization once its people are gone.
  await ctx.tx.groups.deleteAllInOrganization(orgId);
  await ctx.tx.roles.deleteAllInOrganization(orgId);
  await ctx.tx.spaces.deleteAllInOrganization(orgId);
  await ctx.tx.organizations.delete(orgId, organization.version);
  await appendMessages(ctx, messages);
  return { organizationId: orgId, accounts: target.deletedAccounts };
}

/**
 * The effects of an event that every account of the organization undergoes
 * at once, whatever its state: the account machine is applied from each
 * state that accepts the event (the owner's account among them), and each
 * effect it returns is run once, for all, in the order the table first names
 * it (so the erasure comes before the notice that counts it).
 */
function everyAccountEffects(
  organization: Organization,
  event: Extract<AccountEvent, 'deleteOrganization'>,
): AccountEffect[] {
  const effects = new Set<AccountEffect>();
  for (const state of accountMachine.stateNames) {
    if (!can(accountMachine, state, event)) continue;
    const result = transition(accountMachine, state, event, {
      accountId: organization.ownerId,
      ownerId: organization.ownerId,
    });
    if (!result.ok) throw result.error;
    for (const effect of result.effects) effects.add(effect);
  }
  return [...effects];
}
