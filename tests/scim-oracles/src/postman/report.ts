/** One assertion (`pm.test`) of an executed request. */
export interface PostmanAssertionReport {
  name: string;
  passed: boolean;
  /** A `pm.test` without a body, or skipped with `pm.test.skip`. */
  skipped: boolean;
  /** Why it failed. */
  message?: string;
}

/** One request newman sent, in run order. */
export interface PostmanExecution {
  /** The folder path (`A / B` when nested); `null` for a request at the collection's root. */
  folder: string | null;
  request: string;
  method: string;
  url: string;
  /** Absent when no response came (see `requestError`). */
  status?: number;
  requestError?: string;
  assertions: PostmanAssertionReport[];
}

/**
 * One failure of a run, as newman records it. A failed `pm.test` gives its
 * name as `assertion`; anything else that failed has a bracketed kind there
 * instead, with where it happened in `message`: `[test-script]` and
 * `[prerequest-script]` for a script that threw outside `pm.test`,
 * `[request]` for a request that got no response.
 */
export interface PostmanFailure {
  folder: string | null;
  request: string | null;
  assertion: string;
  message: string;
}

/** Everything a newman run of a collection did and found. */
export interface PostmanRunReport {
  collection: string;
  /** The top-level items (folders, and requests at the root) that ran, in file order. */
  items: string[];
  /** The variables the run started with. */
  variables: Record<string, string>;
  executions: PostmanExecution[];
  /** Every failure, in the order newman met them. */
  failures: PostmanFailure[];
  /** True when there is no failure. */
  passed: boolean;
}
