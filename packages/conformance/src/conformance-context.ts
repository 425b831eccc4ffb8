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
// testing entry.

/** The store under test and its raw readers, fresh for every test. */
export interface ConformanceContext {
  readonly store: Store;
  readonly raw: RawReaders;
}

/** Registers one test under an exact, suite-wide unique title. */
export type RegisterTest = (title: string, fn: (ctx: ConformanceContext) => Promise<void>) => void;

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
