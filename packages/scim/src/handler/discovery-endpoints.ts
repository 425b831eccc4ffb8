import { resourceTypes, schemas, serviceProviderConfig } from '../discovery.js';
import { ScimError } from '../scim-error.js';
import { scimResponse } from './scim-response.js';

// Matched case-insensitively, as the resource endpoints are.
const names = new Map(
  ['ServiceProviderConfig', 'ResourceTypes', 'Schemas'].map((name) => [name.toLowerCase(), name]),
);

/**
 * The discovery documents (RFC 7644 §4), served without authentication: an
 * identity provider reads them before it has a token configured.
 * `segments` is the path under the base, split at `/`; `undefined` when it
 * is not a discovery path.
 * @internal
 */
export function discovery(baseUrl: string, segments: readonly string[]): Response | undefined {
  const [given, id, ...rest] = segments;
  if (rest.length > 0) return undefined;
  const first = names.get(given?.toLowerCase() ?? '');
  if (first === 'ServiceProviderConfig' && id === undefined) {
    return scimResponse(200, serviceProviderConfig(baseUrl));
  }
  const list =
    first === 'ResourceTypes'
      ? resourceTypes(baseUrl)
      : first === 'Schemas'
        ? schemas(baseUrl)
        : undefined;
  if (list === undefined) return undefined;
  if (id === undefined) return scimResponse(200, list);
  const found = list.Resources.find((entry) => entry.id === id);
  if (found === undefined) throw new ScimError(404, undefined, `No ${first} entry ${id}.`);
  return scimResponse(200, found);
}
