import {
  AddToTeamInput,
  AssignGroupsInput,
  ChangeRoleInput,
  RemoveFromTeamInput,
  SetManagerInput,
  SetRestrictionsInput,
} from '@rosterkit/core/extra';
import { ifMatchVersion } from '../request/etag.js';
import { MembersQuery } from '../request/list-query.js';
import { membershipVersion } from './resource-versions.js';
import { AccountPageBody, MembershipBody } from './response-schemas.js';
import { bodyOf, defineRoute, type Route } from './route.js';

const member = '/spaces/{spaceId}/members/{accountId}';

/** The team of a space and each member's access in it. @internal */
export const memberRoutes: readonly Route[] = [
  defineRoute({
    operationId: 'listMembers',
    method: 'GET',
    path: '/spaces/{spaceId}/members',
    tag: 'Members',
    summary: 'The team of a space: its current members, filtered, searched, sorted and paged.',
    auth: 'actor',
    query: MembersQuery,
    status: 200,
    response: AccountPageBody,
    call: ({ api, params, query }) => api.listMembers({ ...query, spaceId: params.spaceId }),
  }),
  defineRoute({
    operationId: 'addToTeam',
    method: 'PUT',
    path: member,
    tag: 'Members',
    summary: 'Adds an account to the space’s team, or back to it (same account, a new period).',
    auth: 'actor',
    body: bodyOf(AddToTeamInput, 'accountId', 'spaceId'),
    bodyRequired: true,
    status: 200,
    response: MembershipBody,
    call: ({ api, params, body }) =>
      api.addToTeam({ ...body, accountId: params.accountId, spaceId: params.spaceId }),
    etag: (membership) => membership.version,
  }),
  defineRoute({
    operationId: 'removeFromTeam',
    method: 'DELETE',
    path: member,
    tag: 'Members',
    summary: 'Ends the membership (kept in history); the account stays on All Users.',
    auth: 'actor',
    body: bodyOf(RemoveFromTeamInput, 'accountId', 'spaceId'),
    status: 200,
    response: MembershipBody,
    call: ({ api, params, body, request }) =>
      api.removeFromTeam({
        ...ifMatchVersion(request),
        ...body,
        accountId: params.accountId,
        spaceId: params.spaceId,
      }),
    currentVersion: ({ api, params }) => membershipVersion(api, params.accountId, params.spaceId),
    etag: (membership) => membership.version,
  }),
  defineRoute({
    operationId: 'changeRole',
    method: 'PUT',
    path: `${member}/role`,
    tag: 'Members',
    summary: 'Changes a member’s role in the space.',
    auth: 'actor',
    body: bodyOf(ChangeRoleInput, 'accountId', 'spaceId'),
    bodyRequired: true,
    status: 200,
    response: MembershipBody,
    call: ({ api, params, body, request }) =>
      api.changeRole({
        ...ifMatchVersion(request),
        ...body,
        accountId: params.accountId,
        spaceId: params.spaceId,
      }),
    currentVersion: ({ api, params }) => membershipVersion(api, params.accountId, params.spaceId),
    etag: (membership) => membership.version,
  }),
  defineRoute({
    operationId: 'setRestrictions',
    method: 'PUT',
    path: `${member}/restrictions`,
    tag: 'Members',
    summary: 'Replaces a member’s restrictions in the space.',
    auth: 'actor',
    body: bodyOf(SetRestrictionsInput, 'accountId', 'spaceId'),
    bodyRequired: true,
    status: 200,
    response: MembershipBody,
    call: ({ api, params, body, request }) =>
      api.setRestrictions({
        ...ifMatchVersion(request),
        ...body,
        accountId: params.accountId,
        spaceId: params.spaceId,
      }),
    currentVersion: ({ api, params }) => membershipVersion(api, params.accountId, params.spaceId),
    etag: (membership) => membership.version,
  }),
  defineRoute({
    operationId: 'assignGroups',
    method: 'PUT',
    path: `${member}/groups`,
    tag: 'Members',
    summary: 'Replaces a member’s groups (departments, queues) in the space.',
    auth: 'actor',
    body: bodyOf(AssignGroupsInput, 'accountId', 'spaceId'),
    bodyRequired: true,
    status: 200,
    response: MembershipBody,
    call: ({ api, params, body, request }) =>
      api.assignGroups({
        ...ifMatchVersion(request),
        ...body,
        accountId: params.accountId,
        spaceId: params.spaceId,
      }),
    currentVersion: ({ api, params }) => membershipVersion(api, params.accountId, params.spaceId),
    etag: (membership) => membership.version,
  }),
  defineRoute({
    operationId: 'setManager',
    method: 'PUT',
    path: `${member}/manager`,
    tag: 'Members',
    summary: 'Sets or clears (`null`) a member’s manager in the space.',
    auth: 'actor',
    body: bodyOf(SetManagerInput, 'accountId', 'spaceId'),
    bodyRequired: true,
    status: 200,
    response: MembershipBody,
    call: ({ api, params, body, request }) =>
      api.setManager({
        ...ifMatchVersion(request),
        ...body,
        accountId: params.accountId,
        spaceId: params.spaceId,
      }),
    currentVersion: ({ api, params }) => membershipVersion(api, params.accountId, params.spaceId),
    etag: (membership) => membership.version,
  }),
];
