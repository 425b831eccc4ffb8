import { DefineRoleInput, RoleRef, UpdateRoleInput } from '@rosterkit/core/extra';
import { z } from 'zod';
import { ifMatchVersion } from '../request/etag.js';
import { roleVersion } from './resource-versions.js';
import { RoleListBody, StoredRoleBody } from './response-schemas.js';
import { bodyOf, defineRoute, type Route } from './route.js';

// updateRole's schema carries a refinement (at least one field), which zod
// will not `omit` from: the body is its fields but `roleId`, and core checks
// the whole input again, refinement included.
const { roleId: _path, ...updateFields } = (UpdateRoleInput.schema as unknown as z.ZodObject).shape;
const UpdateRoleBody = z.strictObject(updateFields) as unknown as z.ZodType<
  Omit<UpdateRoleInput, 'roleId'>
>;

/** The organization's roles: the policy's presets and the stored ones. @internal */
export const roleRoutes: readonly Route[] = [
  defineRoute({
    operationId: 'listRoles',
    method: 'GET',
    path: '/roles',
    tag: 'Roles',
    summary: 'The roles of the organization: the policy’s presets and its stored roles.',
    auth: 'actor',
    status: 200,
    response: RoleListBody,
    call: ({ api }) => api.listRoles(),
  }),
  defineRoute({
    operationId: 'defineRole',
    method: 'POST',
    path: '/roles',
    tag: 'Roles',
    summary: 'Stores a new role (not above the actor’s rank, only permissions the actor holds).',
    auth: 'actor',
    body: DefineRoleInput.schema,
    bodyRequired: true,
    status: 201,
    response: StoredRoleBody,
    call: ({ api, body }) => api.defineRole(body),
    etag: (role) => role.version,
    location: (role) => `/roles/${encodeURIComponent(role.id)}`,
  }),
  defineRoute({
    operationId: 'updateRole',
    method: 'PATCH',
    path: '/roles/{roleId}',
    tag: 'Roles',
    summary:
      'Changes a stored role (never its name); its holders’ rights follow at once. `If-Match` is checked by core, in the write.',
    auth: 'actor',
    body: UpdateRoleBody,
    bodyRequired: true,
    status: 200,
    response: StoredRoleBody,
    call: ({ api, params, body, request }) =>
      api.updateRole({
        ...ifMatchVersion(request),
        ...body,
        roleId: params.roleId,
      }),
    currentVersion: ({ api, params }) => roleVersion(api, params.roleId),
    etag: (role) => role.version,
  }),
  defineRoute({
    operationId: 'deleteRole',
    method: 'DELETE',
    path: '/roles/{roleId}',
    tag: 'Roles',
    summary: 'Deletes a stored role nobody holds (`ROLE_IN_USE` lists who does).',
    auth: 'actor',
    body: bodyOf(RoleRef, 'roleId'),
    status: 200,
    response: StoredRoleBody,
    call: ({ api, params, body, request }) =>
      api.deleteRole({ ...ifMatchVersion(request), ...body, roleId: params.roleId }),
    currentVersion: ({ api, params }) => roleVersion(api, params.roleId),
  }),
];
