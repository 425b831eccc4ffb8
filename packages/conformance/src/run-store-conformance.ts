import { errorCodes, type Store } from '@rosterkit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConformanceContext, TestNeeds } from './conformance-context.js';
import type { MakeStore, StoreConformanceOptions, StoreUnderTest } from './conformance-options.js';
import { raisedCodes } from './raised-codes.js';
import { suitesInOrder } from './suites-in-order.js';

interface Registered {
  readonly title: string;
  readonly fn: (ctx: ConformanceContext) => Promise<void>;
  readonly needs: TestNeeds;
}

function isStoreUnderTest<S extends Store>(made: S | StoreUnderTest<S>): made is StoreUnderTest<S> {
  return typeof (made as Partial<Store>).transaction !== 'function';
}

/** The titles of a list option, refusing any that names no test. */
function titlesOf(option: string, given: readonly string[] | undefined, titles: readonly string[]) {
  const named = new Set(given ?? []);
  const unknown = [...named].filter((title) => !titles.includes(title));
  if (unknown.length > 0) {
    throw new Error(
      `runStoreConformance: ${option} names no test ${unknown.map((t) => `"${t}"`).join(', ')}.`,
    );
  }
  return named;
}

function settingsOf(options: StoreConformanceOptions<Store>): { seed: number; numRuns: number } {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const numRuns = options.numRuns ?? 100;
  if (!Number.isSafeInteger(seed)) throw new Error('runStoreConformance: seed must be an integer.');
  if (!Number.isInteger(numRuns) || numRuns < 1) {
    throw new Error('runStoreConformance: numRuns must be a positive integer.');
  }
  return { seed, numRuns };
}

/**
 * Registers rosterkit's storage conformance suite as vitest tests: call it at
 * the top level of a test file. Every repository's reads and writes, versions
 * and stale writes, tenant isolation, unique emails under racing
 * transactions, rollback, a write-skew race that only serializable
 * transactions survive, `accounts.list` (each criterion, the read filter,
 * every sort, cursors, a fast-check property against a reference), audit and
 * outbox are checked through the {@link @rosterkit/core!Store | Store} and verified independently
 * through the adapter's {@link RawReaders}; with a statement counter, the
 * batch writes' cost too. Then every rule of DESIGN §4 is run as a domain
 * scenario through `createRoster` on the same store.
 *
 * Needs `vitest` and `fast-check` (peer dependencies), and runs only as an ES
 * module, as vitest does.
 *
 * @param name - the adapter's name, shown in test titles.
 * @param makeStore - makes a fresh, empty store before each test.
 * @param options - the raw readers, the statement counter, the property tests' seed, and tests to skip.
 * @throws `Error` when `skip`, `only` or `failing` names a test that does not exist, or `seed` or `numRuns` is not an integer.
 * @typeParam S - the adapter's store type.
 *
 * @example
 * ```ts
 * // test/conformance.test.ts
 * import { runStoreConformance } from '@rosterkit/conformance';
 * import { memoryStore } from '@rosterkit/adapter-memory';
 *
 * runStoreConformance('memory', () => memoryStore(), {
 *   raw: (store) => store.inspect(),
 * });
 * ```
 */
export function runStoreConformance<S extends Store>(
  name: string,
  makeStore: MakeStore<S>,
  options: StoreConformanceOptions<S>,
): void {
  const registered = suitesInOrder.map(([suite, register]) => {
    const tests: Registered[] = [];
    register((title, fn, needs = {}) => tests.push({ title, fn, needs }));
    return { suite, tests };
  });
  const titles = registered.flatMap(({ tests }) => tests.map((t) => t.title));
  const duplicate = titles.find((title, index) => titles.indexOf(title) !== index);
  if (duplicate !== undefined) throw new Error(`Two conformance tests are named "${duplicate}".`);
  const skip = titlesOf('skip', options.skip, titles);
  const only = options.only === undefined ? undefined : titlesOf('only', options.only, titles);
  const failing = titlesOf('failing', options.failing, titles);
  const property = settingsOf(options as StoreConformanceOptions<Store>);
  const { statements } = options;

  const runs = (test: Registered) =>
    !skip.has(test.title) &&
    (only === undefined || only.has(test.title)) &&
    (test.needs.statements !== true || statements !== undefined);

  describe(`Store conformance: ${name}`, () => {
    let current: { context: ConformanceContext; cleanup?: () => void | Promise<void> } | undefined;

    beforeEach(async () => {
      const made = await makeStore();
      const { store, cleanup } = isStoreUnderTest(made)
        ? made
        : { store: made, cleanup: undefined };
      const raw = typeof options.raw === 'function' ? options.raw(store) : options.raw;
      const context: ConformanceContext =
        statements === undefined ? { store, raw, property } : { store, raw, property, statements };
      current = cleanup ? { context, cleanup } : { context };
    });

    afterEach(async () => {
      const cleanup = current?.cleanup;
      current = undefined;
      await cleanup?.();
    });

    for (const { suite, tests } of registered) {
      describe(suite, () => {
        for (const test of tests) {
          const register = !runs(test) ? it.skip : failing.has(test.title) ? it.fails : it;
          register(test.title, async () => {
            if (current === undefined) throw new Error('makeStore did not run before the test');
            await test.fn(current.context);
          });
        }
      });
    }

    // Last, once every scenario above has run (vitest runs a file's tests in
    // order): each code of the registry is one some scenario raised, and
    // every code raised is in the registry, which the errors guide's table is
    // generated from. Tests skipped or expected to fail may leave codes
    // unraised, so it is skipped with them (the batch-write tests raise none).
    const everyTestRuns = skip.size === 0 && only === undefined && failing.size === 0;
    (everyTestRuns ? it : it.skip)(
      'Domain: every error code of the registry is raised by some scenario, and only those',
      () => {
        const raised = [...raisedCodes()].sort();
        expect(raised).toEqual(Object.keys(errorCodes).sort());
      },
    );
  });
}
