import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { memoryStore } from '@rosterkit/adapter-memory';
import { createRoster } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import { describe, expect, it } from 'vitest';
import { createRosterHandler } from '../src/index.js';
import { type NodeListenerOptions, toNodeListener } from '../src/node/index.js';

// The Node listener as Express mounts it: under a path (originalUrl), with
// `next`, and the mistake it must make loud: a body parser that ran first.

async function setup(options: NodeListenerOptions = {}) {
  const roster = createRoster({
    store: memoryStore(),
    policy: createPolicy(presets.contactCenter),
  });
  const { organization, owner } = await roster.createOrganization({
    name: 'Acme',
    owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' },
  });
  const handler = createRosterHandler(roster, {
    basePath: '/api',
    authenticate: () => ({ accountId: owner.id, orgId: organization.id }),
  });
  return toNodeListener(handler, options);
}

async function serve(
  listener: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('toNodeListener', () => {
  it('serves under a mount path from originalUrl, as Express rewrites url', async () => {
    const listener = await setup();
    const server = await serve((request, response) => {
      // What Express does under app.use('/api', …).
      const original = request.url ?? '/';
      Object.assign(request, { originalUrl: original, url: original.replace(/^\/api/, '') || '/' });
      listener(request, response);
    });
    try {
      const response = await fetch(`${server.url}/api/accounts`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { total: number }).total).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('refuses a body another middleware already read: next(error), or a 500 without next', async () => {
    const listener = await setup();
    const errors: unknown[] = [];
    const server = await serve(async (request, response) => {
      for await (const _chunk of request) {
        // express.json() mounted first reads the stream to its end.
      }
      if (request.headers['x-with-next'] === '1') {
        listener(request, response, (error) => {
          errors.push(error);
          response.writeHead(599).end();
        });
      } else listener(request, response);
    });
    try {
      const init = {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Leeds' }),
      };
      const withNext = await fetch(`${server.url}/api/spaces`, {
        ...init,
        headers: { ...init.headers, 'x-with-next': '1' },
      });
      expect(withNext.status).toBe(599);
      expect(String(errors[0])).toMatch(/mount the rosterkit handler before any body parser/);
      const without = await fetch(`${server.url}/api/spaces`, init);
      expect(without.status).toBe(500);
    } finally {
      await server.close();
    }
  });

  it('uses the configured public origin for the cross-site check', async () => {
    const listener = await setup({ origin: 'https://admin.acme.io' });
    const server = await serve(listener);
    try {
      const post = (origin: string) =>
        fetch(`${server.url}/api/spaces`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: JSON.stringify({ name: `From ${origin}` }),
        });
      expect((await post('https://admin.acme.io')).status).toBe(201);
      expect((await post(server.url)).status).toBe(403);
    } finally {
      await server.close();
    }
  });
});
