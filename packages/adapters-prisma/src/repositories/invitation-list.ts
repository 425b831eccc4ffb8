import type { Invitation, InvitationListQuery, InvitationListStatus, Page } from '@rosterkit/core';
import { checkPageLimit, decodeInstantCursor, encodeInstantCursor } from '@rosterkit/core/adapter';
import type { RosterkitPrismaTransactionClient } from '../client.js';
import { type InvitationRow, invitationFromRow } from '../rows.js';

/** The `where` of one list status: a stored status, with expiry judged at `now` for pending ones. */
function statusWhere(status: InvitationListStatus, now: Date): Record<string, unknown> {
  if (status === 'pending') return { status: 'pending', expiresAt: { gt: now } };
  if (status === 'expired') return { status: 'pending', expiresAt: { lte: now } };
  return { status };
}

/**
 * `InvitationRepository.list`: newest first over the `(orgId, createdAt, id)`
 * or `(orgId, spaceId, createdAt, id)` index, one count and one page query.
 *
 * @internal
 */
export async function listInvitations(
  db: RosterkitPrismaTransactionClient,
  query: InvitationListQuery,
): Promise<Page<Invitation>> {
  checkPageLimit(query.limit);
  const after = query.cursor === undefined ? undefined : decodeInstantCursor(query.cursor);
  if (query.spaceIds?.length === 0 || query.statuses?.length === 0) {
    return { items: [], nextCursor: null, total: 0 };
  }
  const statuses = query.statuses === undefined ? undefined : [...new Set(query.statuses)];
  const where = {
    orgId: query.orgId,
    ...(query.spaceIds === undefined ? {} : { spaceId: { in: [...new Set(query.spaceIds)] } }),
    ...(statuses === undefined ? {} : { OR: statuses.map((s) => statusWhere(s, query.now)) }),
  };
  const total = (await db.rosterkitInvitation.count({ where })) as number;
  const rows = (await db.rosterkitInvitation.findMany({
    where:
      after === undefined
        ? where
        : {
            AND: [
              where,
              {
                OR: [
                  { createdAt: { lt: after.at } },
                  { createdAt: after.at, id: { lt: after.id } },
                ],
              },
            ],
          },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  })) as InvitationRow[];
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(invitationFromRow),
    nextCursor:
      rows.length > query.limit && last !== undefined
        ? encodeInstantCursor({ at: last.createdAt, id: last.id })
        : null,
    total,
  };
}
