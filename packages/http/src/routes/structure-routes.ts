import {
  CreateGroupInput,
  CreateSpaceInput,
  DeleteGroupInput,
  DeleteSpaceInput,
  RenameGroupInput,
  RenameSpaceInput,
} from '@rosterkit/core/extra';
import { z } from 'zod';
import { ifMatchVersion } from '../request/etag.js';
import { groupInSpace, spaceVersion } from './resource-versions.js';
import {
  DeletedSpaceBody,
  GroupBody,
  GroupListBody,
  publicInvitation,
  SpaceBody,
} from './response-schemas.js';
import { bodyOf, defineRoute, type Route } from './route.js';

const space = '/spaces/{spaceId}';
const group = `${space}/groups/{groupId}`;

/** The organization's structure: its spaces and their groups. @internal */
export const structureRoutes: readonly Route[] = [
  defineRoute({
    operationId: 'listSpaces',
    method: 'GET',
    path: '/spaces',
    tag: 'Spaces',
    summary: 'The spaces the actor may read: the default one first, then by name.',
    auth: 'actor',
    status: 200,
    response: z.array(SpaceBody),
    call: ({ api }) => api.listSpaces(),
  }),
  defineRoute({
    operationId: 'createSpace',
    method: 'POST',
    path: '/spaces',
    tag: 'Spaces',
    summary: 'Creates a space (a site, a Space, a second team).',
    auth: 'actor',
    body: CreateSpaceInput.schema,
    bodyRequired: true,
    status: 201,
    response: SpaceBody,
    call: ({ api, body }) => api.createSpace(body),
    etag: (created) => created.version,
    location: (created) => `/spaces/${encodeURIComponent(created.id)}`,
  }),
  defineRoute({
    operationId: 'renameSpace',
    method: 'PUT',
    path: `${space}/name`,
    tag: 'Spaces',
    summary: 'Renames a space.',
    auth: 'actor',
    body: bodyOf(RenameSpaceInput, 'spaceId'),
    bodyRequired: true,
    status: 200,
    response: SpaceBody,
    call: ({ api, params, body, request }) =>
      api.renameSpace({ ...ifMatchVersion(request), ...body, spaceId: params.spaceId }),
    currentVersion: ({ api, params }) => spaceVersion(api, params.spaceId),
    etag: (renamed) => renamed.version,
  }),
  defineRoute({
    operationId: 'deleteSpace',
    method: 'DELETE',
    path: space,
    tag: 'Spaces',
    summary:
      'Deletes a space (never the default one): its members leave, its pending invitations are revoked, its groups go.',
    auth: 'actor',
    body: bodyOf(DeleteSpaceInput, 'spaceId'),
    status: 200,
    response: DeletedSpaceBody,
    call: async ({ api, params, body, request }) => {
      const deleted = await api.deleteSpace({
        ...ifMatchVersion(request),
        ...body,
        spaceId: params.spaceId,
      });
      return {
        ...deleted,
        revokedInvitations: deleted.revokedInvitations.map(publicInvitation),
      };
    },
    currentVersion: ({ api, params }) => spaceVersion(api, params.spaceId),
  }),
  defineRoute({
    operationId: 'listGroups',
    method: 'GET',
    path: `${space}/groups`,
    tag: 'Groups',
    summary: 'The groups of a space the actor may read, by name, each with its member count.',
    auth: 'actor',
    status: 200,
    response: GroupListBody,
    call: ({ api, params }) => api.listGroups({ spaceId: params.spaceId }),
  }),
  defineRoute({
    operationId: 'createGroup',
    method: 'POST',
    path: `${space}/groups`,
    tag: 'Groups',
    summary: 'Creates a group (a department, a queue) in the space.',
    auth: 'actor',
    body: bodyOf(CreateGroupInput, 'spaceId'),
    bodyRequired: true,
    status: 201,
    response: GroupBody,
    call: ({ api, params, body }) => api.createGroup({ ...body, spaceId: params.spaceId }),
    etag: (created) => created.version,
  }),
  defineRoute({
    operationId: 'renameGroup',
    method: 'PUT',
    path: `${group}/name`,
    tag: 'Groups',
    summary: 'Renames a group of the space.',
    auth: 'actor',
    body: bodyOf(RenameGroupInput, 'groupId'),
    bodyRequired: true,
    status: 200,
    response: GroupBody,
    call: async ({ api, params, body, request }) => {
      await groupInSpace(api, params.spaceId, params.groupId);
      return api.renameGroup({ ...ifMatchVersion(request), ...body, groupId: params.groupId });
    },
    currentVersion: async ({ api, params }) =>
      (await groupInSpace(api, params.spaceId, params.groupId)).version,
    etag: (renamed) => renamed.version,
  }),
  defineRoute({
    operationId: 'deleteGroup',
    method: 'DELETE',
    path: group,
    tag: 'Groups',
    summary: 'Deletes a group of the space; its members leave it.',
    auth: 'actor',
    body: bodyOf(DeleteGroupInput, 'groupId'),
    status: 200,
    response: GroupBody,
    call: async ({ api, params, body, request }) => {
      await groupInSpace(api, params.spaceId, params.groupId);
      return api.deleteGroup({ ...ifMatchVersion(request), ...body, groupId: params.groupId });
    },
    currentVersion: async ({ api, params }) =>
      (await groupInSpace(api, params.spaceId, params.groupId)).version,
  }),
];
