export {
  buildAccount,
  buildAuditEvent,
  buildGroup,
  buildInvitation,
  buildMembership,
  buildOrganization,
  buildOutboxMessage,
  buildSpace,
  fixtureEpoch,
} from './fixtures.js';
export type { RawReaders } from './raw-readers.js';
export type {
  MakeStore,
  StoreConformanceOptions,
  StoreUnderTest,
} from './run-store-conformance.js';
export { runStoreConformance } from './run-store-conformance.js';
