import { RosterError } from '../../errors/roster-error.js';
import type { ProvisioningLink } from '../../model/provisioning-link.js';
import { audit } from '../audit.js';
import type { ActorContext } from '../command-context.js';
import { deactivate, reactivate } from '../commands/lifecycle.js';
import { updateProfile } from '../commands/profile.js';
import { checkExpectedVersion } from '../expected-version.js';
import { getAccountOrThrow } from '../not-found.js';
import { loadUserLink } from './load-link.js';
import type { ProvisionedUser } from './provisioned-user.js';
import { requireProvisioner } from './require-provisioner.js';
import { restoreScimGroups } from './restore-scim-groups.js';
import { linkAttributesOf } from './user-fields.js';
import { UpdateProvisionedUserInput } from './user-inputs.js';

/** The names an update sets: the ones given, else the display name's words; absent ones unchanged. */
function namesTo(input: {
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
  readonly displayName?: string | undefined;
}): { firstName?: string; lastName?: string } {
  const [first, ...rest] = (input.displayName ?? '').split(/\s+/).filter((word) => word !== '');
  const firstName = input.firstName ?? first?.slice(0, 100);
  const lastName = input.lastName ?? (rest.length > 0 ? rest.join(' ').slice(0, 100) : undefined);
  return {
    ...(firstName === undefined ? {} : { firstName }),
    ...(lastName === undefined ? {} : { lastName }),
  };
}

/** @internal */
export async function updateProvisionedUser(
  ctx: ActorContext,
  raw: unknown,
): Promise<ProvisionedUser> {
  const input = UpdateProvisionedUserInput.parse(raw);
  const provisioner = requireProvisioner(ctx, 'updateProvisionedUser');
  const { link, account } = await loadUserLink(ctx, provisioner, input.id);
  checkExpectedVersion('ProvisioningLink', link, input.version);
  // DESIGN rule 6: an email never changes, not even from an identity
  // provider; refused rather than ignored, so the provider's admin sees
  // that this user must be provisioned anew (a new account) for a new email.
  if (input.email !== undefined && input.email !== account.email) {
    const message = `The email of an account never changes (it is ${account.email}); provision a new user for a new email.`;
    throw new RosterError('INVALID_INPUT', message, { issues: [{ path: ['email'], message }] });
  }
  const orgId = account.orgId;
  const names = namesTo(input);
  if (
    (names.firstName !== undefined && names.firstName !== account.firstName) ||
    (names.lastName !== undefined && names.lastName !== account.lastName)
  ) {
    await updateProfile(ctx, { accountId: account.id, ...names });
  }
  // SCIM `active`: absent leaves the account as it is (a PUT without it
  // deactivates nobody); a pending invitee stays pending either way (it
  // cannot be deactivated before it joins, and refusing would make the
  // identity provider retry for ever).
  if (input.active === false && account.status === 'active') {
    await deactivate(ctx, { accountId: account.id });
  } else if (input.active === true && account.status === 'deactivated') {
    await reactivate(ctx, { accountId: account.id });
  }
  const updated = await getAccountOrThrow(ctx, orgId, account.id);
  if (account.status === 'deactivated' && updated.status === 'active') {
    await restoreScimGroups(ctx, provisioner, link, updated);
  }
  const next: ProvisioningLink = {
    ...link,
    userName: input.userName ?? link.userName,
    externalId: input.externalId === undefined ? link.externalId : input.externalId,
    attributes: linkAttributesOf(
      input.attributes ?? link.attributes,
      updated,
      input.displayName ??
        (input.attributes === undefined && typeof link.attributes.displayName === 'string'
          ? link.attributes.displayName
          : undefined),
    ),
    updatedAt: ctx.now,
  };
  const saved = await ctx.tx.provisioning.updateLink(next, link.version);
  await audit(
    ctx,
    orgId,
    'updateProvisionedUser',
    { type: 'Account', id: account.id },
    link,
    saved,
  );
  const memberships = await ctx.tx.memberships.listByAccounts(orgId, [account.id]);
  return { link: saved, account: updated, memberships };
}
