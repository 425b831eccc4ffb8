import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { memoryStore } from '@rosterkit/adapter-memory';
import { type Actor, createRoster, type Roster } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import { createRosterHandler, type RosterHandlerOptions } from '../../src/index.js';
import { toNodeListener } from '../../src/node/index.js';
import { spreadsheetUploads } from '../../src/spreadsheets/index.js';

/** A settable clock, so a test can let an invitation expire. */
export class TestClock {
  at = new Date('2026-12-01T09:00:00.000Z');
  now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

/** A running API: a real node:http server on 127.0.0.1 in front of a memory-store roster. */
export interface TestApi {
  readonly url: string;
  readonly roster: Roster;
  readonly clock: TestClock;
  readonly orgId: string;
  readonly ownerId: string;
  readonly defaultSpaceId: string;
  /** Bearer tokens: the test's sessions, token → actor. */
  readonly sessions: Map<string, Actor>;
  /** A session for an account; returns its Authorization header value. */
  signIn(accountId: string): string;
  /** fetch against the API, as `token`'s session when given. */
  call(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

export const basePath = '/api/roster';

export async function startApi(
  {
    withoutUploads = false,
    ...options
  }: Partial<RosterHandlerOptions> & { withoutUploads?: boolean } = {},
  rosterOptions: { requiredProfileFields?: readonly string[] } = {},
): Promise<TestApi> {
  const clock = new TestClock();
  const roster = createRoster({
    store: memoryStore(),
    policy: createPolicy(presets.contactCenter),
    clock,
    ...rosterOptions,
  });
  const { organization, owner } = await roster.createOrganization({
    name: 'Acme',
    owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng', profile: { phone: '1' } },
  });
  const sessions = new Map<string, Actor>();
  const handler = createRosterHandler(roster, {
    basePath,
    authenticate: (request) => {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
      return (token === undefined ? undefined : sessions.get(token)) ?? null;
    },
    ...(withoutUploads ? {} : { uploads: spreadsheetUploads() }),
    ...options,
  });
  const server: Server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}${basePath}`;
  let next = 0;
  return {
    url,
    roster,
    clock,
    orgId: organization.id,
    ownerId: owner.id,
    defaultSpaceId: organization.defaultSpaceId,
    sessions,
    signIn(accountId) {
      next += 1;
      const token = `token-${next}`;
      sessions.set(token, { accountId, orgId: organization.id });
      return token;
    },
    call(path, init = {}) {
      const { token, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(`${url}${path}`, {
        ...rest,
        headers,
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Invites and accepts someone through the roster itself; returns their account id. */
export async function addPerson(
  api: TestApi,
  email: string,
  role: string,
  extra: { managerId?: string } = {},
): Promise<string> {
  const admin = api.roster.as({ accountId: api.ownerId, orgId: api.orgId });
  const { token, account } = await admin.invite({
    email,
    role,
    firstName: email.split('@')[0] ?? 'X',
    lastName: 'Test',
    profile: { phone: '2' },
    ...extra,
  });
  await api.roster.acceptInvitation({ token });
  return account.id;
}
