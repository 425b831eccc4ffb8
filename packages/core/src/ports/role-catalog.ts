/**
 * The roles a roster may grant, as its {@link Policy} knows them (`policy.roles`):
 * a role set of `@rosterkit/policies` is one as it is; a host with its own
 * policy lists its roles. `createRoster` takes them from the policy, so the
 * roles the commands grant and the roles the Policy decides on are one set.
 *
 * @example
 * ```ts
 * const roles: RoleCatalog = {
 *   ownerRole: { name: 'owner' },
 *   roles: [{ name: 'owner' }, { name: 'admin' }, { name: 'staff' }],
 * };
 * ```
 *
 * @category Policy port (for policy authors)
 */
export interface RoleCatalog {
  /**
   * The role of every organization's owner: the top one. Unless `shared`,
   * the owner holds it alone and it moves only by `transferOwnership`; when
   * `shared` (several Administrators, one of them the owner), it may be
   * granted like any other role, subject to the policy.
   */
  readonly ownerRole: { readonly name: string; readonly shared?: boolean };
  /**
   * Every role that may be granted, the owner's included. `permissions` (a
   * `@rosterkit/policies` role carries them) tells core which roles can
   * manage the team, for the bulk rule of DESIGN §4 rule 8: see
   * {@link roleCanManageTeam}. `rank` (a `@rosterkit/policies` role carries
   * it; larger means more authority) tells core which of several roles is
   * the highest, where core chooses one itself: the role a provisioning
   * connection's group mapping grants. A role without one ranks below every
   * role with one; between equal ranks, the role listed first wins.
   */
  readonly roles: readonly {
    readonly name: string;
    readonly permissions?: readonly string[];
    readonly rank?: number;
  }[];
  /**
   * Present when the policy decides on roles an organization stores at run
   * time (`defineRole`): the permission and restriction names such a role
   * may carry. Absent, `defineRole` is refused and no stored role is read.
   * `@rosterkit/policies` role sets take stored roles.
   */
  readonly storedRoles?: {
    readonly permissions: readonly string[];
    readonly restrictions: readonly string[];
  };
}
