import {
  RosterError,
  type RosterErrorCode,
  type RosterErrorDetailsMap,
  type Store,
} from '@rosterkit/core';
import { expect } from 'vitest';
import { recordRaised } from './raised-codes.js';
import type { RawReaders } from './raw-readers.js';

// Internal to the suite: what every suite file receives. Not exported from the
// package's entry.

/** The store under test and its raw readers, fresh for every test, and the run's settings. */
export interface ConformanceContext {
  readonly store: Store;
  readonly raw: RawReaders;
  /** The adapter's statement counter; present in every test that requires it. */
  readonly statements?: () => number;
  /** How the property tests run: fast-check's seed (printed on failure) and runs per property. */
  readonly property: { readonly seed: number; readonly numRuns: number };
}

/** What a test needs of the adapter beyond a store and raw readers: it is skipped without it. */
export interface TestNeeds {
  /** The adapter's `statements` counter (the batch-write contract). */
  readonly statements?: boolean;
}

/** Registers one test under an exact, suite-wide unique title. */
export type RegisterTest = (
  title: string,
  fn: (ctx: ConformanceContext) => Promise<void>,
  needs?: TestNeeds,
) => void;

/** A group of tests: registers them, touching nothing else (no describe/it). */
export type ConformanceSuite = (test: RegisterTest) => void;

/** Asserts that `promise` rejects with a RosterError of `code` whose details include `details`. */
export async function expectRosterError<C extends RosterErrorCode>(
  promise: Promise<unknown>,
  code: C,
  details?: Partial<RosterErrorDetailsMap[C]>,
): Promise<RosterError<C>> {
  const outcome = await promise.then(
    (value: unknown) => ({ rejected: false as const, value }),
    (error: unknown) => ({ rejected: true as const, error }),
  );
  if (!outcome.rejected) {
    throw new Error(
      `expected a RosterError ${code}, but it resolved with ${String(outcome.value)}`,
    );
  }
  const { error } = outcome;
  recordRaised(error);
  if (!RosterError.isInstance(error, code)) {
    throw new Error(`expected a RosterError ${code}, got ${String(error)}`, { cause: error });
  }
  if (details !== undefined) expect(error.details).toMatchObject(details);
  return error;
}

/** Lets other queued work run: the point at which two racing transactions interleave. */
export function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A meeting point for `parties` racing transactions: each waits there until
 * all have arrived, so that every one has made its reads before any writes,
 * or until `timeoutMs` has passed (a store that runs the transactions one at
 * a time never lets the second arrive while the first waits). A transaction
 * that runs again after a serialization failure passes straight through.
 */
export function meetingPoint(parties: number, timeoutMs: number): () => Promise<void> {
  let arrived = 0;
  let release: () => void = () => undefined;
  const everyone = new Promise<void>((resolve) => {
    release = resolve;
  });
  return async () => {
    arrived += 1;
    if (arrived >= parties) release();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([everyone, late]);
    clearTimeout(timer);
  };
}

/** The statements `work` costs the store, by the adapter's counter. */
export async function statementsOf(
  ctx: ConformanceContext,
  work: () => Promise<unknown>,
): Promise<number> {
  const { statements } = ctx;
  if (statements === undefined) throw new Error('this test requires the statements counter');
  const before = statements();
  await work();
  return statements() - before;
}
