import { invalidField, maxLinkCount } from '@rosterkit/core/adapter';

/** The schema URNs of SCIM 2.0 (RFC 7643 §8.7, RFC 7644 §3.4.2) the discovery documents use. */
export const scimSchemas = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterpriseUser: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
} as const;

/** The largest page a SCIM list answers (core's `maxLinkCount`). */
export const scimMaxResults: number = maxLinkCount;

/** The `meta` of a discovery document (RFC 7643 §3.1). */
export interface ScimDiscoveryMeta {
  /** `ServiceProviderConfig`, `ResourceType` or `Schema`. */
  resourceType: 'ServiceProviderConfig' | 'ResourceType' | 'Schema';
  /** The absolute URL the document is served at. */
  location: string;
}

/** A SCIM `ListResponse` (RFC 7644 §3.4.2) of discovery documents, all on one page. */
export interface ScimDiscoveryList<T> {
  /** Always `['urn:ietf:params:scim:api:messages:2.0:ListResponse']`. */
  schemas: [typeof scimSchemas.listResponse];
  /** How many documents there are. */
  totalResults: number;
  /** As many as there are: the list is never paged. */
  itemsPerPage: number;
  /** Always 1. */
  startIndex: 1;
  /** The documents. */
  Resources: T[];
}

/** The `/ServiceProviderConfig` document (RFC 7643 §5). */
export interface ScimServiceProviderConfig {
  /** Always the ServiceProviderConfig schema. */
  schemas: [typeof scimSchemas.serviceProviderConfig];
  /** PATCH is supported. */
  patch: { supported: true };
  /** Bulk is not. */
  bulk: { supported: false; maxOperations: 0; maxPayloadSize: 0 };
  /** Filters are supported, on pages of at most {@link scimMaxResults}. */
  filter: { supported: true; maxResults: number };
  /** Password changes are not (rosterkit holds no credentials). */
  changePassword: { supported: false };
  /** Sorting is not. */
  sort: { supported: false };
  /** ETags are supported (an account's version). */
  etag: { supported: true };
  /** OAuth bearer tokens: the connection's provisioning token. */
  authenticationSchemes: {
    type: 'oauthbearertoken';
    name: string;
    description: string;
    specUri: string;
    primary: true;
  }[];
  /** Where it is served. */
  meta: ScimDiscoveryMeta;
}

/** A `/ResourceTypes` document (RFC 7643 §6). */
export interface ScimResourceTypeDocument {
  /** Always the ResourceType schema. */
  schemas: [typeof scimSchemas.resourceType];
  /** `User` or `Group`. */
  id: 'User' | 'Group';
  /** The same as `id`. */
  name: 'User' | 'Group';
  /** What the resource is. */
  description: string;
  /** The endpoint, relative to the base URL (`/Users`). */
  endpoint: '/Users' | '/Groups';
  /** The resource's core schema URN. */
  schema: string;
  /** Its extensions (the enterprise User, optional). */
  schemaExtensions: { schema: string; required: boolean }[];
  /** Where it is served. */
  meta: ScimDiscoveryMeta;
}

/** An attribute of a {@link ScimSchemaDocument} (RFC 7643 §7). */
export interface ScimAttributeDefinition {
  /** The attribute's name. */
  name: string;
  /** Its type. */
  type: 'string' | 'boolean' | 'complex' | 'reference';
  /** Whether it holds several values. */
  multiValued: boolean;
  /** What it is. */
  description: string;
  /** Whether a create must give it. */
  required: boolean;
  /** Whether its values compare case-sensitively. */
  caseExact: boolean;
  /** Who may write it, and when. */
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  /** When it is returned. */
  returned: 'always' | 'never' | 'default' | 'request';
  /** How unique its values are. */
  uniqueness: 'none' | 'server' | 'global';
  /** For a reference, what it refers to. */
  referenceTypes?: string[];
  /** For a string, the values it takes. */
  canonicalValues?: string[];
  /** For a complex attribute, its sub-attributes. */
  subAttributes?: ScimAttributeDefinition[];
}

