import { errorCodes, type Store } from '@rosterkit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConformanceContext, ConformanceSuite } from './conformance-context.js';
import { authorizationScenarios } from './domain/authorization-scenarios.js';
import { bulkImportScenarios } from './domain/bulk-import-scenarios.js';
import { bulkUpdateScenarios } from './domain/bulk-update-scenarios.js';
import { emailScenarios } from './domain/email-scenarios.js';
import { invitationScenarios } from './domain/invitation-scenarios.js';
import { lifecycleScenarios } from './domain/lifecycle-scenarios.js';
import { organizationScenarios } from './domain/organization-scenarios.js';
import { outboxScenarios } from './domain/outbox-scenarios.js';
import { raisedCodes } from './raised-codes.js';
import type { RawReaders } from './raw-readers.js';
import { accountListSuite } from './suites/account-list.js';
import { accountListPagesSuite } from './suites/account-list-pages.js';
import { accountListPropertySuite } from './suites/account-list-property.js';
import { accountsSuite } from './suites/accounts.js';
import { auditEventsSuite } from './suites/audit-events.js';
import { invitationsSuite } from './suites/invitations.js';
import { membershipsSuite } from './suites/memberships.js';
import { organizationsSuite } from './suites/organizations.js';
import { outboxSuite } from './suites/outbox.js';
import { outboxFailuresSuite } from './suites/outbox-failures.js';
import { spacesAndGroupsSuite } from './suites/spaces-and-groups.js';
import { tenantRepositoriesSuite } from './suites/tenant-repositories.js';
import { transactionsSuite } from './suites/transactions.js';

/**
 * What {@link MakeStore} may return: the store alone, or the store with a
 * `cleanup` to run after the test (close a connection, drop a database).
 *
 * @typeParam S - the adapter's store type.
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
 */
export type MakeStore<S extends Store> = () =>
  | S
  | StoreUnderTest<S>
  | Promise<S | StoreUnderTest<S>>;

/**
 * Options of {@link runStoreConformance}.
 *
 * @typeParam S - the adapter's store type.
 */
export interface StoreConformanceOptions<S extends Store> {
  /**
   * The adapter's {@link RawReaders}, which read straight from its storage;
   * or a function that makes them for the store {@link MakeStore} just
   * returned (the memory store's are its `inspect()`).
   */
  readonly raw: RawReaders | ((store: S) => RawReaders);
  /**
   * Exact titles of tests to skip: the adapter's known gaps, reported by
   * vitest as skipped rather than hidden. A title that matches no test is an
   * error, so a renamed test cannot silently stop being skipped.
   *
   * @defaultValue `[]`
   */
  readonly skip?: readonly string[];
}

// The storage-level suites, then the domain scenarios (the rules of DESIGN §4
// through `createRoster`), in the order vitest reports them.
const storageSuites: ReadonlyArray<readonly [string, ConformanceSuite]> = [
  ['repositories', tenantRepositoriesSuite],
  ['organizations', organizationsSuite],
  ['accounts', accountsSuite],
  [
    'account list',
    (test) => {
      accountListSuite(test);
      accountListPagesSuite(test);
    },
  ],
  ['account list (property)', accountListPropertySuite],
  ['memberships', membershipsSuite],
  ['invitations', invitationsSuite],
  ['spaces and groups', spacesAndGroupsSuite],
  ['audit events', auditEventsSuite],
  [
    'outbox',
    (test) => {
      outboxSuite(test);
      outboxFailuresSuite(test);
    },
  ],
  ['transactions', transactionsSuite],
  ['domain: lifecycles', lifecycleScenarios],
  ['domain: authorization', authorizationScenarios],
  ['domain: invitations', invitationScenarios],
  ['domain: emails', emailScenarios],
  ['domain: organization', organizationScenarios],
  ['domain: outbox', outboxScenarios],
  [
    'domain: bulk',
    (test) => {
      bulkImportScenarios(test);
      bulkUpdateScenarios(test);
    },
  ],
];

interface Registered {
  readonly title: string;
  readonly fn: (ctx: ConformanceContext) => Promise<void>;
}

function isStoreUnderTest<S extends Store>(made: S | StoreUnderTest<S>): made is StoreUnderTest<S> {
  return typeof (made as Partial<Store>).transaction !== 'function';
}

/**
 * Registers rosterkit's storage conformance suite as vitest tests: call it at
 * the top level of a test file. Every repository's reads and writes, versions
 * and stale writes, tenant isolation, unique emails under racing
 * transactions, rollback, `accounts.list` (each criterion, the read filter,
 * every sort, cursors, a fast-check property against a reference), audit and
 * outbox are checked through the {@link Store} and verified independently
 * through the adapter's {@link RawReaders}. Then every rule of DESIGN §4 is
 * run as a domain scenario through `createRoster` on the same store.
 *
 * Needs `vitest` (and `fast-check`) installed: they are optional peer
 * dependencies of `@rosterkit/core`, used only by this entry.
 *
 * @param name - the adapter's name, shown in test titles.
 * @param makeStore - makes a fresh, empty store before each test.
 * @param options - the raw readers, and tests to skip.
 * @throws `Error` when `skip` names a test that does not exist.
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
  const registered = storageSuites.map(([suite, register]) => {
    const tests: Registered[] = [];
    register((title, fn) => tests.push({ title, fn }));
    return { suite, tests };
  });
  const titles = registered.flatMap(({ tests }) => tests.map((t) => t.title));
  const duplicate = titles.find((title, index) => titles.indexOf(title) !== index);
  if (duplicate !== undefined) throw new Error(`Two conformance tests are named "${duplicate}".`);
  const skip = new Set(options.skip ?? []);
  const unknown = [...skip].filter((title) => !titles.includes(title));
  if (unknown.length > 0) {
    throw new Error(
      `runStoreConformance: no test is named ${unknown.map((t) => `"${t}"`).join(', ')}.`,
    );
  }

  describe(`Store conformance: ${name}`, () => {
    let current: { context: ConformanceContext; cleanup?: () => void | Promise<void> } | undefined;

    beforeEach(async () => {
      const made = await makeStore();
      const { store, cleanup } = isStoreUnderTest(made)
        ? made
        : { store: made, cleanup: undefined };
      const raw = typeof options.raw === 'function' ? options.raw(store) : options.raw;
      current = cleanup ? { context: { store, raw }, cleanup } : { context: { store, raw } };
    });

    afterEach(async () => {
      const cleanup = current?.cleanup;
      current = undefined;
      await cleanup?.();
    });

    for (const { suite, tests } of registered) {
      describe(suite, () => {
        for (const { title, fn } of tests) {
          (skip.has(title) ? it.skip : it)(title, async () => {
            if (current === undefined) throw new Error('makeStore did not run before the test');
            await fn(current.context);
          });
        }
      });
    }

    // Last, once every scenario above has run (vitest runs a file's tests in
    // order): each code of the registry is one some scenario raised, and
    // every code raised is in the registry, which the errors guide's table is
    // generated from. Skipped tests may leave codes unraised, so it is
    // skipped with them.
    (skip.size > 0 ? it.skip : it)(
      'Domain: every error code of the registry is raised by some scenario, and only those',
      () => {
        const raised = [...raisedCodes()].sort();
        expect(raised).toEqual(Object.keys(errorCodes).sort());
      },
    );
  });
}
