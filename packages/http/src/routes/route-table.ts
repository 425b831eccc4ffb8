import { accountRoutes } from './account-routes.js';
import { bulkRoutes } from './bulk-routes.js';
import { invitationRoutes } from './invitation-routes.js';
import { memberRoutes } from './member-routes.js';
import { organizationRoutes } from './organization-routes.js';
import { outboxRoutes } from './outbox-routes.js';
import { permissionRoutes } from './permission-routes.js';
import { provisioningRoutes } from './provisioning-routes.js';
import { roleRoutes } from './role-routes.js';
import type { Route } from './route.js';
import { structureRoutes } from './structure-routes.js';

/**
 * Every route of the admin API, as data: the handler serves exactly these,
 * and the OpenAPI document describes exactly these. A host may pass its own
 * table (these plus its routes, or fewer) as the handler's `routes`.
 *
 * Not routes: `createOrganization` (sign-up is the host's flow, before any
 * actor), `drainOutbox` and the roster's own `listDeadOutboxMessages` and
 * `retryDeadOutboxMessage` (host jobs across organizations, not authorized
 * for an actor); the actor's calls of those two are routes (`/outbox/dead`).
 *
 * @category Routes
 */
export const rosterRoutes: readonly Route[] = [
  ...accountRoutes,
  ...memberRoutes,
  ...invitationRoutes,
  ...organizationRoutes,
  ...structureRoutes,
  ...roleRoutes,
  ...permissionRoutes,
  ...provisioningRoutes,
  ...bulkRoutes,
  ...outboxRoutes,
];
