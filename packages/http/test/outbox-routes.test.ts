import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Route, rosterRoutes } from '../src/index.js';
import { outboxRoutes } from '../src/routes/outbox-routes.js';
import { expectRoute } from './support/expect-route.js';
import { type Json, problem } from './support/json.js';
import { addPerson, startApi, type TestApi } from './support/server.js';

// The organization's dead outbox messages over a real HTTP server: listed
// and retried by an admin (`manageOutbox`), refused to an agent, and another
// organization's message not there at all (404, not 403).

let api: TestApi;
let admin: string;
let agent: string;
let otherOrgsMessage: string;
const driven = new Set<string>();

/** Parks every due message dead: one failed delivery allowed. */
async function failEverything(): Promise<void> {
  await api.roster.drainOutbox(
    async () => {
      throw new Error('mail server down');
    },
    { maxAttempts: 1 },
  );
}

beforeAll(async () => {
  api = await startApi();
  admin = api.signIn(api.ownerId);
  agent = api.signIn(await addPerson(api, 'bo@acme.io', 'agent'));
  const owner = api.roster.as({ accountId: api.ownerId, orgId: api.orgId });
  await owner.invite({ email: 'cy@acme.io', role: 'agent' });
  await owner.invite({ email: 'di@acme.io', role: 'agent' });
  const other = await api.roster.createOrganization({
    name: 'Globex',
    owner: { email: 'hank@globex.io', firstName: 'Hank', lastName: 'Scorpio' },
  });
  await api.roster
    .as({ accountId: other.owner.id, orgId: other.organization.id })
    .invite({ email: 'homer@globex.io', role: 'agent' });
  await failEverything();
  const theirs = await api.roster.listDeadOutboxMessages({ orgId: other.organization.id });
  otherOrgsMessage = theirs.items[0]?.id ?? '';
  expect(otherOrgsMessage).not.toBe('');
});
afterAll(() => api.close());

describe('dead outbox messages over HTTP', () => {
  it('lists the organization’s own dead messages, paged', async () => {
    const all = (await expectRoute(
      driven,
      'listDeadOutboxMessages',
      await api.call('/outbox/dead', { token: admin }),
    )) as Json;
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    expect(all.total).toBe(all.items.length);
    for (const message of all.items) {
      expect(message.orgId).toBe(api.orgId);
      expect([message.attempts, message.lastError]).toEqual([1, 'Error: mail server down']);
      expect(message.deadAt).not.toBeNull();
    }
    expect(all.items.some((message: Json) => message.id === otherOrgsMessage)).toBe(false);
    const first = (await (await api.call('/outbox/dead?limit=1', { token: admin })).json()) as Json;
    expect([first.items.length, first.total]).toEqual([1, all.total]);
    expect(first.nextCursor).not.toBeNull();
    const second = (await (
      await api.call(`/outbox/dead?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`, {
        token: admin,
      })
    ).json()) as Json;
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(await problem(await api.call('/outbox/dead?limit=0', { token: admin }))).toEqual([
      400,
      'INVALID_INPUT',
    ]);
    expect(await problem(await api.call('/outbox/dead?page=2', { token: admin }))).toEqual([
      400,
      'INVALID_INPUT',
    ]);
  });

  it('retries one: back in the queue, out of the list; again is `retried: false`', async () => {
    const before = (await (await api.call('/outbox/dead', { token: admin })).json()) as Json;
    const id = before.items[0].id as string;
    const retried = (await expectRoute(
      driven,
      'retryDeadOutboxMessage',
      await api.call(`/outbox/dead/${id}/retry`, { method: 'POST', token: admin }),
    )) as Json;
    expect(retried).toEqual({ retried: true });
    const after = (await (await api.call('/outbox/dead', { token: admin })).json()) as Json;
    expect(after.total).toBe(before.total - 1);
    expect(after.items.some((message: Json) => message.id === id)).toBe(false);
    const again = await api.call(`/outbox/dead/${id}/retry`, { method: 'POST', token: admin });
    expect([again.status, await again.json()]).toEqual([200, { retried: false }]);
    // The retried message is due again: the next drain delivers it.
    const delivered: string[] = [];
    await api.roster.drainOutbox(async (message) => {
      delivered.push(message.id);
    });
    expect(delivered).toEqual([id]);
  });

  it('refuses an agent (403) and a body with fields (400)', async () => {
    expect(await problem(await api.call('/outbox/dead', { token: agent }))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    const dead = (await (await api.call('/outbox/dead', { token: admin })).json()) as Json;
    const id = dead.items[0].id as string;
    expect(
      await problem(await api.call(`/outbox/dead/${id}/retry`, { method: 'POST', token: agent })),
    ).toEqual([403, 'FORBIDDEN']);
    expect(
      await problem(
        await api.call(`/outbox/dead/${id}/retry`, {
          method: 'POST',
          token: admin,
          json: { messageId: id },
        }),
      ),
    ).toEqual([400, 'INVALID_INPUT']);
    // Nothing was retried by the refused calls.
    const still = (await (await api.call('/outbox/dead', { token: admin })).json()) as Json;
    expect(still.total).toBe(dead.total);
  });

  it('answers another organization’s message 404, and leaves it dead', async () => {
    expect(
      await problem(
        await api.call(`/outbox/dead/${otherOrgsMessage}/retry`, { method: 'POST', token: admin }),
      ),
    ).toEqual([404, 'NOT_FOUND']);
    const theirs = await api.roster.listDeadOutboxMessages({});
    expect(theirs.items.some((message) => message.id === otherOrgsMessage)).toBe(true);
  });

  it('needs a session (401)', async () => {
    expect((await api.call('/outbox/dead')).status).toBe(401);
  });

  it('drove every outbox route', () => {
    const table = new Set(rosterRoutes.map((route: Route) => route.operationId));
    for (const route of outboxRoutes) expect(table.has(route.operationId)).toBe(true);
    expect([...driven].sort()).toEqual(outboxRoutes.map((route) => route.operationId).sort());
  });
});
