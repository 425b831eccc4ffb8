import { type ActorApi, type Group, RosterError } from '@rosterkit/core';

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

/** The organization's version. @internal */
export async function organizationVersion(api: ActorApi): Promise<number> {
  return (await api.getOrganization()).version;
}

/** A space's version, among the spaces the actor may read. @internal */
export async function spaceVersion(api: ActorApi, spaceId: string): Promise<number> {
  const space = (await api.listSpaces()).find((candidate) => candidate.id === spaceId);
  if (space === undefined) throw notFound('Space', spaceId);
  return space.version;
}

/**
 * A group of a space, among the groups the actor may read there: a group
 * route names its space, so a group of another space is a 404. @internal
 */
export async function groupInSpace(
  api: ActorApi,
  spaceId: string,
  groupId: string,
): Promise<Group> {
  const found = (await api.listGroups({ spaceId })).find((entry) => entry.group.id === groupId);
  if (found === undefined) throw notFound('Group', groupId);
  return found.group;
}

/** A stored role's version. @internal */
export async function roleVersion(api: ActorApi, roleId: string): Promise<number> {
  const role = (await api.listRoles()).stored.find((candidate) => candidate.id === roleId);
  if (role === undefined) throw notFound('Role', roleId);
  return role.version;
}

function notFound(subject: string, id: string): RosterError<'NOT_FOUND'> {
  return new RosterError('NOT_FOUND', `No ${subject.toLowerCase()} ${id} here.`, { subject, id });
}
