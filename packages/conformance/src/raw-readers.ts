import type {
  Account,
  AuditEvent,
  Group,
  GroupMemberLink,
  Invitation,
  Membership,
  Organization,
  OutboxMessage,
  ProvisioningConnection,
  ProvisioningLink,
  Space,
  StoredRole,
} from '@rosterkit/core';

/**
 * Functions that read rows straight from an adapter's underlying storage,
 * bypassing its `Store` (the internal maps of a memory store; a plain SQL
 * query for a database adapter). The conformance suite checks every write
 * through them, so an adapter cannot agree with itself wrongly: a write the
 * Store reports but never made, or a refused write that changed a row, fails.
 *
 * Each returns rows shaped exactly like the model (dates as `Date`, JSON
 * columns parsed), or `undefined` when there is no row with that id in that
 * organization. Reads see committed data only. They may be synchronous or
 * return a promise.
 *
 * @example
 * ```ts
 * import type { RawReaders } from '@rosterkit/conformance';
 *
 * const raw = (db: MyDb): RawReaders => ({
 *   organization: (id) => db.one('select * from organizations where id = ?', [id]).then(toOrganization),
 *   account: (orgId, id) => db.one('select * from accounts where org_id = ? and id = ?', [orgId, id]).then(toAccount),
 *   // ...one per table
 * });
 * ```
 */
export interface RawReaders {
  /** The stored organization, or `undefined`. */
  organization(id: string): Organization | undefined | Promise<Organization | undefined>;
  /** The stored account of this organization, or `undefined`. */
  account(orgId: string, id: string): Account | undefined | Promise<Account | undefined>;
  /** The stored space of this organization, or `undefined`. */
  space(orgId: string, id: string): Space | undefined | Promise<Space | undefined>;
  /** The stored membership of this organization, or `undefined`. */
  membership(orgId: string, id: string): Membership | undefined | Promise<Membership | undefined>;
  /** The stored group of this organization, or `undefined`. */
  group(orgId: string, id: string): Group | undefined | Promise<Group | undefined>;
  /** The stored invitation of this organization, or `undefined`. */
  invitation(orgId: string, id: string): Invitation | undefined | Promise<Invitation | undefined>;
  /**
   * The stored role of this organization, or `undefined`. Optional (added
   * with stored roles): without it, the roles suite checks writes through
   * the store itself.
   */
  role?(orgId: string, id: string): StoredRole | undefined | Promise<StoredRole | undefined>;
  /** Every stored audit event of this organization, in any order. */
  auditEvents(orgId: string): readonly AuditEvent[] | Promise<readonly AuditEvent[]>;
  /** Every stored outbox message of every organization, delivered or not, in any order. */
  outbox(): readonly OutboxMessage[] | Promise<readonly OutboxMessage[]>;
  /**
   * The stored provisioning connection of this organization, or `undefined`.
   * Optional (added with SCIM provisioning): without it, the provisioning
   * suite checks writes through the store itself.
   */
  provisioningConnection?(
    orgId: string,
    id: string,
  ): ProvisioningConnection | undefined | Promise<ProvisioningConnection | undefined>;
  /** The stored provisioning link of this organization, or `undefined`. Optional, as `provisioningConnection`. */
  provisioningLink?(
    orgId: string,
    id: string,
  ): ProvisioningLink | undefined | Promise<ProvisioningLink | undefined>;
  /**
   * Every stored SCIM group member of this organization, in any order.
   * Optional (added with SCIM groups): without it, the provisioning suite
   * checks group member writes through the store itself.
   */
  provisioningGroupMembers?(
    orgId: string,
  ): readonly GroupMemberLink[] | Promise<readonly GroupMemberLink[]>;
}
