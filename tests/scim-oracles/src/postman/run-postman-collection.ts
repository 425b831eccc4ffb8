import newman, { type NewmanRunFailure, type NewmanRunSummary } from 'newman';
import type { PostmanExecution, PostmanFailure, PostmanRunReport } from './report.js';

/** A Postman collection (v2.1) as JSON: only what selecting its items needs. */
export interface PostmanCollectionJson {
  info: { name: string };
  item: ReadonlyArray<{ name: string }>;
  [key: string]: unknown;
}

/** How {@link runPostmanCollection} runs. */
export interface RunPostmanCollectionOptions {
  /** Names of the top-level items (folders, or requests at the root) to run, run in file order. */
  items: readonly string[];
  /** The run's environment: `{{name}}` in the collection, `pm.environment` in its scripts. */
  variables: Readonly<Record<string, string>>;
  /** A request with no response by then fails. @default 10_000 */
  requestTimeoutMs?: number;
}

/**
 * Checks that `json` is a collection whose top-level items have unique names:
 * items are selected by name.
 *
 * @example
 * ```ts
 * const collection = asPostmanCollection(JSON.parse(text));
 * ```
 */
export function asPostmanCollection(json: unknown): PostmanCollectionJson {
  const candidate = json as Partial<PostmanCollectionJson> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.info?.name !== 'string' ||
    !Array.isArray(candidate.item) ||
    !candidate.item.every((item) => typeof item?.name === 'string')
  ) {
    throw new Error('not a Postman collection: it needs info.name and an item list of named items');
  }
  const names = candidate.item.map((item) => item.name);
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) {
    throw new Error(
      `the collection repeats top-level item names: ${[...new Set(repeated)].join(', ')}`,
    );
  }
  return candidate as PostmanCollectionJson;
}

/**
 * Runs some top-level items of a Postman collection with newman, in-process
 * (`newman.run`, no reporter, the run summary read directly), and reports each
 * request and each failure. The collection is filtered in memory, so items
 * left out are never sent, whatever they are (newman's own `folder` option
 * selects folders only, and would drop the requests at the collection's root).
 *
 * Redirects are not followed (a redirect shows as its 3xx) and the run does
 * not stop at a failure: the report lists every one.
 *
 * @example
 * ```ts
 * const report = await runPostmanCollection(collection, {
 *   items: ['User tests'],
 *   variables: { baseUrl: 'http://127.0.0.1:3000' },
 * });
 * ```
 */
export async function runPostmanCollection(
  collection: PostmanCollectionJson,
  options: RunPostmanCollectionOptions,
): Promise<PostmanRunReport> {
  const known = collection.item.map((item) => item.name);
  const unknown = options.items.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `${collection.info.name} has no top-level item ${unknown.map((n) => JSON.stringify(n)).join(', ')} (it has ${known.map((n) => JSON.stringify(n)).join(', ')})`,
    );
  }
  const selected = new Set(options.items);
  const filtered = {
    ...collection,
    item: collection.item.filter((item) => selected.has(item.name)),
  };
  const variables = { ...options.variables };

  const summary = await new Promise<NewmanRunSummary>((resolve, reject) => {
    newman.run(
      {
        collection: filtered as never,
        environment: {
          name: 'rosterkit',
          values: Object.entries(variables).map(([key, value]) => ({
            key,
            value,
            type: 'string',
            enabled: true,
          })),
        } as never,
        reporters: [],
        timeoutRequest: options.requestTimeoutMs ?? 10_000,
        ignoreRedirects: true,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  if (summary.error !== undefined && summary.error !== null) {
    throw new Error(
      `newman could not run ${collection.info.name}: ${describeError(summary.error)}`,
    );
  }

  const executions = summary.run.executions.map((execution): PostmanExecution => {
    const raw = execution as typeof execution & { requestError?: unknown };
    const response = execution.response as { code?: number } | undefined;
    return {
      folder: folderOf(execution.item),
      request: execution.item.name,
      method: execution.request?.method ?? execution.item.request.method,
      url: (execution.request ?? execution.item.request).url.toString(),
      ...(response?.code === undefined ? {} : { status: response.code }),
      ...(raw.requestError === undefined ? {} : { requestError: describeError(raw.requestError) }),
      assertions: (execution.assertions ?? []).map((assertion) => ({
        name: assertion.assertion,
        passed: assertion.error === undefined,
        skipped: assertion.skipped,
        ...(assertion.error === undefined ? {} : { message: assertion.error.message }),
      })),
    };
  });
  // A request error's failure carries a copy of the item without its
  // parents; the execution of the same cursor has the item in its folder.
  const itemsByCursor = new Map(
    summary.run.executions.map((execution) => [execution.cursor.ref, execution.item]),
  );
  const failures = summary.run.failures.map((failure) => {
    const ref = (failure.cursor as { ref?: string }).ref;
    return toFailure(
      failure,
      (ref === undefined ? undefined : itemsByCursor.get(ref)) ?? failure.source,
    );
  });
  return {
    collection: collection.info.name,
    items: collection.item.map((item) => item.name).filter((name) => selected.has(name)),
    variables,
    executions,
    failures,
    passed: failures.length === 0,
  };
}

function folderOf(item: NewmanRunFailure['source']): string | null {
  if (item === undefined) return null;
  const names: string[] = [];
  // Parents from the nearest up, the collection itself excluded.
  item.forEachParent((parent: { name?: unknown }) => {
    names.unshift(String(parent.name));
  });
  return names.length === 0 ? null : names.join(' / ');
}

function toFailure(failure: NewmanRunFailure, item: NewmanRunFailure['source']): PostmanFailure {
  const location = { folder: folderOf(item), request: item?.name ?? null };
  const error = failure.error as unknown as { name?: string; message?: string; test?: string };
  if (failure.at.startsWith('assertion') && typeof error.test === 'string') {
    return { ...location, assertion: error.test, message: error.message ?? '' };
  }
  // 'test-script:8:20', 'prerequest-script', 'request', …: the kind in
  // brackets, the position (if any) with the message.
  const [kind, ...position] = failure.at.split(':');
  return {
    ...location,
    assertion: `[${kind}]`,
    message: `${position.length > 0 ? `at ${position.join(':')}: ` : ''}${describeError(error)}`,
  };
}

function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    if (typeof message === 'string') {
      return typeof name === 'string' && name !== '' && name !== 'Error'
        ? `${name}: ${message}`
        : message;
    }
  }
  return String(error);
}
