import type { ConformanceSuite } from './conformance-context.js';
import { accountLinkScenarios } from './domain/account-link-scenarios.js';
import { authorizationScenarios } from './domain/authorization-scenarios.js';
import { bulkImportScenarios } from './domain/bulk-import-scenarios.js';
import { bulkUpdateScenarios } from './domain/bulk-update-scenarios.js';
import { emailScenarios } from './domain/email-scenarios.js';
import { historyScenarios } from './domain/history-scenarios.js';
import { invitationListScenarios } from './domain/invitation-list-scenarios.js';
import { invitationScenarios } from './domain/invitation-scenarios.js';
import { lifecycleScenarios } from './domain/lifecycle-scenarios.js';
import { organizationScenarios } from './domain/organization-scenarios.js';
import { outboxAdminScenarios } from './domain/outbox-admin-scenarios.js';
import { outboxScenarios } from './domain/outbox-scenarios.js';
import { outboxWorkerScenarios } from './domain/outbox-worker-scenarios.js';
import { provisionedGroupScenarios } from './domain/provisioned-group-scenarios.js';
import { provisionedUserScenarios } from './domain/provisioned-user-scenarios.js';
import { provisionerScenarios } from './domain/provisioner-scenarios.js';
import { provisioningConnectionScenarios } from './domain/provisioning-connection-scenarios.js';
import { roleScenarios } from './domain/role-scenarios.js';
import { seatScenarios } from './domain/seat-scenarios.js';
import { structureScenarios } from './domain/structure-scenarios.js';
import { versionScenarios } from './domain/version-scenarios.js';
import { accountListSuite } from './suites/account-list.js';
import { accountListPagesSuite } from './suites/account-list-pages.js';
import { accountListPropertySuite } from './suites/account-list-property.js';
import { accountsSuite } from './suites/accounts.js';
import { actorRowsSuite } from './suites/actor-rows.js';
import { auditEventsSuite } from './suites/audit-events.js';
import { batchWritesSuite } from './suites/batch-writes.js';
import { invitationListSuite } from './suites/invitation-list.js';
import { invitationsSuite } from './suites/invitations.js';
import { membershipLookupsSuite } from './suites/membership-lookups.js';
import { membershipsSuite } from './suites/memberships.js';
import { organizationsSuite } from './suites/organizations.js';
import { outboxSuite } from './suites/outbox.js';
import { outboxFailuresSuite } from './suites/outbox-failures.js';
import { outboxLeasesSuite } from './suites/outbox-leases.js';
import { provisioningSuite } from './suites/provisioning.js';
import { rolesSuite } from './suites/roles.js';
import { seatsAndLinksSuite } from './suites/seats-and-links.js';
import { spacesAndGroupsSuite } from './suites/spaces-and-groups.js';
import { tenantRepositoriesSuite } from './suites/tenant-repositories.js';
import { transactionsSuite } from './suites/transactions.js';
import { writeSkewSuite } from './suites/write-skew.js';

const both =
  (first: ConformanceSuite, second: ConformanceSuite): ConformanceSuite =>
  (test) => {
    first(test);
    second(test);
  };

/**
 * Every suite, named as vitest reports it, in the order it runs: the
 * storage-level suites, then the domain scenarios (the rules of DESIGN §4
 * through `createRoster`).
 */
export const suitesInOrder: ReadonlyArray<readonly [string, ConformanceSuite]> = [
  ['repositories', tenantRepositoriesSuite],
  ['organizations', organizationsSuite],
  ['accounts', both(accountsSuite, actorRowsSuite)],
  ['account list', both(accountListSuite, accountListPagesSuite)],
  ['account list (property)', accountListPropertySuite],
  ['memberships', both(membershipsSuite, membershipLookupsSuite)],
  ['invitations', both(invitationsSuite, invitationListSuite)],
  ['spaces and groups', spacesAndGroupsSuite],
  ['audit events', auditEventsSuite],
  ['roles', rolesSuite],
  ['provisioning', provisioningSuite],
  ['outbox', both(outboxSuite, outboxFailuresSuite)],
  ['outbox leases', outboxLeasesSuite],
  ['transactions', both(transactionsSuite, writeSkewSuite)],
  ['batch writes', batchWritesSuite],
  ['seats and links', seatsAndLinksSuite],
  ['domain: lifecycles', lifecycleScenarios],
  ['domain: authorization', authorizationScenarios],
  ['domain: invitations', both(invitationScenarios, invitationListScenarios)],
  ['domain: emails', emailScenarios],
  ['domain: organization', organizationScenarios],
  ['domain: structure', structureScenarios],
  ['domain: outbox', both(outboxScenarios, outboxAdminScenarios)],
  ['domain: outbox worker', outboxWorkerScenarios],
  ['domain: bulk', both(bulkImportScenarios, bulkUpdateScenarios)],
  ['domain: roles', roleScenarios],
  ['domain: accounts and actors', both(accountLinkScenarios, historyScenarios)],
  ['domain: seats', seatScenarios],
  ['domain: versions', versionScenarios],
  ['domain: provisioner actor', provisionerScenarios],
  ['domain: provisioning connections', provisioningConnectionScenarios],
  ['domain: provisioned users', provisionedUserScenarios],
  ['domain: provisioned groups', provisionedGroupScenarios],
];
