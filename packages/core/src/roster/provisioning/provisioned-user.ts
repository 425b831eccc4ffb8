import type { Account } from '../../model/account.js';
import type { Membership } from '../../model/membership.js';
import type { ProvisioningLink } from '../../model/provisioning-link.js';

/**
 * A SCIM User as rosterkit holds it: the connection's link (the SCIM id,
 * `userName`, `externalId`, the attributes rosterkit does not model) and the
 * account it stands for, with the account's memberships (periods included).
 */
export interface ProvisionedUser {
  readonly link: ProvisioningLink;
  readonly account: Account;
  readonly memberships: readonly Membership[];
}

/**
 * What `provisionUser` returns: the new link, the account (new or adopted),
 * and its membership of the connection's space (`null` while the account is
 * pending an invitation, or when an adopted owner keeps the memberships only
 * they manage).
 */
export interface ProvisionedUserCreated {
  readonly link: ProvisioningLink;
  readonly account: Account;
  readonly membership: Membership | null;
}

/** One page of `listProvisionedUsers`: SCIM's window of users and how many match in all. */
export interface ProvisionedUserPage {
  readonly items: readonly ProvisionedUser[];
  readonly total: number;
}
