import type {
  ProvisionedUser,
  ProvisionedUserCreated,
  ProvisionedUserPage,
} from './provisioned-user.js';
import type {
  ListProvisionedUsersInput,
  ProvisionedUserRef,
  ProvisionUserInput,
  UpdateProvisionedUserInput,
} from './user-inputs.js';

/**
 * The SCIM User commands of a provisioning connection (DESIGN §8, SCIM 2.0):
 * what `@rosterkit/scim` calls for `/Users`. A SCIM User is an account plus
 * its membership of the connection's space, and the connection's link (the
 * SCIM id, `userName`, `externalId`, the attributes rosterkit does not
 * model). Only a provisioner actor may call them (`roster.as({ kind:
 * 'provisioner', orgId, connectionId })`); an account actor is refused with
 * `FORBIDDEN`. Each call is one Store transaction: the account and
 * membership changes, the link, their audit events and outbox messages, or
 * nothing. A SCIM id of another connection or organization is `NOT_FOUND`.
 */
export interface ProvisionedUsersApi {
  /**
   * Creates a SCIM User. The email is `email`, else `userName` when it is
   * an email (else `INVALID_INPUT`); missing names are taken from
   * `displayName` (first word, the rest), else from the email's local part.
   *
   * An account of the organization with that email is adopted (DESIGN rule
   * 12): linked as it is (a pending one stays pending; a former member of
   * the connection's space is added back with the connection's
   * `defaultRole`: a new link is in no SCIM group, so no group maps it to
   * another role); one this connection already links is `CONFLICT`
   * (reason `unique`, field `targetId`). Otherwise a new account: with the
   * connection's `onCreate: 'activate'`, active and a member of its space
   * with its `defaultRole`; with `'invite'`, pending, with an invitation
   * e-mailed through the outbox. `active: false` leaves the account
   * deactivated (a new one is created deactivated, with no invitation);
   * otherwise an adopted deactivated account is reactivated, into no group
   * (its new link is in no SCIM group yet). A pending invitee stays pending
   * whatever `active` says (it cannot be deactivated before it joins). The SCIM `externalId` is the link's, not
   * the account's own `externalId` (the host's id of its login user).
   * A `userName` the connection already links (compared
   * case-insensitively) is `CONFLICT` (reason `unique`); an `externalId` is
   * not checked (SCIM gives it no uniqueness: several users may share one).
   *
   * @example
   * ```ts
   * const okta = roster.as({ kind: 'provisioner', orgId, connectionId });
   * const { link, account } = await okta.provisionUser({
   *   userName: 'bo@acme.io',
   *   externalId: '00u1abcd',
   *   displayName: 'Bo Li',
   *   attributes: { title: 'Agent' },
   * });
   * console.log(link.id, account.status); // a uuid, 'active'
   * ```
   */
  provisionUser(input: ProvisionUserInput): Promise<ProvisionedUserCreated>;
  /**
   * Replaces a SCIM User (a PUT, or a PATCH the scim package applied):
   * names (`firstName`, `lastName`, else `displayName`'s words; absent
   * ones unchanged), `userName`, `externalId` (`null` clears it), the
   * link's attributes (replaced when given). `active: false` deactivates,
   * `true` reactivates, absent changes nothing. The email never changes
   * (DESIGN rule 6): a different `email` is `INVALID_INPUT` (refused, not
   * ignored, so the provider's admin learns that a new email is a new
   * user). A pending invitee stays pending whatever `active` says.
   * Each change is made and audited as its own command would (`updateProfile`,
   * `deactivate`, `reactivate`), in this one transaction. Reactivated, the
   * account is put back in the rosterkit groups of its SCIM groups (the
   * identity provider still lists it there; audited `assignGroups`), which
   * an admin's own `reactivate` does not do (DESIGN §3). `version` is
   * the link's (a SCIM ETag): a stale one is `CONFLICT` (`stale-version`).
   *
   * @example
   * ```ts
   * const user = await okta.updateProvisionedUser({ id: link.id, version: link.version, active: false });
   * console.log(user.account.status); // 'deactivated'
   * ```
   */
  updateProvisionedUser(input: UpdateProvisionedUserInput): Promise<ProvisionedUser>;
  /**
   * Deprovisions a SCIM User (a DELETE): the account is deactivated and
   * leaves every space (as by `removeFromTeam`: groups cleared, periods
   * kept in history, the host's resource handlers called), and the link is
   * deleted; the account stays (DESIGN rule 2), and provisioning the same
   * person again gives a new SCIM id. A pending invitee's invitation is
   * revoked instead. The owner is `OWNER_PROTECTED`, nothing changed.
   *
   * @example
   * ```ts
   * await okta.deprovisionUser({ id: link.id });
   * ```
   */
  deprovisionUser(input: ProvisionedUserRef): Promise<void>;
  /**
   * One SCIM User of the connection: its link, its account, the account's memberships.
   *
   * @example
   * ```ts
   * const { link, account, memberships } = await okta.getProvisionedUser({ id: link.id });
   * ```
   */
  getProvisionedUser(input: ProvisionedUserRef): Promise<ProvisionedUser>;
  /**
   * The connection's SCIM Users that match `filter` (a {@link LinkFilter},
   * applied by the store), from `startIndex` (1-based, default 1), `count`
   * at most (0 to 1000, default 100), by creation, with how many match.
   *
   * @example
   * ```ts
   * const { items, total } = await okta.listProvisionedUsers({
   *   filter: { op: 'eq', attribute: 'userName', value: 'bo@acme.io' },
   * });
   * ```
   */
  listProvisionedUsers(input?: ListProvisionedUsersInput): Promise<ProvisionedUserPage>;
}
