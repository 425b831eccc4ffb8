import { z } from 'zod';
import { LinkFilter } from '../../model/link-filter.js';
import type { ProvisioningLink, ProvisioningResourceType } from '../../model/provisioning-link.js';
import type { ProvisionerPolicyActor } from '../../ports/policy.js';
import type { LinkListPage } from '../../ports/repositories/provisioning-repository.js';
import type { ActorContext } from '../command-context.js';

/**
 * The fields of a SCIM list (`listProvisionedUsers`, `listProvisionedGroups`):
 * a filter and SCIM's 1-based window.
 * @internal
 */
export const linkListFields = {
  filter: LinkFilter.schema.optional(),
  /** From 1 (SCIM's `startIndex`); default 1. */
  startIndex: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(1),
  /** 0 to 1000 (SCIM's `count`; 0 asks for the total alone); default 100. */
  count: z.number().int().min(0).max(1000).default(100),
};

/**
 * One window of the acting connection's links of a resource type, filtered
 * and windowed in the store (DESIGN §7), never here.
 * @internal
 */
export function listConnectionLinks(
  ctx: ActorContext,
  provisioner: ProvisionerPolicyActor,
  resourceType: ProvisioningResourceType,
  input: {
    readonly filter?: LinkFilter | undefined;
    readonly startIndex: number;
    readonly count: number;
  },
): Promise<LinkListPage> {
  return ctx.tx.provisioning.listLinks(
    provisioner.organization.id,
    provisioner.connection.id,
    resourceType,
    {
      ...(input.filter === undefined ? {} : { filter: input.filter }),
      startIndex: input.startIndex,
      count: input.count,
    },
  );
}

// An `or` of at most 100 `id eq` conditions: within LinkFilter's 100 filters
// per `or` and the adapter kit's 200 conditions per filter.
const idsPerRead = 100;

/**
 * The connection's links of a resource type with these ids (the ones that
 * exist; repeats read once), read with `listLinks` and an `or` of `id eq`:
 * one statement per 100 distinct ids, never one per id (the port has no
 * bulk get by ids).
 * @internal
 */
export async function getLinksByIds(
  ctx: ActorContext,
  provisioner: ProvisionerPolicyActor,
  resourceType: ProvisioningResourceType,
  ids: readonly string[],
): Promise<Map<string, ProvisioningLink>> {
  const distinct = [...new Set(ids)];
  const found = new Map<string, ProvisioningLink>();
  for (let at = 0; at < distinct.length; at += idsPerRead) {
    const chunk = distinct.slice(at, at + idsPerRead);
    const page = await listConnectionLinks(ctx, provisioner, resourceType, {
      filter: {
        op: 'or',
        filters: chunk.map((id) => ({ op: 'eq' as const, attribute: 'id' as const, value: id })),
      },
      startIndex: 1,
      count: chunk.length,
    });
    for (const link of page.items) found.set(link.id, link);
  }
  return found;
}
