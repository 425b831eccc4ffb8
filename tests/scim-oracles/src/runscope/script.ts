import { runInNewContext } from 'node:vm';

/**
 * Runscope's post-response scripts are JavaScript run after a step's variables
 * are extracted and before its assertions are evaluated, with the response,
 * the request, the variables, Chai's `assert` and `log` in scope (Runscope's
 * "Script Engine" docs). Okta's file has one, on the Groups step:
 * `JSON.parse(response.body)`, `assert(expression, message)`,
 * `assert.ok(value, message)` and `log(value)`.
 *
 * This runs a script in a fresh `node:vm` context with exactly those names:
 * JavaScript's own globals (`JSON`, `Math`, `Array`…) and the Runscope
 * objects below. Chai's other assertion methods and Runscope's helper
 * libraries are not provided, and using one fails the script with a message
 * saying so: a script must not pass because a check was missing. `node:vm`
 * is not a security boundary; it is used for the pinned oracle file only.
 */

/** The request a script sees, as Runscope's `request` object (the fields used here). */
export interface ScriptRequest {
  method: string;
  url: string;
  headers: Record<string, string[]>;
  body: string;
}

/** The response a script sees, as Runscope's `response` object. */
export interface ScriptResponse {
  status: number;
  reason: string;
  headers: Record<string, string[]>;
  body: string;
  response_time_ms: number;
  size_bytes: number;
}

/** What one script did: a throw (a failed `assert` or an error) fails it. */
export interface ScriptOutcome {
  passed: boolean;
  /** Why it failed. */
  message?: string;
  /** What it passed to `log()`, one entry a call. */
  logs: string[];
}

const supportedAssertMethods = ['ok'] as const;

function describe(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/**
 * Runs one post-response script. `variables` is the run's variable map:
 * `variables.set` in the script changes it for the steps that follow.
 *
 * @example
 * ```ts
 * const outcome = runPostResponseScript('assert(response.status === 200, "ok")', {
 *   request, response, variables: new Map(),
 * });
 * ```
 */
export function runPostResponseScript(
  code: string,
  context: { request: ScriptRequest; response: ScriptResponse; variables: Map<string, string> },
  options: { timeoutMs?: number; filename?: string } = {},
): ScriptOutcome {
  const logs: string[] = [];
  // Chai's assert(expression, message) and assert.ok(value, message): both
  // pass on any truthy value.
  const check = (value: unknown, message?: unknown) => {
    if (!value) throw new Error(message === undefined ? 'assertion failed' : String(message));
  };
  const assert = Object.assign((value: unknown, message?: unknown) => check(value, message), {
    ok: check,
  });
  const guardedAssert = new Proxy(assert, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !(key in target)) {
        throw new Error(
          `assert.${key} is not supported by this Runscope interpreter (only assert() and ${supportedAssertMethods.map((m) => `assert.${m}()`).join(', ')})`,
        );
      }
      return Reflect.get(target, key, receiver);
    },
  });
  const sandbox = {
    request: structuredClone(context.request),
    response: structuredClone(context.response),
    variables: {
      get: (name: unknown) => context.variables.get(String(name)),
      // Runscope's variables are strings.
      set: (name: unknown, value: unknown) => {
        context.variables.set(String(name), describe(value));
      },
    },
    assert: guardedAssert,
    log: (...values: unknown[]) => {
      logs.push(values.map(describe).join(' '));
    },
  };
  try {
    runInNewContext(code, sandbox, {
      timeout: options.timeoutMs ?? 1000,
      filename: options.filename ?? 'runscope-script.js',
    });
    return { passed: true, logs };
  } catch (error) {
    // Errors from the script's own realm are not instances of this realm's
    // Error, so read the message structurally.
    const message =
      typeof error === 'object' && error !== null && 'message' in error
        ? `${'name' in error && error.name !== 'Error' ? `${String(error.name)}: ` : ''}${String(error.message)}`
        : String(error);
    return { passed: false, message, logs };
  }
}
