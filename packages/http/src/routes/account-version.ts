import { type ActorApi, RosterError } from '@rosterkit/core';

// The versions If-Match is compared with, read as the actor (so a resource
// the actor may not read is a 404/403 before any precondition is judged).

/** The account row's version. @internal */
export async function accountVersion(api: ActorApi, accountId: string): Promise<number> {
  return (await api.getAccount({ accountId })).account.version;
}

/** The version of an account's membership of a space. @internal */
export async function membershipVersion(
  api: ActorApi,
  accountId: string,
  spaceId: string,
): Promise<number> {
  const { memberships } = await api.getAccount({ accountId });
  const membership = memberships.find((candidate) => candidate.spaceId === spaceId);
  if (membership === undefined) {
    throw new RosterError(
      'NOT_FOUND',
      `Account ${accountId} has no membership of space ${spaceId}.`,
      {
        subject: 'Membership',
        id: `${accountId}@${spaceId}`,
      },
    );
  }
  return membership.version;
}
