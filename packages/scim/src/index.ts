export type { ScimErrorBody, ScimErrorType } from './scim-error.js';
export { ScimError, scimContentType, scimErrorSchema } from './scim-error.js';
