import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RosterkitProvider } from '../../src/index.js';
import {
  createTestDatabase,
  mariadbUrl,
  postgresUrl,
  type TestDatabase,
} from '../support/databases.js';
import { checkInvariants, checkRecords, readState, summarize } from './check.js';
import type {
  CommandRecord,
  Fixture,
  ParentMessage,
  WorkerConfig,
  WorkerMessage,
} from './protocol.js';
import { seedOrganization } from './seed.js';

export interface RaceOptions {
  readonly provider: RosterkitProvider;
  readonly workers: number;
  readonly lanes: number;
  readonly commandsPerLane: number;
  readonly syncEvery: number;
  readonly seed: number;
  /** The workers must be done by then. */
  readonly deadlineMs: number;
}

export interface RaceResult {
  readonly seed: number;
  readonly records: CommandRecord[];
  readonly violations: string[];
  readonly summary: string;
  readonly wallMs: number;
}

const workerFile = fileURLToPath(new URL('./worker.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('../..', import.meta.url));

async function openDatabase(provider: RosterkitProvider): Promise<TestDatabase> {
  try {
    return await createTestDatabase(provider);
  } catch (error) {
    const url = provider === 'postgresql' ? postgresUrl : mariadbUrl;
    throw new Error(
      `The race test needs the ${provider} server at ${url} (CI starts it; set ${provider === 'postgresql' ? 'ROSTERKIT_POSTGRES_URL' : 'ROSTERKIT_MARIADB_URL'} to use another): ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** Forks the workers, runs the race, reads the database back and checks it. */
export async function runRace(options: RaceOptions): Promise<RaceResult> {
  const db = await openDatabase(options.provider);
  const client = db.connect();
  const children: ChildProcess[] = [];
  try {
    const fixture: Fixture = await seedOrganization(client);
    const baseline = new Set(
      (await readState(client, options.provider, fixture.orgId)).auditEvents.map((e) => e.id),
    );
    const started = performance.now();
    const records = await race(options, db.name, fixture, children);
    const wallMs = performance.now() - started;
    const state = await readState(client, options.provider, fixture.orgId);
    const checked = checkRecords(records, state, baseline, fixture);
    const violations = [...checkInvariants(state, fixture), ...checked.violations];
    const summary = [
      `${options.provider}: ${options.workers} processes × ${options.lanes} lanes × ${options.commandsPerLane} commands, seed ${options.seed}, race ${(wallMs / 1000).toFixed(1)} s`,
      summarize(records),
      `changeRole no-ops (role already held, nothing written): ${checked.noOps}`,
      `final: ${state.accounts.size} accounts, ${state.memberships.size} memberships, ${state.invitations.size} invitations, ${state.auditEvents.length - baseline.size} audit events of the race`,
    ].join('\n');
    return { seed: options.seed, records, violations, summary, wallMs };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await client.$disconnect();
    await db.drop();
  }
}

function race(
  options: RaceOptions,
  database: string,
  fixture: Fixture,
  children: ChildProcess[],
): Promise<CommandRecord[]> {
  return new Promise((resolve, reject) => {
    const records: CommandRecord[] = [];
    let ready = 0;
    let done = 0;
    const arrivals = new Map<number, number>();
    const everyone = options.workers * options.lanes;
    const broadcast = (message: ParentMessage) => {
      for (const child of children) if (child.connected) child.send(message);
    };
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    const timer = setTimeout(
      () =>
        fail(
          new Error(
            `the workers were not done after ${options.deadlineMs} ms (seed ${options.seed})`,
          ),
        ),
      options.deadlineMs,
    );
    for (let worker = 0; worker < options.workers; worker += 1) {
      const config: WorkerConfig = {
        provider: options.provider,
        database,
        poolSize: options.lanes,
        seed: options.seed,
        worker,
        workers: options.workers,
        lanes: options.lanes,
        commandsPerLane: options.commandsPerLane,
        syncEvery: options.syncEvery,
        fixture,
      };
      const child = fork(workerFile, [], {
        cwd: packageDir,
        execArgv: ['--import', 'tsx'],
        env: { ...process.env, RACE_CONFIG: JSON.stringify(config) },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.push(child);
      child.on('message', (message: WorkerMessage) => {
        switch (message.type) {
          case 'ready':
            ready += 1;
            // The start line: every process connected, then all go at once.
            if (ready === options.workers) broadcast({ type: 'go' });
            break;
          case 'sync': {
            const n = (arrivals.get(message.round) ?? 0) + 1;
            arrivals.set(message.round, n);
            if (n === everyone) broadcast({ type: 'release', round: message.round });
            break;
          }
          case 'done':
            records.push(...message.records);
            done += 1;
            if (done === options.workers) {
              clearTimeout(timer);
              resolve(records);
            }
            break;
          case 'crash':
            fail(
              new Error(
                `worker ${message.worker} crashed (seed ${options.seed}): ${message.error}`,
              ),
            );
            break;
        }
      });
      child.on('exit', (code) => {
        if (code !== 0 && done < options.workers)
          fail(new Error(`worker ${worker} exited with ${code} (seed ${options.seed})`));
      });
    }
  });
}
