import type { AccountStatus } from '../../model/account.js';
import type { AccountActor } from '../../model/actor.js';
import { FindAccountInput } from '../account-inputs.js';
import type { CommandContext } from '../command-context.js';
import { inactiveReason } from '../load-actor.js';

/**
 * What `findAccount` returns: what the host needs to resolve its signed-in
 * user to an actor, and nothing of the person's profile.
 */
export interface FoundAccount {
  /** The actor to pass to `roster.as`. */
  readonly actor: AccountActor;
  /** `pending`, `active` or `deactivated` (a deleted account is not found). */
  readonly status: Exclude<AccountStatus, 'deleted'>;
  /** The host's id linked to the account, or `null`. */
  readonly externalId: string | null;
  /**
   * Whether the account may act: active and a current member of some space.
   * When `false`, every command of `roster.as(actor)` throws `ACTOR_INACTIVE`.
   */
  readonly canAct: boolean;
}

/** @internal */
export async function findAccount(ctx: CommandContext, raw: unknown): Promise<FoundAccount | null> {
  const input = FindAccountInput.parse(raw);
  const { orgId } = input;
  const account =
    input.externalId !== undefined
      ? await ctx.tx.accounts.findByExternalId(orgId, input.externalId)
      : await ctx.tx.accounts.findByEmail(orgId, input.email as string);
  if (account === undefined || account.status === 'deleted') return null;
  const memberships = await ctx.tx.memberships.listByAccounts(orgId, [account.id]);
  return {
    actor: { accountId: account.id, orgId },
    status: account.status,
    externalId: account.externalId,
    canAct: inactiveReason(account, memberships) === undefined,
  };
}
