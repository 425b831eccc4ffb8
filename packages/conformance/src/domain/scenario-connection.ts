import type { ActorApi, ProvisionerActor, ProvisioningConnection } from '@rosterkit/core';
import type { ConformanceContext } from '../conformance-context.js';
import { buildProvisioningConnection } from '../fixtures.js';
import type { ScenarioOrg } from './scenario-roster.js';

/**
 * Stores an active provisioning connection of the scenario organization (in
 * its default space, `overrides` aside) and returns its actor and API.
 * @internal
 */
export async function connectScenario(
  ctx: ConformanceContext,
  org: ScenarioOrg,
  overrides: Partial<ProvisioningConnection> = {},
): Promise<{ actor: ProvisionerActor; api: ActorApi }> {
  const connection = buildProvisioningConnection({
    orgId: org.organization.id,
    spaceId: org.organization.defaultSpaceId,
    name: 'Okta',
    createdAt: org.clock.now(),
    updatedAt: org.clock.now(),
    ...overrides,
  });
  await ctx.store.transaction((tx) => tx.provisioning.insertConnection(connection));
  const actor: ProvisionerActor = {
    kind: 'provisioner',
    orgId: org.organization.id,
    connectionId: connection.id,
  };
  return { actor, api: org.roster.as(actor) };
}
