import type { Account } from '../../model/account.js';
import type { Membership } from '../../model/membership.js';
import type { Organization } from '../../model/organization.js';
import type { Space } from '../../model/space.js';
import { audit } from '../audit.js';
import type { CommandContext } from '../command-context.js';
import { CreateOrganizationInput } from '../organization-inputs.js';
import { checkProfileLimits } from '../profile-limits.js';

/** What `createOrganization` returns. */
export interface CreatedOrganization {
  readonly organization: Organization;
  /** The owner's account: active, member of the default space with the owner role. */
  readonly owner: Account;
  readonly defaultSpace: Space;
  readonly ownerMembership: Membership;
}

/** @internal */
export async function createOrganization(
  ctx: CommandContext,
  raw: unknown,
): Promise<CreatedOrganization> {
  const input = CreateOrganizationInput.parse(raw);
  checkProfileLimits(ctx.deps.profileLimits, input.owner.profile, ['owner', 'profile']);
  const { ids } = ctx.deps;
  const orgId = ids.next('Organization');
  const ownerId = ids.next('Account');
  const spaceId = ids.next('Space');
  const organization = await ctx.tx.organizations.insert({
    id: orgId,
    name: input.name,
    plan: input.plan,
    ownerId,
    defaultSpaceId: spaceId,
    createdAt: ctx.now,
    version: 1,
  });
  const defaultSpace = await ctx.tx.spaces.insert({
    id: spaceId,
    orgId,
    name: input.defaultSpaceName,
    isDefault: true,
    createdAt: ctx.now,
    version: 1,
  });
  const owner = await ctx.tx.accounts.insert({
    id: ownerId,
    orgId,
    email: input.owner.email,
    externalId: input.owner.externalId ?? null,
    firstName: input.owner.firstName,
    lastName: input.owner.lastName,
    status: 'active',
    profile: input.owner.profile,
    lastSeenAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  });
  const ownerMembership = await ctx.tx.memberships.insert({
    id: ids.next('Membership'),
    orgId,
    accountId: ownerId,
    spaceId,
    state: 'member',
    role: ctx.deps.roles.ownerRole.name,
    restrictions: [],
    groupIds: [],
    managerId: null,
    periods: [{ startedAt: ctx.now, endedAt: null, role: ctx.deps.roles.ownerRole.name }],
    version: 1,
  });
  await audit(
    ctx,
    orgId,
    'createOrganization',
    { type: 'Organization', id: orgId },
    null,
    organization,
  );
  return { organization, owner, defaultSpace, ownerMembership };
}
