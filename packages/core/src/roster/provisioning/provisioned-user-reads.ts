import { authorize } from '../authorize.js';
import type { ActorContext } from '../command-context.js';
import { accountSubject } from '../policy-subjects.js';
import { listConnectionLinks } from './link-list.js';
import { loadUserLink } from './load-link.js';
import type { ProvisionedUser, ProvisionedUserPage } from './provisioned-user.js';
import { requireProvisioner } from './require-provisioner.js';
import { ListProvisionedUsersInput, ProvisionedUserRef } from './user-inputs.js';

/** @internal */
export async function getProvisionedUser(
  ctx: ActorContext,
  raw: unknown,
): Promise<ProvisionedUser> {
  const { id } = ProvisionedUserRef.parse(raw);
  const provisioner = requireProvisioner(ctx, 'getProvisionedUser');
  const { link, account } = await loadUserLink(ctx, provisioner, id);
  const memberships = await ctx.tx.memberships.listByAccounts(account.orgId, [account.id]);
  await authorize(ctx, 'read', accountSubject(account, memberships));
  return { link, account, memberships };
}

/** @internal */
export async function listProvisionedUsers(
  ctx: ActorContext,
  raw: unknown,
): Promise<ProvisionedUserPage> {
  const input = ListProvisionedUsersInput.parse(raw);
  const provisioner = requireProvisioner(ctx, 'listProvisionedUsers');
  const orgId = provisioner.organization.id;
  const page = await listConnectionLinks(ctx, provisioner, 'User', input);
  const ids = page.items.map((link) => link.targetId);
  const [accounts, memberships] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          ctx.tx.accounts.getMany(orgId, ids),
          ctx.tx.memberships.listByAccounts(orgId, ids),
        ]);
  const items = page.items.flatMap((link) => {
    const account = accounts.find((candidate) => candidate.id === link.targetId);
    if (account === undefined || account.status === 'deleted') return [];
    const own = memberships.filter((membership) => membership.accountId === account.id);
    return [{ link, account, memberships: own }];
  });
  return { items, total: page.total };
}
