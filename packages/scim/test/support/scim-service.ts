import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { memoryStore } from '@rosterkit/adapter-memory';
import { createRoster, type Roster, type Store } from '@rosterkit/core';
import { toNodeListener } from '@rosterkit/http/node';
import { createPolicy, presets } from '@rosterkit/policies';
import { createScimHandler } from '../../src/index.js';

/** A SCIM service on 127.0.0.1 in front of a roster with one organization and one connection. */
export interface ScimService {
  /** `http://127.0.0.1:PORT/scim/v2` */
  readonly baseUrl: string;
  readonly roster: Roster;
  readonly orgId: string;
  readonly ownerId: string;
  readonly ownerEmail: string;
  readonly spaceId: string;
  readonly connectionId: string;
  /** The connection's bearer token. */
  readonly token: string;
  /** fetch under the base URL with the token (or `token: null` for none), JSON bodies as `application/scim+json`. */
  call(
    path: string,
    init?: RequestInit & { token?: string | null; json?: unknown },
  ): Promise<Response>;
  /** Another organization with its own connection, on the same roster. */
  otherOrganization(name: string): Promise<{ orgId: string; token: string; ownerId: string }>;
  close(): Promise<void>;
}

export interface ScimServiceOptions {
  readonly store?: Store;
  readonly onCreate?: 'activate' | 'invite';
  readonly groupRoles?: Record<string, string>;
}

async function organizationWithConnection(
  roster: Roster,
  name: string,
  email: string,
  onCreate: 'activate' | 'invite',
) {
  const { organization, owner } = await roster.createOrganization({
    name,
    owner: { email, firstName: 'Ana', lastName: 'Owner' },
  });
  const admin = roster.as({ accountId: owner.id, orgId: organization.id });
  const { connection, token } = await admin.createProvisioningConnection({
    name: 'Okta',
    defaultRole: 'agent',
    onCreate,
  });
  return { organization, owner, connection, token };
}

export async function startScimService(options: ScimServiceOptions = {}): Promise<ScimService> {
  const roster = createRoster({
    store: options.store ?? memoryStore(),
    policy: createPolicy(presets.contactCenter),
  });
  const ownerEmail = 'ana@acme.io';
  const { organization, owner, connection, token } = await organizationWithConnection(
    roster,
    'Acme',
    ownerEmail,
    options.onCreate ?? 'activate',
  );
  const server: Server = createServer(toNodeListener(createScimHandler(roster)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/scim/v2`;
  return {
    baseUrl,
    roster,
    orgId: organization.id,
    ownerId: owner.id,
    ownerEmail,
    spaceId: organization.defaultSpaceId,
    connectionId: connection.id,
    token,
    call(path, init = {}) {
      const { token: given, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      const bearer = given === undefined ? token : given;
      if (bearer !== null) headers.set('authorization', `Bearer ${bearer}`);
      if (json !== undefined) headers.set('content-type', 'application/scim+json');
      return fetch(`${baseUrl}${path}`, {
        ...rest,
        headers,
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
    },
    async otherOrganization(name) {
      const other = await organizationWithConnection(
        roster,
        name,
        `owner@${name.toLowerCase()}.io`,
        'activate',
      );
      return { orgId: other.organization.id, token: other.token, ownerId: other.owner.id };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
