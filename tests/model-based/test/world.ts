import { memoryStore } from '@rosterkit/adapter-memory';
import {
  type Account,
  type ActorApi,
  type Clock,
  createRoster,
  type ProvisioningConnection,
  type Roster,
  type SeatLimitsByPlan,
} from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';

// One organization on a fresh memory store, with the team-workspace roles
// (owner / admin / staff), shared by the model-based and bad-input tests.

export const roleSet = presets.teamWorkspace;

export interface World {
  readonly roster: Roster;
  readonly store: ReturnType<typeof memoryStore>;
  readonly orgId: string;
  readonly defaultSpaceId: string;
  readonly clock: Clock & { advance(ms: number): void };
  /** Every account ever created, in creation order (deleted ones stay listed). */
  readonly people: Account[];
  as(accountId: string): ActorApi;
  /** The API of an active provisioning connection of the organization, with `withConnection`. */
  readonly provisioner?: ActorApi;
}

export async function newWorld(
  options: { file?: string; seatLimits?: SeatLimitsByPlan; withConnection?: boolean } = {},
): Promise<World> {
  const store = memoryStore(options.file === undefined ? {} : { file: options.file });
  let now = Date.parse('2026-05-04T08:00:00Z');
  const clock = {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
  const roster = createRoster({
    store,
    policy: createPolicy(roleSet),
    clock,
    ...(options.seatLimits === undefined ? {} : { seatLimits: options.seatLimits }),
  });
  const { organization, owner } = await roster.createOrganization({
    name: 'Acme',
    owner: { email: 'owner@acme.io', firstName: 'Ana', lastName: 'Ng' },
  });
  const people: Account[] = [owner];
  const as = (accountId: string) => roster.as({ accountId, orgId: organization.id });
  for (const [email, role] of [
    ['admin@acme.io', 'admin'],
    ['staff1@acme.io', 'staff'],
    ['staff2@acme.io', 'staff'],
  ] as const) {
    const { token } = await as(owner.id).invite({ email, role });
    const { account } = await roster.acceptInvitation({
      token,
      firstName: email.split('@')[0] ?? 'x',
      lastName: 'T',
    });
    people.push(account);
  }
  let provisioner: ActorApi | undefined;
  if (options.withConnection === true) {
    const connection: ProvisioningConnection = {
      id: 'prc_world',
      orgId: organization.id,
      name: 'Okta',
      spaceId: organization.defaultSpaceId,
      defaultRole: 'staff',
      onCreate: 'activate',
      groupRoles: {},
      status: 'active',
      tokenHash: 'a'.repeat(64),
      tokenHint: 'aaaa',
      version: 1,
      createdAt: clock.now(),
      updatedAt: clock.now(),
      lastUsedAt: null,
    };
    await store.transaction((tx) => tx.provisioning.insertConnection(connection));
    provisioner = roster.as({
      kind: 'provisioner',
      orgId: organization.id,
      connectionId: connection.id,
    });
  }
  return {
    ...(provisioner === undefined ? {} : { provisioner }),
    roster,
    store,
    orgId: organization.id,
    defaultSpaceId: organization.defaultSpaceId,
    clock,
    people,
    as,
  };
}
