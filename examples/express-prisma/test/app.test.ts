import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createApp } from '../src/app.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';

// The example as a newcomer tries it, on a database of its own on the local
// PostgreSQL (TEST_POSTGRES_URL to point elsewhere), dropped afterwards.

const server = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const name = `rosterkit_example_http_${process.pid}`;
let prisma: PrismaClient;
let listening: Server;
let root: string;
let ana = '';
let orgId = '';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  prisma = await connect(url.toString());
  listening = createApp(prisma).listen(0, '127.0.0.1');
  await new Promise((resolve) => listening.once('listening', resolve));
  root = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => listening.close(resolve));
  await prisma.$disconnect();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

const json = (body: unknown, token?: string) => ({
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
  },
  body: JSON.stringify(body),
});

describe('the Express + Prisma example', () => {
  it('signs up, invites, accepts, signs the invitee in, and keeps it all in PostgreSQL', async () => {
    const signup = await fetch(
      `${root}/signup`,
      json({ company: 'Acme', email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' }),
    );
    expect(signup.status).toBe(201);
    const { token, organizationId } = (await signup.json()) as {
      token: string;
      organizationId: string;
    };
    ana = token;
    orgId = organizationId;
    const invite = await fetch(
      `${root}/api/roster/invitations`,
      json({ email: 'bo@acme.io', role: 'agent' }, token),
    );
    expect(invite.status).toBe(201);
    const { token: invitation } = (await invite.json()) as { token: string };
    const accept = await fetch(
      `${root}/api/roster/invitations/accept`,
      json({ token: invitation, firstName: 'Bo', lastName: 'Li' }),
    );
    expect(accept.status).toBe(200);
    const signin = await fetch(
      `${root}/signin`,
      json({ email: 'bo@acme.io', orgId: organizationId }),
    );
    const { token: bo } = (await signin.json()) as { token: string };
    const refused = await fetch(
      `${root}/api/roster/invitations`,
      json({ email: 'cy@acme.io', role: 'agent' }, bo),
    );
    expect([refused.status, refused.headers.get('content-type')]).toEqual([
      403,
      'application/problem+json',
    ]);
    const list = await fetch(`${root}/api/roster/accounts?sort=email`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await list.json()) as { total: number; items: { account: { email: string } }[] };
    expect(page.items.map((item) => item.account.email)).toEqual(['ana@acme.io', 'bo@acme.io']);
    expect(
      await prisma.$queryRawUnsafe('SELECT count(*)::int AS n FROM example_host_session'),
    ).toEqual([{ n: 2 }]);
  });

  it('resolves the session with findAccount: no account is 401, a deactivated one ACTOR_INACTIVE', async () => {
    const signin = async (email: string) =>
      ((await (await fetch(`${root}/signin`, json({ email, orgId }))).json()) as { token: string })
        .token;
    const accounts = (token: string) =>
      fetch(`${root}/api/roster/accounts`, { headers: { authorization: `Bearer ${token}` } });
    // Signed in to the host, but never invited.
    const stranger = await accounts(await signin('zed@acme.io'));
    expect([stranger.status, stranger.headers.get('content-type')]).toEqual([
      401,
      'application/problem+json',
    ]);
    // The invitee, deactivated by the owner: the session still resolves, and core says why.
    const bo = await signin('bo@acme.io');
    expect((await accounts(bo)).status).toBe(200);
    const page = (await (await accounts(ana)).json()) as {
      items: { account: { id: string; email: string } }[];
    };
    const boId = page.items.find((item) => item.account.email === 'bo@acme.io')?.account.id;
    const deactivate = await fetch(`${root}/api/roster/accounts/${boId}/deactivate`, json({}, ana));
    expect(deactivate.status).toBe(200);
    const inactive = await accounts(bo);
    expect(inactive.status).toBe(403);
    expect(((await inactive.json()) as { code: string }).code).toBe('ACTOR_INACTIVE');
  });

  it('the API reads its body itself, before express.json(): its own checks answer', async () => {
    const response = await fetch(`${root}/api/roster/invitations`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${ana}` },
      body: 'hello',
    });
    expect(response.status).toBe(415);
    const malformed = await fetch(`${root}/api/roster/invitations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ana}` },
      body: '{"email":',
    });
    expect(malformed.status).toBe(400);
    expect((await fetch(`${root}/api/roster/openapi.json`)).status).toBe(200);
  });
});
