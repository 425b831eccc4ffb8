import type { ProvisioningConnection, ProvisioningLink } from '@rosterkit/core';
import type { ConformanceContext } from '../conformance-context.js';
import { fixtureEpoch } from '../fixtures.js';

// What the provisioning suite's tests share: raw reads, inserts, instants.

/** Reads a connection past the adapter's repository when the adapter gives a raw reader, else through it. */
export async function storedConnection(ctx: ConformanceContext, orgId: string, id: string) {
  if (ctx.raw.provisioningConnection !== undefined)
    return ctx.raw.provisioningConnection(orgId, id);
  return ctx.store.transaction((tx) => tx.provisioning.getConnection(orgId, id));
}

/** Reads a link past the adapter's repository when the adapter gives a raw reader, else through it. */
export async function storedLink(ctx: ConformanceContext, link: ProvisioningLink) {
  if (ctx.raw.provisioningLink !== undefined) return ctx.raw.provisioningLink(link.orgId, link.id);
  return ctx.store.transaction((tx) =>
    tx.provisioning.getLink(link.orgId, link.connectionId, link.resourceType, link.id),
  );
}

/** The fixtures' epoch plus `minutes`. */
export const at = (minutes: number) => new Date(fixtureEpoch.getTime() + minutes * 60_000);

/** Stores one connection, in a transaction of its own. */
export async function insertConnection(
  ctx: ConformanceContext,
  connection: ProvisioningConnection,
) {
  return ctx.store.transaction((tx) => tx.provisioning.insertConnection(connection));
}

/** Stores links in order, in one transaction. */
export async function insertLinks(ctx: ConformanceContext, links: readonly ProvisioningLink[]) {
  await ctx.store.transaction(async (tx) => {
    for (const link of links) await tx.provisioning.insertLink(link);
  });
}
