/**
 * `@rosterkit/conformance`: the storage conformance suite every `Store`
 * adapter runs. {@link runStoreConformance} registers it as vitest tests; the
 * adapter gives a fresh store per test and {@link RawReaders} that read its
 * storage directly. The fixture builders are exported here too, and from
 * `@rosterkit/conformance/fixtures`, which loads without vitest.
 *
 * @packageDocumentation
 */

export type {
  MakeStore,
  StoreConformanceOptions,
  StoreUnderTest,
} from './conformance-options.js';
export {
  buildAccount,
  buildAuditEvent,
  buildGroup,
  buildInvitation,
  buildMembership,
  buildOrganization,
  buildOutboxMessage,
  buildProvisioningConnection,
  buildProvisioningLink,
  buildSpace,
  buildStoredRole,
  fixtureEpoch,
} from './fixtures.js';
export type { RawReaders } from './raw-readers.js';
export { runStoreConformance } from './run-store-conformance.js';
