export type {
  ScimAttributeDefinition,
  ScimDiscoveryList,
  ScimDiscoveryMeta,
  ScimResourceTypeDocument,
  ScimSchemaDocument,
  ScimServiceProviderConfig,
} from './discovery.js';
export {
  resourceTypes,
  schemas,
  scimMaxResults,
  scimSchemas,
  serviceProviderConfig,
} from './discovery.js';
export type { ScimHandler } from './handler/create-scim-handler.js';
export { createScimHandler } from './handler/create-scim-handler.js';
export type { ScimHandlerOptions } from './handler/scim-handler-options.js';
export type { ScimMeta } from './resources/resource-meta.js';
export type { ScimGroup, ScimGroupMember } from './resources/scim-group.js';
export type { ScimUser } from './resources/scim-user.js';
export type { ScimErrorBody, ScimErrorType } from './scim-error.js';
export { ScimError, scimContentType, scimErrorSchema } from './scim-error.js';