/** A `/Schemas` document (RFC 7643 §7). */
export interface ScimSchemaDocument {
  /** Always the Schema schema. */
  schemas: [typeof scimSchemas.schema];
  /** The schema's URN. */
  id: string;
  /** Its name (`User`, `Group`, `EnterpriseUser`). */
  name: string;
  /** What it describes. */
  description: string;
  /** The attributes this service reads and writes. */
  attributes: ScimAttributeDefinition[];
  /** Where it is served. */
  meta: ScimDiscoveryMeta;
}

/** Trims the trailing slash of an absolute http(s) URL, or refuses it. */
function base(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw invalidField('baseUrl', 'Must be an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidField('baseUrl', 'Must be an absolute http or https URL');
  }
  if (url.search !== '' || url.hash !== '') {
    throw invalidField('baseUrl', 'Must have no query or fragment');
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * The `/ServiceProviderConfig` document (RFC 7643 §5): PATCH, filters (pages of
 * at most 1000) and ETags supported; bulk, sort and password changes not;
 * authentication by an OAuth bearer token.
 *
 * @param baseUrl - the SCIM service's absolute base URL (`https://app.example/scim/v2`).
 * @throws `INVALID_INPUT` at `baseUrl` when it is not an absolute http(s) URL.
 *
 * @example
 * ```ts
 * import { serviceProviderConfig } from '@rosterkit/scim';
 *
 * const config = serviceProviderConfig('https://app.example/scim/v2');
 * config.meta.location; // 'https://app.example/scim/v2/ServiceProviderConfig'
 * config.filter; // { supported: true, maxResults: 1000 }
 * ```
 */
export function serviceProviderConfig(baseUrl: string): ScimServiceProviderConfig {
  return {
    schemas: [scimSchemas.serviceProviderConfig],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: scimMaxResults },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description:
          "The provisioning connection's token, sent as `Authorization: Bearer <token>`.",
        specUri: 'https://www.rfc-editor.org/info/rfc6750',
        primary: true,
      },
    ],
    meta: {
      resourceType: 'ServiceProviderConfig',
      location: `${base(baseUrl)}/ServiceProviderConfig`,
    },
  };
}

/**
 * The `/ResourceTypes` list (RFC 7643 §6, RFC 7644 §4): `User` (with the
 * enterprise extension, optional) and `Group`. `/ResourceTypes/User` is the
 * entry whose `id` is `User`.
 *
 * @param baseUrl - the SCIM service's absolute base URL.
 * @throws `INVALID_INPUT` at `baseUrl` when it is not an absolute http(s) URL.
 *
 * @example
 * ```ts
 * import { resourceTypes } from '@rosterkit/scim';
 *
 * const list = resourceTypes('https://app.example/scim/v2');
 * list.Resources.map((type) => type.endpoint); // ['/Users', '/Groups']
 * ```
 */
export function resourceTypes(baseUrl: string): ScimDiscoveryList<ScimResourceTypeDocument> {
  const root = base(baseUrl);
  const Resources: ScimResourceTypeDocument[] = [
    {
      schemas: [scimSchemas.resourceType],
      id: 'User',
      name: 'User',
      description: 'An account of the organization and its membership of the connection’s space',
      endpoint: '/Users',
      schema: scimSchemas.user,
      schemaExtensions: [{ schema: scimSchemas.enterpriseUser, required: false }],
      meta: { resourceType: 'ResourceType', location: `${root}/ResourceTypes/User` },
    },
    {
      schemas: [scimSchemas.resourceType],
      id: 'Group',
      name: 'Group',
      description: 'A group of the connection’s space',
      endpoint: '/Groups',
      schema: scimSchemas.group,
      schemaExtensions: [],
      meta: { resourceType: 'ResourceType', location: `${root}/ResourceTypes/Group` },
    },
  ];
  return list(Resources);
}

function list<T>(Resources: T[]): ScimDiscoveryList<T> {
  return {
    schemas: [scimSchemas.listResponse],
    totalResults: Resources.length,
    itemsPerPage: Resources.length,
    startIndex: 1,
    Resources,
  };
}

function attribute(
  name: string,
  description: string,
  options: Partial<Omit<ScimAttributeDefinition, 'name' | 'description'>> = {},
): ScimAttributeDefinition {
  return {
    name,
    type: 'string',
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...options,
  };
}

