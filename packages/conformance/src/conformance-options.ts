import type { Store } from '@rosterkit/core';
import type { RawReaders } from './raw-readers.js';

/**
 * What {@link MakeStore} may return: the store alone, or the store with a
 * `cleanup` to run after the test (close a connection, drop a database).
 *
 * @typeParam S - the adapter's store type.
 *
 * @example
 * ```ts
 * import { memoryStore, type MemoryStore } from '@rosterkit/adapter-memory';
 * import type { StoreUnderTest } from '@rosterkit/conformance';
 *
 * const made: StoreUnderTest<MemoryStore> = { store: memoryStore(), cleanup: () => undefined };
 * ```
 */
export interface StoreUnderTest<S extends Store> {
  /** A fresh, empty store. */
  readonly store: S;
  /** Runs after the test that used `store`, whether it passed or not. */
  readonly cleanup?: () => void | Promise<void>;
}

/**
 * Makes a fresh, empty store. {@link runStoreConformance} calls it before
 * **every** test, so tests never see each other's rows.
 *
 * @typeParam S - the adapter's store type.
 *
 * @example
 * ```ts
 * import { memoryStore, type MemoryStore } from '@rosterkit/adapter-memory';
 * import type { MakeStore } from '@rosterkit/conformance';
 *
 * const makeStore: MakeStore<MemoryStore> = () => memoryStore();
 * ```
 */
export type MakeStore<S extends Store> = () =>
  | S
  | StoreUnderTest<S>
  | Promise<S | StoreUnderTest<S>>;

/**
 * Options of {@link runStoreConformance}.
 *
 * @typeParam S - the adapter's store type.
 *
 * @example
 * ```ts
 * import type { MemoryStore } from '@rosterkit/adapter-memory';
 * import type { StoreConformanceOptions } from '@rosterkit/conformance';
 *
 * let statements = 0; // counted by your driver's query events
 * const options: StoreConformanceOptions<MemoryStore> = {
 *   raw: (store) => store.inspect(),
 *   statements: () => statements,
 *   seed: 107170553, // the seed a failing property printed, to replay it
 * };
 * ```
 */
export interface StoreConformanceOptions<S extends Store> {
  /**
   * The adapter's {@link RawReaders}, which read straight from its storage;
   * or a function that makes them for the store {@link MakeStore} just
   * returned (the memory store's are its `inspect()`).
   */
  readonly raw: RawReaders | ((store: S) => RawReaders);
  /**
   * How many statements the adapter has sent to its database so far, across
   * every store the file makes (count them from your driver's or ORM's query
   * events). With it, the suite checks the batch-write contract: `insertMany`,
   * `updateMany`, `appendMany`, `findByEmails`, `listByAccounts` and the
   * commands' cascades cost a number of statements that does not grow with
   * the number of rows. Without it, those tests are reported skipped.
   *
   * @defaultValue none: the batch-write tests are skipped.
   */
  readonly statements?: () => number;
  /**
   * The seed of the property tests (fast-check). A failing property prints
   * the seed it ran with; pass it here to replay the same cases.
   *
   * @defaultValue a new random seed for every run of the file.
   */
  readonly seed?: number;
  /**
   * How many random cases each property test runs.
   *
   * @defaultValue 100
   */
  readonly numRuns?: number;
  /**
   * Exact titles of tests to skip: the adapter's known gaps, reported by
   * vitest as skipped rather than hidden. A title that matches no test is an
   * error, so a renamed test cannot silently stop being skipped.
   *
   * @defaultValue `[]`
   */
  readonly skip?: readonly string[];
  /**
   * Exact titles of the only tests to run; every other test is reported
   * skipped. For working on one part of an adapter, and for a test file that
   * runs a few tests against a store built to fail them. Unknown titles are
   * an error.
   *
   * @defaultValue every test.
   */
  readonly only?: readonly string[];
  /**
   * Exact titles of tests the adapter is known to fail: each still runs, and
   * passes only if it fails (vitest's `it.fails`), so the day it passes you
   * are told to take it off the list. Unknown titles are an error.
   *
   * @defaultValue `[]`
   */
  readonly failing?: readonly string[];
}
