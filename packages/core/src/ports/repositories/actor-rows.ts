import type { Account } from '../../model/account.js';
import type { Membership } from '../../model/membership.js';
import type { Organization } from '../../model/organization.js';
import type { StoredRole } from '../../model/stored-role.js';

/**
 * What every command reads first about its acting account: the
 * organization, the account, all its memberships and, when asked, the
 * organization's stored roles. `accounts.loadActor` returns
 * it in one round trip; `loadActorRows` from the adapter kit composes it
 * from the other repositories' reads when an adapter does not.
 *
 * @example
 * ```ts
 * import type { ActorRows } from '@rosterkit/core';
 *
 * const none: ActorRows = { organization: undefined, account: undefined, memberships: [] };
 * ```
 *
 * @category Store port (for adapter authors)
 */
export interface ActorRows {
  /** The organization, or `undefined` when there is none with this id. */
  readonly organization: Organization | undefined;
  /**
   * The account with this id in this organization, whatever its status
   * (`deleted` included), or `undefined` (also when it belongs to another
   * organization, or the organization does not exist).
   */
  readonly account: Account | undefined;
  /**
   * Every membership of the account (current and former), as
   * `memberships.listByAccounts` returns them; empty without an account.
   */
  readonly memberships: readonly Membership[];
  /**
   * With `{ roles: true }`: the organization's stored roles as
   * `roles.listByOrganization` returns them (highest rank first, then by
   * name, then by id; empty without an organization). Absent otherwise.
   */
  readonly roles?: readonly StoredRole[];
  /**
   * With `{ target }`: that account of the organization and its memberships,
   * read in the same round trip (the command's target, when the input names
   * one). Absent otherwise.
   */
  readonly target?: AccountRows;
}

/**
 * An account of the organization (`undefined` when it has none with the
 * id, whatever its status otherwise) with all its memberships (empty without
 * an account).
 *
 * @example
 * ```ts
 * import type { AccountRows } from '@rosterkit/core';
 *
 * const unknown: AccountRows = { account: undefined, memberships: [] };
 * ```
 *
 * @category Store port (for adapter authors)
 */
export interface AccountRows {
  readonly account: Account | undefined;
  readonly memberships: readonly Membership[];
}

/**
 * What `accounts.loadActor` is asked for.
 *
 * @example
 * ```ts
 * const rows = await tx.accounts.loadActor?.(orgId, actorId, { roles: true, target: accountId });
 * ```
 *
 * @category Store port (for adapter authors)
 */
export interface ActorRowsOptions {
  /** Whether to read the organization's stored roles as well. */
  readonly roles: boolean;
  /** Another account of the organization to read with its memberships, as {@link ActorRows.target}. */
  readonly target?: string;
}
