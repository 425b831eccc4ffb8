import type { InputIssue } from '../../errors/error-codes.js';
import { RosterError } from '../../errors/roster-error.js';
import type { Account } from '../../model/account.js';
import type { ProvisioningLink } from '../../model/provisioning-link.js';
import type { ProvisionerPolicyActor } from '../../ports/policy.js';
import type { ActorContext } from '../command-context.js';
import { getLinksByIds } from './link-list.js';

/** A SCIM member: the connection's User link and the account it stands for. @internal */
export interface MemberLink {
  readonly link: ProvisioningLink;
  readonly account: Account;
}

/**
 * The connection's User links with these ids that exist, each with its
 * account (a link whose account is gone is left out), by link id: two
 * reads, however many ids.
 * @internal
 */
export async function loadMembers(
  ctx: ActorContext,
  provisioner: ProvisionerPolicyActor,
  ids: readonly string[],
): Promise<Map<string, MemberLink>> {
  const members = new Map<string, MemberLink>();
  if (ids.length === 0) return members;
  const links = await getLinksByIds(ctx, provisioner, 'User', ids);
  const targets = [...links.values()].map((link) => link.targetId);
  const accounts =
    targets.length === 0 ? [] : await ctx.tx.accounts.getMany(provisioner.organization.id, targets);
  for (const link of links.values()) {
    const account = accounts.find((candidate) => candidate.id === link.targetId);
    if (account !== undefined && account.status !== 'deleted')
      members.set(link.id, { link, account });
  }
  return members;
}

/**
 * The members named by these input fields, as {@link loadMembers} reads
 * them. Every id must be a User link of the connection (one of another
 * connection or organization, or one whose account is gone, is unknown):
 * otherwise `INVALID_INPUT`, one issue per unknown id at its field and
 * index, before anything is written.
 * @internal
 */
export async function resolveMembers(
  ctx: ActorContext,
  provisioner: ProvisionerPolicyActor,
  fields: Readonly<Record<string, readonly string[] | undefined>>,
): Promise<Map<string, MemberLink>> {
  const ids = Object.values(fields).flatMap((list) => list ?? []);
  const members = await loadMembers(ctx, provisioner, ids);
  const unknown = [...new Set(ids.filter((id) => !members.has(id)))];
  if (unknown.length > 0) {
    const issues: InputIssue[] = Object.entries(fields).flatMap(([field, list]) =>
      (list ?? []).flatMap((id, index) =>
        members.has(id)
          ? []
          : [{ path: [field, index], message: `No User of this connection has the id "${id}".` }],
      ),
    );
    throw new RosterError(
      'INVALID_INPUT',
      `Members must be Users of this connection; unknown: ${unknown.join(', ')}.`,
      { issues },
    );
  }
  return members;
}
