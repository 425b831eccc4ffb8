import { type ActorApi, RosterError } from '@rosterkit/core';
import {
  CreateProvisioningConnectionInput,
  ProvisioningConnectionRef,
  UpdateProvisioningConnectionInput,
} from '@rosterkit/core/extra';
import { z } from 'zod';
import { ifMatchVersion } from '../request/etag.js';
import { IssuedProvisioningTokenBody, ProvisioningConnectionBody } from './response-schemas.js';
import { bodyOf, defineRoute, type Route } from './route.js';

/** A connection's version, among the organization's connections (as the actor). */
async function connectionVersion(api: ActorApi, connectionId: string): Promise<number> {
  const found = (await api.listProvisioningConnections()).find((c) => c.id === connectionId);
  if (found === undefined) {
    throw new RosterError('NOT_FOUND', `No provisioning connection ${connectionId}.`, {
      subject: 'ProvisioningConnection',
      id: connectionId,
    });
  }
  return found.version;
}

const path = '/provisioning-connections/{connectionId}';

/** The organization's SCIM provisioning connections and their tokens (issue 17). @internal */
export const provisioningRoutes: readonly Route[] = [
  defineRoute({
    operationId: 'listProvisioningConnections',
    method: 'GET',
    path: '/provisioning-connections',
    tag: 'Provisioning',
    summary:
      'The organization’s provisioning connections, revoked ones included, without their token hashes.',
    auth: 'actor',
    status: 200,
    response: z.array(ProvisioningConnectionBody),
    call: ({ api }) => api.listProvisioningConnections(),
  }),
  defineRoute({
    operationId: 'createProvisioningConnection',
    method: 'POST',
    path: '/provisioning-connections',
    tag: 'Provisioning',
    summary:
      'Creates a SCIM provisioning connection; its bearer token is in this response only (rosterkit keeps its hash).',
    auth: 'actor',
    body: CreateProvisioningConnectionInput.schema,
    bodyRequired: true,
    status: 201,
    response: IssuedProvisioningTokenBody,
    call: ({ api, body }) => api.createProvisioningConnection(body),
    etag: (issued) => issued.connection.version,
    location: (issued) => `/provisioning-connections/${encodeURIComponent(issued.connection.id)}`,
  }),
  defineRoute({
    operationId: 'updateProvisioningConnection',
    method: 'PATCH',
    path,
    tag: 'Provisioning',
    summary:
      'Changes a connection’s name, space, roles or onCreate. `If-Match` is checked by core, in the write.',
    auth: 'actor',
    body: bodyOf(UpdateProvisioningConnectionInput, 'connectionId'),
    bodyRequired: true,
    status: 200,
    response: ProvisioningConnectionBody,
    call: ({ api, params, body, request }) =>
      api.updateProvisioningConnection({
        ...ifMatchVersion(request),
        ...body,
        connectionId: params.connectionId,
      }),
    currentVersion: ({ api, params }) => connectionVersion(api, params.connectionId),
    etag: (connection) => connection.version,
  }),
  defineRoute({
    operationId: 'rotateProvisioningToken',
    method: 'POST',
    path: `${path}/rotate-token`,
    tag: 'Provisioning',
    summary:
      'Gives the connection a new bearer token, in this response only; the old one stops working at once.',
    auth: 'actor',
    body: bodyOf(ProvisioningConnectionRef, 'connectionId'),
    status: 200,
    response: IssuedProvisioningTokenBody,
    call: ({ api, params, body, request }) =>
      api.rotateProvisioningToken({
        ...ifMatchVersion(request),
        ...body,
        connectionId: params.connectionId,
      }),
    currentVersion: ({ api, params }) => connectionVersion(api, params.connectionId),
    etag: (issued) => issued.connection.version,
  }),
  defineRoute({
    operationId: 'revokeProvisioningConnection',
    method: 'DELETE',
    path,
    tag: 'Provisioning',
    summary: 'Revokes the connection for good: its token no longer authenticates.',
    auth: 'actor',
    body: bodyOf(ProvisioningConnectionRef, 'connectionId'),
    status: 200,
    response: ProvisioningConnectionBody,
    call: ({ api, params, body, request }) =>
      api.revokeProvisioningConnection({
        ...ifMatchVersion(request),
        ...body,
        connectionId: params.connectionId,
      }),
    currentVersion: ({ api, params }) => connectionVersion(api, params.connectionId),
    etag: (connection) => connection.version,
  }),
];
