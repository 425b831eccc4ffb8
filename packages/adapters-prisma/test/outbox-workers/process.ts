import { createRoster, startOutboxWorker } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import type { RosterkitProvider } from '../../src/index.js';
import { prismaStore } from '../../src/prisma-store.js';
import { connectRaceClient } from '../race/connect.js';

// One OS process of the outbox tests (../outbox-workers.test.ts), forked
// with `--import tsx` and its config in OUTBOX_CONFIG:
// - `deliver`: an outbox worker on its own client and pool, reporting each
//   handler's start and end, and each settled delivery, to the parent over IPC;
// - `invite`: creates an organization, invites someone with the host key,
//   reports the invitation, and waits to be killed (its token dies with it);
// - `accept-invitations`: a fresh process with only the database and the key:
//   a worker sends the invitation e-mail, and the link from it is accepted.

export interface ProcessConfig {
  readonly mode: 'deliver' | 'invite' | 'accept-invitations';
  readonly provider: RosterkitProvider;
  readonly database: string;
  readonly name: string;
  readonly concurrency?: number;
  readonly lease?: number;
}

export type ProcessMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'start'; readonly id: string; readonly at: number }
  | { readonly type: 'end'; readonly id: string; readonly at: number }
  | { readonly type: 'delivered'; readonly id: string }
  | { readonly type: 'invited'; readonly invitationId: string; readonly orgId: string }
  | { readonly type: 'accepted'; readonly email: string; readonly status: string }
  | { readonly type: 'error'; readonly error: string };

const config = JSON.parse(process.env.OUTBOX_CONFIG ?? 'null') as ProcessConfig | null;
if (config === null || process.send === undefined) {
  throw new Error('process.ts is forked by outbox-workers.test.ts (OUTBOX_CONFIG and IPC)');
}
const send = (message: ProcessMessage) => process.send?.(message);
const key = { id: 'k1', secret: 'the host key of the outbox test, 32+ bytes' };
const client = connectRaceClient(config.provider, config.database, (config.concurrency ?? 2) + 2);
const roster = createRoster({
  store: prismaStore(client),
  policy: createPolicy(presets.teamWorkspace),
  invitationKeys: { current: key },
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function deliver(): Promise<void> {
  const worker = startOutboxWorker(roster, {
    handlers: {
      'password.reset': async (_payload, { message }) => {
        send({ type: 'start', id: message.id, at: Date.now() });
        // A delivery that takes a moment, so that a kill lands in the middle of some.
        await sleep(1 + Math.random() * 4);
        send({ type: 'end', id: message.id, at: Date.now() });
      },
    },
    concurrency: config?.concurrency ?? 4,
    pollMs: 20,
    lease: config?.lease ?? 2000,
    onEvent: (event) => {
      if (event.type === 'delivered') send({ type: 'delivered', id: event.message.id });
      if (event.type === 'error' || event.type === 'failed' || event.type === 'parked')
        send({
          type: 'error',
          error: `${event.type}: ${String('error' in event ? event.error : '')}`,
        });
    },
  });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stop')
      void worker
        .stop()
        .then(() => client.$disconnect())
        .then(() => process.exit(0));
  });
  send({ type: 'ready' });
}

async function invite(): Promise<void> {
  const { organization, owner } = await roster.createOrganization({
    name: 'Crash',
    owner: { email: 'olga@crash.io', firstName: 'Olga', lastName: 'Owner' },
  });
  const { invitation } = await roster
    .as({ accountId: owner.id, orgId: organization.id })
    .invite({ email: 'dee@crash.io', role: 'staff' });
  send({ type: 'invited', invitationId: invitation.id, orgId: organization.id });
  // Waits for the SIGKILL: nothing of the token survives this process.
  await sleep(60_000);
}

async function acceptInvitations(): Promise<void> {
  const links: { email: string; token: string }[] = [];
  const worker = startOutboxWorker(roster, {
    handlers: {
      'invitation.created': ({ email, token }) => {
        links.push({ email, token });
      },
      // The organization's creation wrote nothing else to deliver, but be complete.
      'sessions.revoke': () => undefined,
    },
    pollMs: 20,
  });
  while (links.length === 0) await sleep(10);
  await worker.stop();
  for (const link of links) {
    const { account } = await roster.acceptInvitation({
      token: link.token,
      firstName: 'Dee',
      lastName: 'Crash',
    });
    send({ type: 'accepted', email: account.email, status: account.status });
  }
  await client.$disconnect();
  process.exit(0);
}

const run = { deliver, invite, 'accept-invitations': acceptInvitations }[config.mode];
run().catch((error: unknown) => {
  send({ type: 'error', error: String(error) });
  process.exit(1);
});
