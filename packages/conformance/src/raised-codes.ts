import { RosterError, type RosterErrorCode } from '@rosterkit/core';

// Internal to the suite: every RosterError code the suite saw raised, by a
// command (thrown, or in a bulk report's rows) or by a store, so that its last
// test can check that each code of the registry is raised by some scenario.

const raised = new Set<RosterErrorCode>();

/** Records the code of `error` when it is a RosterError. @internal */
export function recordRaised(error: unknown): void {
  if (RosterError.isInstance(error)) raised.add(error.code);
}

/** The codes recorded so far in this test file. @internal */
export function raisedCodes(): ReadonlySet<RosterErrorCode> {
  return raised;
}

function recordResult(result: unknown): void {
  const rows = (result as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) return;
  for (const row of rows as { error?: { code?: RosterErrorCode } | null }[]) {
    if (row.error?.code !== undefined) raised.add(row.error.code);
  }
}

/**
 * The same API, recording the code of every RosterError its methods throw
 * and of every failed row of a bulk report they return.
 * @internal
 */
export function recording<T extends object>(api: T): T {
  return new Proxy(api, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.then(
          (resolved: unknown) => {
            recordResult(resolved);
            return resolved;
          },
          (error: unknown) => {
            recordRaised(error);
            throw error;
          },
        );
      };
    },
  });
}
