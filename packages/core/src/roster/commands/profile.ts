import { type Account, type ProfileFields, profileFieldName } from '../../model/account.js';
import { checkEmailUnchanged } from '../../rules/email-immutability.js';
import { audit } from '../audit.js';
import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { checkExpectedVersion } from '../expected-version.js';
import { UpdateProfileInput } from '../inputs.js';
import { getAccountWithMemberships } from '../not-found.js';
import { accountSubject } from '../policy-subjects.js';
import { checkProfileLimits } from '../profile-limits.js';

/** @internal */
export async function updateProfile(ctx: ActorContext, raw: unknown): Promise<Account> {
  const input = UpdateProfileInput.parse(raw);
  const actor = ctx.actor;
  const orgId = actor.organization.id;
  const { account, memberships } = await getAccountWithMemberships(ctx, orgId, input.accountId);
  checkExpectedVersion('Account', account, input.version);
  const refusal = checkEmailUnchanged({
    accountId: account.id,
    email: account.email,
    patch: input,
  });
  if (refusal !== undefined) throw refusal;
  const subject = accountSubject(account, memberships);
  // Field-level permissions: each changed field is asked for on its own, a
  // profile field as `profile.<key>` (the name role sets grant).
  const changed: string[] = [];
  if (input.firstName !== undefined && input.firstName !== account.firstName)
    changed.push('firstName');
  if (input.lastName !== undefined && input.lastName !== account.lastName) changed.push('lastName');
  const profile: ProfileFields = { ...account.profile };
  for (const [key, value] of Object.entries(input.profile ?? {})) {
    if (profile[key] === value) continue;
    changed.push(profileFieldName(key));
    if (value === null) delete profile[key];
    else profile[key] = value;
  }
  if (changed.length === 0) return account;
  for (const field of changed) await authorize(ctx, 'updateProfile', subject, field);
  checkProfileLimits(ctx.deps.profileLimits, profile, ['profile']);
  const updated = await ctx.tx.accounts.update({
    ...account,
    firstName: input.firstName ?? account.firstName,
    lastName: input.lastName ?? account.lastName,
    profile,
    updatedAt: ctx.now,
  });
  await audit(ctx, orgId, 'updateProfile', { type: 'Account', id: account.id }, account, updated);
  return updated;
}
