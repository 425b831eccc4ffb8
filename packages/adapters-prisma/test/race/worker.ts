import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type Account,
  type ActorApi,
  createRoster,
  type Invitation,
  type Membership,
  type Organization,
  RosterError,
} from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import { prismaStore } from '../../src/prisma-store.js';
import { connectRaceClient, type RaceClient } from './connect.js';
import {
  type CommandRecord,
  type ParentMessage,
  raceSeatLimits,
  type SeededInvitation,
  type WorkerConfig,
  type WorkerMessage,
  type Written,
} from './protocol.js';
import { type Random, random } from './random.js';

// One racing process: its own PrismaClient and pool, `lanes` loops of
// commands against the shared organization, picked at random with heavy
// contention on purpose, and every `syncEvery` commands a duel: all lanes of
// all processes wait at a barrier held by the parent, then run conflicting
// commands on the same rows at once. Every outcome is recorded and sent back.
//
// Run by race.test.ts with `fork(worker.ts, { execArgv: ['--import', 'tsx'] })`.

const config = JSON.parse(process.env.RACE_CONFIG ?? 'null') as WorkerConfig | null;
if (config === null || process.send === undefined) {
  throw new Error('worker.ts is started by race.test.ts (fork with RACE_CONFIG and IPC)');
}
const send = (message: WorkerMessage) => process.send?.(message);
const { fixture: f } = config;
const roleSet = presets.managedTeams;
/** Roles a command may grant (never the owner's: it moves only by transferOwnership). */
const grantable = ['admin', 'team-leader', 'user'] as const;