const userAttributes: ScimAttributeDefinition[] = [
  attribute('userName', 'The account’s email: unique in the organization, and never changed', {
    required: true,
    mutability: 'immutable',
    uniqueness: 'server',
  }),
  attribute('name', 'The person’s name', {
    type: 'complex',
    subAttributes: [
      attribute('givenName', 'The first name'),
      attribute('familyName', 'The last name'),
      attribute('formatted', 'The full name, as given and family names', {
        mutability: 'readOnly',
      }),
    ],
  }),
  attribute('displayName', 'The name to display'),
  attribute('active', 'Whether the account may sign in: false deactivates it', {
    type: 'boolean',
  }),
  attribute('emails', 'The account’s email (the same as userName)', {
    type: 'complex',
    multiValued: true,
    subAttributes: [
      attribute('value', 'The address', { mutability: 'immutable' }),
      attribute('type', 'The kind of address', { canonicalValues: ['work', 'home', 'other'] }),
      attribute('primary', 'Whether it is the primary address', { type: 'boolean' }),
    ],
  }),
  attribute('groups', 'The groups of the connection’s space the account is in', {
    type: 'complex',
    multiValued: true,
    mutability: 'readOnly',
    subAttributes: [
      attribute('value', 'The group’s id', { mutability: 'readOnly' }),
      attribute('$ref', 'The group’s URL', {
        type: 'reference',
        referenceTypes: ['Group'],
        mutability: 'readOnly',
      }),
      attribute('display', 'The group’s name', { mutability: 'readOnly' }),
    ],
  }),
];

const groupAttributes: ScimAttributeDefinition[] = [
  attribute('displayName', 'The group’s name', { required: true }),
  attribute('members', 'The users in the group', {
    type: 'complex',
    multiValued: true,
    subAttributes: [
      attribute('value', 'The user’s id', { mutability: 'immutable' }),
      attribute('$ref', 'The user’s URL', {
        type: 'reference',
        referenceTypes: ['User'],
        mutability: 'immutable',
      }),
      attribute('display', 'The user’s name', { mutability: 'readOnly' }),
      attribute('type', 'Always User: groups hold no groups', {
        mutability: 'immutable',
        canonicalValues: ['User'],
      }),
    ],
  }),
];

const enterpriseUserAttributes: ScimAttributeDefinition[] = [
  attribute('manager', 'The account’s manager in the connection’s space', {
    type: 'complex',
    subAttributes: [
      attribute('value', 'The manager’s id'),
      attribute('$ref', 'The manager’s URL', { type: 'reference', referenceTypes: ['User'] }),
      attribute('displayName', 'The manager’s name', { mutability: 'readOnly' }),
    ],
  }),
];

/**
 * The `/Schemas` list (RFC 7643 §7, RFC 7644 §4): the User, Group and
 * enterprise User schemas, with only the attributes this service reads and
 * writes. `/Schemas/{urn}` is the entry whose `id` is the URN.
 *
 * @param baseUrl - the SCIM service's absolute base URL.
 * @throws `INVALID_INPUT` at `baseUrl` when it is not an absolute http(s) URL.
 *
 * @example
 * ```ts
 * import { schemas } from '@rosterkit/scim';
 *
 * const list = schemas('https://app.example/scim/v2');
 * list.Resources.map((schema) => schema.name); // ['User', 'Group', 'EnterpriseUser']
 * ```
 */
export function schemas(baseUrl: string): ScimDiscoveryList<ScimSchemaDocument> {
  const root = base(baseUrl);
  const schema = (
    id: string,
    name: string,
    description: string,
    attributes: ScimAttributeDefinition[],
  ): ScimSchemaDocument => ({
    schemas: [scimSchemas.schema],
    id,
    name,
    description,
    // A copy per call: a caller that edits its document edits no one else's.
    attributes: structuredClone(attributes),
    meta: { resourceType: 'Schema', location: `${root}/Schemas/${id}` },
  });
  return list([
    schema(scimSchemas.user, 'User', 'User Account', userAttributes),
    schema(scimSchemas.group, 'Group', 'Group', groupAttributes),
    schema(
      scimSchemas.enterpriseUser,
      'EnterpriseUser',
      'Enterprise User',
      enterpriseUserAttributes,
    ),
  ]);
}
