import {
  ChangePlanInput,
  DeleteOrganizationInput,
  RenameOrganizationInput,
  TransferOwnershipInput,
} from '@rosterkit/core/extra';
import { ifMatchVersion } from '../request/etag.js';
import { organizationVersion } from './resource-versions.js';
import { DeletedOrganizationBody, OrganizationBody } from './response-schemas.js';
import { defineRoute, type Route } from './route.js';

/** The actor's organization: its name, plan, owner, and its deletion. @internal */
export const organizationRoutes: readonly Route[] = [
  defineRoute({
    operationId: 'getOrganization',
    method: 'GET',
    path: '/organization',
    tag: 'Organization',
    summary: 'The actor’s organization. `ETag` is its version.',
    auth: 'actor',
    status: 200,
    response: OrganizationBody,
    call: ({ api }) => api.getOrganization(),
    etag: (organization) => organization.version,
  }),
  defineRoute({
    operationId: 'renameOrganization',
    method: 'PUT',
    path: '/organization/name',
    tag: 'Organization',
    summary: 'Renames the organization.',
    auth: 'actor',
    body: RenameOrganizationInput.schema,
    bodyRequired: true,
    status: 200,
    response: OrganizationBody,
    call: ({ api, body, request }) =>
      api.renameOrganization({ ...ifMatchVersion(request), ...body }),
    currentVersion: ({ api }) => organizationVersion(api),
    etag: (organization) => organization.version,
  }),
  defineRoute({
    operationId: 'changePlan',
    method: 'PUT',
    path: '/organization/plan',
    tag: 'Organization',
    summary: 'Changes the organization’s plan.',
    auth: 'actor',
    body: ChangePlanInput.schema,
    bodyRequired: true,
    status: 200,
    response: OrganizationBody,
    call: ({ api, body, request }) => api.changePlan({ ...ifMatchVersion(request), ...body }),
    currentVersion: ({ api }) => organizationVersion(api),
    etag: (organization) => organization.version,
  }),
  defineRoute({
    operationId: 'transferOwnership',
    method: 'POST',
    path: '/organization/transfer-ownership',
    tag: 'Organization',
    summary: 'Makes another active member of the default space the owner. Only the owner may.',
    auth: 'actor',
    body: TransferOwnershipInput.schema,
    bodyRequired: true,
    status: 200,
    response: OrganizationBody,
    call: ({ api, body, request }) =>
      api.transferOwnership({ ...ifMatchVersion(request), ...body }),
    currentVersion: ({ api }) => organizationVersion(api),
    etag: (organization) => organization.version,
  }),
  defineRoute({
    operationId: 'deleteOrganization',
    method: 'DELETE',
    path: '/organization',
    tag: 'Organization',
    summary:
      'Deletes the organization and every account in it. `confirmName` must be its exact name.',
    auth: 'actor',
    body: DeleteOrganizationInput.schema,
    bodyRequired: true,
    status: 200,
    response: DeletedOrganizationBody,
    call: ({ api, body, request }) =>
      api.deleteOrganization({ ...ifMatchVersion(request), ...body }),
    currentVersion: ({ api }) => organizationVersion(api),
  }),
];