// Counts the Store's transactions per command: the Store runs a command's
// transaction again after a serialization failure or a deadlock.
const attempts = new AsyncLocalStorage<{ count: number }>();
// RACE_ISOLATION=ReadCommitted (or RepeatableRead) runs the Store's
// transactions below Serializable: the test's own check that it can see the
// anomalies Serializable prevents. Never set in CI.
const weaker = process.env.RACE_ISOLATION;
function counting(client: RaceClient): RaceClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === '$transaction') {
        return (...args: unknown[]) => {
          const counter = attempts.getStore();
          if (counter !== undefined) counter.count += 1;
          if (weaker !== undefined) {
            const [work, options] = args as [unknown, Record<string, unknown>];
            return (target.$transaction as (...a: unknown[]) => unknown)(work, {
              ...options,
              isolationLevel: weaker,
            });
          }
          return (target.$transaction as (...a: unknown[]) => unknown)(...args);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

const client = connectRaceClient(config.provider, config.database, config.poolSize);
const roster = createRoster({
  store: prismaStore(counting(client)),
  policy: createPolicy(roleSet),
  seatLimits: raceSeatLimits,
});
const as = (accountId: string): ActorApi => roster.as({ accountId, orgId: f.orgId });

async function currentOwner(): Promise<string> {
  const org = (await client.rosterkitOrganization.findUnique({ where: { id: f.orgId } })) as {
    ownerId: string;
  } | null;
  if (org === null) throw new Error('the organization vanished');
  return org.ownerId;
}

const account = (a: Account): Written => ({
  type: 'Account',
  id: a.id,
  version: a.version,
  fields: { status: a.status, lastName: a.lastName },
});
const membership = (m: Membership): Written => ({
  type: 'Membership',
  id: m.id,
  version: m.version,
  fields: { state: m.state, role: m.role, managerId: m.managerId, groupIds: m.groupIds },
});
const invitation = (i: Invitation): Written => ({
  type: 'Invitation',
  id: i.id,
  version: i.version,
  fields: { status: i.status },
});
const organization = (o: Organization): Written => ({
  type: 'Organization',
  id: o.id,
  version: o.version,
  fields: { ownerId: o.ownerId },
});

/** A command ready to run: who acts, with what input, and what its result wrote. */
interface Planned {
  readonly kind: string;
  readonly actorId: string | null;
  readonly input: unknown;
  run(): Promise<{ written: Written; changed?: string[] }>;
}

/** Tokens this worker learnt from its own invite and resendInvitation calls. */
const ownTokens = new Map<string, string>();

class Lane {
  private readonly rng: Random;
  constructor(
    readonly index: number,
    readonly seed: number,
  ) {
    this.rng = random(seed);
  }

  private pick<T>(items: readonly T[]): T {
    return this.rng.pick(items);
  }
  private chance(p: number): boolean {
    return this.rng.next() < p;
  }
  private get participant(): number {
    return config?.lanes === undefined ? 0 : (config.worker * config.lanes + this.index) % 4;
  }

  /** Someone with the power to manage users, most of the time; anyone, sometimes. */
  private async actor(): Promise<string> {
    const r = this.rng.next();
    if (r < 0.4) return this.pick(f.admins);
    if (r < 0.8) return currentOwner();
    if (r < 0.85) return f.ownerId;
    if (r < 0.95) return this.pick(f.leaders);
    return this.pick(f.users);
  }
  private reassignment(): { to: string } | undefined {
    return this.chance(0.6) ? { to: this.pick(f.admins) } : undefined;
  }
  private everyone(): string[] {
    return [...f.admins, ...f.leaders, ...f.users];
  }

  // The commands. Inputs are always well-formed: INVALID_INPUT may only come
  // from a state another process changed (a reassignment target deactivated).

  private accept(token: string): Planned {
    return {
      kind: 'acceptInvitation',
      actorId: null,
      input: { token: `${token.slice(0, 6)}…` },
      run: async () => {
        const r = await roster.acceptInvitation({ token, firstName: 'Race', lastName: 'Joiner' });
        return { written: account(r.account), changed: [r.membership.id] };
      },
    };
  }
  private invite(actorId: string, email: string, role: string): Planned {
    // No managerId: acceptInvitation does not check the invitation's manager
    // again (a core bug reported with this test), so a manager deactivated
    // in between would break rule 7 without any race.
    const input = { email, role };
    return {
      kind: 'invite',
      actorId,
      input,
      run: async () => {
        const r = await as(actorId).invite(input);
        ownTokens.set(r.invitation.id, r.token);
        return { written: invitation(r.invitation), changed: [r.account.id] };
      },
    };
  }
  private revoke(actorId: string, invitationId: string): Planned {
    const input = { invitationId };
    return {
      kind: 'revokeInvitation',
      actorId,
      input,
      run: async () => ({ written: invitation(await as(actorId).revokeInvitation(input)) }),
    };
  }
  private resend(actorId: string, invitationId: string): Planned {
    const input = { invitationId };
    return {
      kind: 'resendInvitation',
      actorId,
      input,
      run: async () => {
        const r = await as(actorId).resendInvitation(input);
        ownTokens.set(r.invitation.id, r.token);
        return { written: invitation(r.invitation) };
      },
    };
  }
  private deactivate(actorId: string, accountId: string, to?: { to: string }): Planned {
    const input = { accountId, ...(to === undefined ? {} : { reassignReports: to }) };
    return {
      kind: 'deactivate',
      actorId,
      input,
      run: async () => ({ written: account(await as(actorId).deactivate(input)) }),
    };
  }
  private reactivate(actorId: string, accountId: string): Planned {
    const input = { accountId };
    return {
      kind: 'reactivate',
      actorId,
      input,
      run: async () => ({ written: account(await as(actorId).reactivate(input)) }),
    };
  }
  private changeRole(actorId: string, accountId: string, role: string): Planned {
    const input = { accountId, role };
    return {
      kind: 'changeRole',
      actorId,
      input,
      run: async () => ({ written: membership(await as(actorId).changeRole(input)) }),
    };
  }
  private transfer(actorId: string, toAccountId: string): Planned {
    const input = { toAccountId, previousOwnerRole: 'admin' };
    return {
      kind: 'transferOwnership',
      actorId,
      input,
      run: async () => ({ written: organization(await as(actorId).transferOwnership(input)) }),
    };
  }
  private remove(actorId: string, accountId: string, to?: { to: string }): Planned {
    const input = { accountId, ...(to === undefined ? {} : { reassignReports: to }) };
    return {
      kind: 'removeFromTeam',
      actorId,
      input,
      run: async () => ({ written: membership(await as(actorId).removeFromTeam(input)) }),
    };
  }
  private addToTeam(actorId: string, accountId: string, role: string): Planned {
    // No managerId: addToTeam does not check the manager at all (a core bug
    // reported with this test), which would break rule 7 without any race.
    const input = { accountId, role };
    return {
      kind: 'addToTeam',
      actorId,
      input,
      run: async () => ({ written: membership(await as(actorId).addToTeam(input)) }),
    };
  }
  private setManager(actorId: string, accountId: string, managerId: string | null): Planned {
    const input = { accountId, managerId };
    return {
      kind: 'setManager',
      actorId,
      input,
      run: async () => ({ written: membership(await as(actorId).setManager(input)) }),
    };
  }
  private assignGroups(actorId: string, accountId: string): Planned {
    const input = { accountId, groupIds: f.groupIds.filter(() => this.chance(0.5)) };
    return {
      kind: 'assignGroups',
      actorId,
      input,
      run: async () => ({ written: membership(await as(actorId).assignGroups(input)) }),
    };
  }
  private updateProfile(actorId: string, accountId: string, seq: number): Planned {
    // A new last name every time: the command always writes (an unchanged
    // profile is not written nor audited).
    const input = { accountId, lastName: `W${config?.worker}L${this.index}S${seq}` };
    return {
      kind: 'updateProfile',
      actorId,
      input,
      run: async () => ({ written: account(await as(actorId).updateProfile(input)) }),
    };
  }

  /** A reports candidate and a manager for it (never the same person). */
  private reportAndManager(): [string, string | null] {
    const report = this.pick([...f.users, ...f.users, ...f.leaders]);
    if (this.chance(0.1)) return [report, null];
    const managers = [...f.leaders, ...f.admins].filter((id) => id !== report);
    return [report, this.pick(managers)];
  }

  /** One command picked at random, heavy on the shared rows. */
  private async randomCommand(seq: number): Promise<Planned> {
    const r = this.rng.next() * 100;
    const actor = await this.actor();
    if (r < 11) {
      const own = [...ownTokens.values()];
      const token =
        own.length > 0 && this.chance(0.4) ? this.pick(own) : this.pick(f.invitations).token;
      return this.accept(token);
    }
    if (r < 20) {
      const email = this.chance(0.85) ? this.pick(f.inviteEmails) : this.pick(f.existingEmails);
      return this.invite(actor, email, this.pick(grantable));
    }
    if (r < 23) return this.revoke(actor, this.pick(f.invitations).id);
    if (r < 26) return this.resend(actor, this.pick(f.invitations).id);
    if (r < 36) {
      // Admins act most: deactivate them less often than they are reactivated.
      const target = this.chance(0.15)
        ? this.pick(f.admins)
        : this.pick([...f.leaders, ...f.users]);
      const to = this.reassignment();
      return this.deactivate(actor, target, to?.to === target ? undefined : to);
    }
    if (r < 45) {
      const target = this.chance(0.5) ? this.pick(f.admins) : this.pick([...f.leaders, ...f.users]);
      return this.reactivate(actor, target);
    }
    if (r < 54) return this.changeRole(actor, this.pick(this.everyone()), this.pick(grantable));
    if (r < 57) return this.changeRole(actor, await currentOwner(), this.pick(grantable));
    if (r < 61) {
      const owner = this.chance(0.9) ? await currentOwner() : actor;
      return this.transfer(owner, this.pick(this.everyone().filter((id) => id !== owner)));
    }
    if (r < 68) {
      // Leaders and users only: admins stay members, see Fixture.admins.
      return this.remove(actor, this.pick([...f.leaders, ...f.users]), this.reassignment());
    }
    if (r < 75)
      return this.addToTeam(actor, this.pick([...f.leaders, ...f.users]), this.pick(grantable));
    if (r < 88) {
      const [report, manager] = this.reportAndManager();
      return this.setManager(actor, report, manager);
    }
    if (r < 94) return this.assignGroups(actor, this.pick([...f.leaders, ...f.users]));
    const target = this.chance(0.3) ? actor : this.pick(this.everyone());
    return this.updateProfile(actor, target, seq);
  }

  /** The duel of `round`: each of the four participants of a group runs its part. */
  private async duel(round: number): Promise<Planned> {
    const p = this.participant;
    const second = config !== null && config.worker * config.lanes + this.index >= 4;
    switch (round % 6) {
      case 0: {
        // Two admins deactivate each other, while the owner reactivates them.
        const me = f.admins[p % f.admins.length] as string;
        const other = f.admins[(p ^ 1) % f.admins.length] as string;
        return second
          ? this.reactivate(await currentOwner(), this.pick([me, other]))
          : this.deactivate(me, other, { to: this.pick(f.admins.filter((a) => a !== other)) });
      }
      case 1: {
        // Ownership moves to N while the owner is demoted and N deactivated
        // or removed; the second group brings N back.
        const owner = await currentOwner();
        const admins = f.admins.filter((a) => a !== owner);
        const candidates = [...f.admins, ...f.leaders].filter((id) => id !== owner);
        const next = candidates[round % candidates.length] as string;
        const heirs = admins.filter((a) => a !== next);
        if (second) {
          if (p === 0) return this.reactivate(this.pick(admins), next);
          if (p === 1 && f.leaders.includes(next))
            return this.addToTeam(owner, next, 'team-leader');
          return this.transfer(owner, this.pick(candidates));
        }
        if (p === 0) return this.transfer(owner, next);
        if (p === 1) return this.changeRole(this.pick(admins), owner, 'user');
        if (p === 2) return this.deactivate(owner, next, { to: this.pick(heirs) });
        return f.leaders.includes(next)
          ? this.remove(owner, next, { to: this.pick(heirs) })
          : this.changeRole(owner, next, 'team-leader');
      }
      case 2: {
        // Everyone accepts the same invitation, while it is revoked or resent.
        const seeded = f.duelInvitations[
          Math.floor(round / 6) % f.duelInvitations.length
        ] as SeededInvitation;
        if (p === 3) {
          const owner = await currentOwner();
          return round % 12 === 2 ? this.resend(owner, seeded.id) : this.revoke(owner, seeded.id);
        }
        return this.accept(seeded.token);
      }
      case 3:
        // Everyone invites the same email.
        return this.invite(await this.actor(), `duel-${round}@race.io`, this.pick(grantable));
      case 4: {
        // The same account's role changed from every process.
        const target = f.users[round % f.users.length] as string;
        return this.changeRole(await this.actor(), target, grantable[p % 3] as string);
      }
      default: {
        // A manager leaves while reports are being assigned to them, and the
        // one their reports are handed to is deactivated.
        const leader = f.leaders[round % f.leaders.length] as string;
        const heir = f.admins[round % f.admins.length] as string;
        const owner = await currentOwner();
        const report = this.pick(f.users);
        if (second) {
          if (p === 0)
            return this.deactivate(owner, heir, {
              to: this.pick(f.admins.filter((a) => a !== heir)),
            });
          if (p === 1) return this.reactivate(owner, this.pick([leader, heir]));
          if (p === 2) return this.addToTeam(owner, leader, 'team-leader');
          return this.setManager(owner, report, heir);
        }
        if (p === 0) return this.remove(owner, leader, { to: heir });
        if (p === 1) return this.deactivate(owner, leader, { to: heir });
        return this.setManager(owner, report, leader);
      }
    }
  }

  async run(sync: (round: number) => Promise<void>, records: CommandRecord[]): Promise<void> {
    if (config === null) return;
    for (let seq = 0; seq < config.commandsPerLane; seq += 1) {
      const duel = seq % config.syncEvery === 0;
      if (duel) await sync(seq / config.syncEvery);
      const planned = duel
        ? await this.duel(seq / config.syncEvery)
        : await this.randomCommand(seq);
      const counter = { count: 0 };
      const started = performance.now();
      const base = {
        worker: config.worker,
        lane: this.index,
        seq,
        kind: planned.kind,
        duel,
        actorId: planned.actorId,
        input: planned.input,
      };
      try {
        const result = await attempts.run(counter, () => planned.run());
        records.push({
          ...base,
          ok: true,
          ...result,
          attempts: counter.count,
          ms: performance.now() - started,
        });
      } catch (error) {
        const ms = performance.now() - started;
        if (RosterError.isInstance(error)) {
          records.push({
            ...base,
            ok: false,
            code: error.code,
            details: error.details,
            attempts: counter.count,
            ms,
          });
        } else {
          const e = error as Error;
          records.push({
            ...base,
            ok: false,
            unexpected: `${e?.name}: ${e?.message}\n${e?.stack ?? ''}`.slice(0, 4000),
            attempts: counter.count,
            ms,
          });
        }
      }
    }
  }
}

async function main(cfg: WorkerConfig): Promise<void> {
  // Open the pool before the start line, so that the race is the commands'.
  await Promise.all(Array.from({ length: cfg.poolSize }, () => client.$queryRawUnsafe('SELECT 1')));
  const waiting = new Map<number, () => void>();
  let go: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    go = resolve;
  });
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'go') go();
    if (message.type === 'release') {
      waiting.get(message.round)?.();
      waiting.delete(message.round);
    }
  });
  // One barrier per round for the whole worker: every lane reports itself.
  const rounds = new Map<number, Promise<void>>();
  const sync = (round: number): Promise<void> => {
    let barrier = rounds.get(round);
    if (barrier === undefined) {
      barrier = new Promise<void>((resolve) => waiting.set(round, resolve));
      rounds.set(round, barrier);
    }
    send({ type: 'sync', worker: cfg.worker, round });
    return barrier;
  };
  send({ type: 'ready', worker: cfg.worker });
  await started;
  const records: CommandRecord[] = [];
  await Promise.all(
    Array.from({ length: cfg.lanes }, (_, lane) =>
      new Lane(lane, (cfg.seed + cfg.worker * 7919 + lane * 104_729) >>> 0).run(sync, records),
    ),
  );
  send({ type: 'done', worker: cfg.worker, records });
}

main(config)
  .catch((error: unknown) => {
    send({ type: 'crash', worker: config.worker, error: String((error as Error)?.stack ?? error) });
    process.exitCode = 1;
  })
  .finally(async () => {
    await client.$disconnect();
    process.disconnect?.();
  });
