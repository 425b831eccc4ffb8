import { RosterError } from '@rosterkit/core';
import { describe, expect, it } from 'vitest';
import {
  resourceTypes,
  type ScimAttributeDefinition,
  schemas,
  scimSchemas,
  serviceProviderConfig,
} from '../src/discovery.js';

const baseUrl = 'https://app.example/scim/v2';

describe('serviceProviderConfig', () => {
  it('says what the service supports, at its location', () => {
    expect(serviceProviderConfig(baseUrl)).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: 1000 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: true },
      authenticationSchemes: [expect.objectContaining({ type: 'oauthbearertoken', primary: true })],
      meta: {
        resourceType: 'ServiceProviderConfig',
        location: 'https://app.example/scim/v2/ServiceProviderConfig',
      },
    });
  });

  it('trims a trailing slash of the base URL', () => {
    expect(serviceProviderConfig(`${baseUrl}/`).meta.location).toBe(
      'https://app.example/scim/v2/ServiceProviderConfig',
    );
  });

  it.each(['scim/v2', 'ftp://app.example/scim', 'https://app.example/scim?x=1', ''])(
    'refuses the base URL %j with INVALID_INPUT',
    (bad) => {
      for (const build of [serviceProviderConfig, resourceTypes, schemas]) {
        expect(() => build(bad)).toThrow(RosterError);
        try {
          build(bad);
        } catch (error) {
          expect((error as RosterError).code).toBe('INVALID_INPUT');
        }
      }
    },
  );
});

describe('resourceTypes', () => {
  it('lists User (with the optional enterprise extension) and Group in a ListResponse', () => {
    const list = resourceTypes(baseUrl);
    expect(list).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 2,
      itemsPerPage: 2,
      startIndex: 1,
    });
    expect(list.Resources).toEqual([
      expect.objectContaining({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
        id: 'User',
        name: 'User',
        endpoint: '/Users',
        schema: 'urn:ietf:params:scim:schemas:core:2.0:User',
        schemaExtensions: [
          { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', required: false },
        ],
        meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
      }),
      expect.objectContaining({
        id: 'Group',
        endpoint: '/Groups',
        schema: 'urn:ietf:params:scim:schemas:core:2.0:Group',
        schemaExtensions: [],
        meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` },
      }),
    ]);
  });

  it('names only schemas that /Schemas serves', () => {
    const served = schemas(baseUrl).Resources.map((schema) => schema.id);
    for (const type of resourceTypes(baseUrl).Resources) {
      expect(served).toContain(type.schema);
      for (const extension of type.schemaExtensions) expect(served).toContain(extension.schema);
    }
  });
});

function everyAttribute(attributes: ScimAttributeDefinition[]): ScimAttributeDefinition[] {
  return attributes.flatMap((attribute) => [
    attribute,
    ...everyAttribute(attribute.subAttributes ?? []),
  ]);
}

describe('schemas', () => {
  const list = schemas(baseUrl);

  it('serves the User, Group and enterprise User schemas at their URNs', () => {
    expect(list).toMatchObject({ totalResults: 3, itemsPerPage: 3, startIndex: 1 });
    expect(list.Resources.map((schema) => [schema.id, schema.name, schema.meta])).toEqual([
      [
        scimSchemas.user,
        'User',
        { resourceType: 'Schema', location: `${baseUrl}/Schemas/${scimSchemas.user}` },
      ],
      [
        scimSchemas.group,
        'Group',
        { resourceType: 'Schema', location: `${baseUrl}/Schemas/${scimSchemas.group}` },
      ],
      [
        scimSchemas.enterpriseUser,
        'EnterpriseUser',
        { resourceType: 'Schema', location: `${baseUrl}/Schemas/${scimSchemas.enterpriseUser}` },
      ],
    ]);
    for (const schema of list.Resources) {
      expect(schema.schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:Schema']);
    }
  });

  it('describes the attributes the link filter and PATCH read', () => {
    const names = (id: string) =>
      list.Resources.find((schema) => schema.id === id)?.attributes.map((a) => a.name);
    expect(names(scimSchemas.user)).toEqual(
      expect.arrayContaining(['userName', 'name', 'displayName', 'active', 'emails']),
    );
    expect(names(scimSchemas.group)).toEqual(['displayName', 'members']);
    expect(names(scimSchemas.enterpriseUser)).toEqual(['manager']);
    const userName = list.Resources[0]?.attributes.find((a) => a.name === 'userName');
    expect(userName).toMatchObject({
      required: true,
      uniqueness: 'server',
      mutability: 'immutable',
    });
  });

  it('gives every attribute the characteristics RFC 7643 §7 requires, sub-attributes only on complex ones', () => {
    for (const schema of list.Resources) {
      for (const attribute of everyAttribute(schema.attributes)) {
        expect(attribute).toEqual(
          expect.objectContaining({
            name: expect.any(String),
            type: expect.stringMatching(/^(string|boolean|complex|reference)$/),
            multiValued: expect.any(Boolean),
            description: expect.any(String),
            required: expect.any(Boolean),
            caseExact: expect.any(Boolean),
            mutability: expect.stringMatching(/^(readOnly|readWrite|immutable|writeOnly)$/),
            returned: expect.stringMatching(/^(always|never|default|request)$/),
            uniqueness: expect.stringMatching(/^(none|server|global)$/),
          }),
        );
        expect(attribute.subAttributes !== undefined).toBe(attribute.type === 'complex');
        if (attribute.type === 'reference')
          expect(attribute.referenceTypes?.length).toBeGreaterThan(0);
      }
    }
  });

  it('is JSON as it is sent (no undefined, no shared mutable state between calls)', () => {
    const first = schemas(baseUrl);
    const pristine = JSON.parse(JSON.stringify(first));
    expect(pristine).toEqual(first);
    first.Resources[0]?.attributes.pop();
    expect(schemas(baseUrl)).toEqual(pristine);
  });
});
