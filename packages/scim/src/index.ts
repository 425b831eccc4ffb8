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
export type { ScimErrorBody, ScimErrorType } from './scim-error.js';
export { ScimError, scimContentType, scimErrorSchema } from './scim-error.js';
