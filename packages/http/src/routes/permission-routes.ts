import { rosterActions } from '@rosterkit/core';
import { SubjectQuery } from '../request/list-query.js';
import { CanBody, PermissionsBody } from './response-schemas.js';
import { defineRoute, type Route } from './route.js';

/** What the actor may do: the answers a UI shows its buttons by. @internal */
export const permissionRoutes: readonly Route[] = [
  defineRoute({
    operationId: 'permissions',
    method: 'GET',
    path: '/me/permissions',
    tag: 'Me',
    summary:
      'Every action with whether the actor may do it on the subject (or none), and the roles it may grant there.',
    auth: 'actor',
    query: SubjectQuery,
    status: 200,
    response: PermissionsBody,
    call: ({ api, query }) => api.permissions(query),
  }),
  defineRoute({
    operationId: 'can',
    method: 'GET',
    path: '/me/permissions/{action}',
    tag: 'Me',
    summary: `Whether the actor may do one action (${rosterActions.length} of them: \`deactivate\`, \`viewStatistics\`…) on the subject.`,
    auth: 'actor',
    query: SubjectQuery,
    status: 200,
    response: CanBody,
    // core validates the action (an unknown one is INVALID_INPUT) with the subject.
    call: async ({ api, params, query }) => ({
      action: params.action,
      allowed: await api.can(params.action as never, query),
    }),
  }),
];
