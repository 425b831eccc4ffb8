import { Id, RosterError } from '@rosterkit/core';
import { ScimError } from '../scim-error.js';
import type { ScimContext } from './scim-context.js';

/** The SCIM resource an endpoint serves. @internal */
export type ResourceKind = 'User' | 'Group';

function notFound(kind: ResourceKind, id: string): ScimError {
  return new ScimError(404, undefined, `No ${kind} ${id} in this connection.`);
}

/** A path id that cannot be a link's id is simply no such resource (a 404, not a 400). @internal */
export function checkedId(kind: ResourceKind, id: string): string {
  if (!Id.safeParse(id).success) throw notFound(kind, id);
  return id;
}

/** Whether core refused a write because another writer changed the row since it was read. @internal */
export function isStale(error: unknown): boolean {
  return (
    RosterError.isInstance(error, 'CONFLICT') &&
    (error.details as { reason?: unknown }).reason === 'stale-version'
  );
}

/**
 * Calls core for the resource `id`: its NOT_FOUND is SCIM's 404 naming it,
 * and a stale version found inside the write, when the request named a
 * version (`If-Match`), the failed precondition it is (412), not a conflict.
 * @internal
 */
export async function callFor<T>(
  ctx: ScimContext,
  kind: ResourceKind,
  id: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (RosterError.isInstance(error, 'NOT_FOUND') && error.details.id === id) {
      throw notFound(kind, id);
    }
    if (ctx.request.headers.get('if-match') !== null && isStale(error)) {
      throw new ScimError(
        412,
        undefined,
        `The ${kind} changed while this request ran; read it again and retry.`,
      );
    }
    throw error;
  }
}
