import { performance } from 'node:perf_hooks';
import { castToText, compare } from './comparisons.js';
import { type Lookup, parsePropertyPath, readProperty } from './property-path.js';
import type {
  AssertionReport,
  ReceivedResponse,
  RequestStepReport,
  RunscopeRunReport,
  ScriptReport,
  SentRequest,
  StepReport,
  VariableReport,
} from './report.js';
import { runPostResponseScript } from './script.js';
import { interpolate } from './template.js';
import type {
  RunscopeAssertionDefinition,
  RunscopeRequestStep,
  RunscopeTest,
} from './test-file.js';

/** How {@link runRunscopeTest} runs a test. */
export interface RunRunscopeTestOptions {
  /** Runscope's "initial variables": every `{{name}}` the file uses but does not extract. */
  variables: Readonly<Record<string, string>>;
  /** The fetch to send requests with. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** A request with no complete response by then fails its step. @default 10_000 */
  requestTimeoutMs?: number;
  /** A post-response script still running by then fails. @default 1_000 */
  scriptTimeoutMs?: number;
}

type JsonBody = { ok: true; document: unknown } | { ok: false; reason: string };

/**
 * Runs a Runscope test's steps in order, and reports every request, variable,
 * script and assertion (it never throws for what a server answers; it throws
 * only for a missing `fetch`).
 *
 * How each Runscope feature is interpreted:
 * - **Steps** run in file order; each request step runs even when an earlier
 *   one failed (Runscope runs every step and fails the test at the end).
 *   A step marked `skipped` is not run.
 * - **Pauses** are not waited for: they give Runscope's cloud time between
 *   calls, and a local server answers each request before the next is sent.
 * - **Templates** `{{name}}` in the URL, header values, body and assertion
 *   targets take the current variables. A name with no value leaves the step
 *   unsent (or the assertion failed) with the name in the report: sending
 *   `{{id}}` literally would test something else.
 * - **Requests**: the URL is parsed by WHATWG URL rules, so spaces and quotes
 *   in a query (`filter=userName eq "x"`) are percent-encoded as a client
 *   encodes them; several values of one header are joined with ", "
 *   (RFC 9110); redirects are not followed, so a redirect shows as its 3xx.
 * - **Order on a response**, as Runscope documents it: variables are
 *   extracted, then post-response scripts run, then assertions are evaluated.
 * - **Variables** from `response_json` take the value at `property`: a string
 *   as is, anything else as its JSON text. When the body is not JSON or the
 *   property is absent the variable keeps its earlier value (if any) and the
 *   report says why; a later step that needs it then reports it unresolved.
 * - **Assertions**: `response_status` is the status code, `response_time` the
 *   milliseconds from sending to the last byte of the body, `response_json`
 *   the body parsed as JSON at `property` (the whole body without one). The
 *   comparisons are described in `comparisons.ts`.
 * - A step **passes** when it was sent and every script and assertion passed.
 *
 * @example
 * ```ts
 * const report = await runRunscopeTest(parseRunscopeTest(json), {
 *   variables: { SCIMBaseURL: 'http://127.0.0.1:3000/scim/v2', auth: 'Bearer t' },
 * });
 * console.log(runscopeFailures(report));
 * ```
 */
export async function runRunscopeTest(
  test: RunscopeTest,
  options: RunRunscopeTestOptions,
): Promise<RunscopeRunReport> {
  const fetch = options.fetch ?? globalThis.fetch;
  if (typeof fetch !== 'function') throw new TypeError('runRunscopeTest needs a fetch function');
  const variables = new Map(Object.entries(options.variables));
  const steps: StepReport[] = [];
  for (const [index, step] of test.steps.entries()) {
    if (step.type === 'pause') {
      steps.push({
        index,
        type: 'pause',
        outcome: 'skipped',
        durationSeconds: step.durationSeconds,
      });
    } else if (step.skipped) {
      steps.push({
        index,
        type: 'request',
        note: step.note,
        outcome: 'skipped',
        variables: [],
        scripts: [],
        assertions: [],
      });
    } else {
      steps.push(await runRequestStep(index, step, variables, fetch, options));
    }
  }
  return {
    test: test.name,
    passed: steps.every((step) => step.outcome !== 'failed'),
    steps,
    variables: Object.fromEntries(variables),
  };
}

async function runRequestStep(
  index: number,
  step: RunscopeRequestStep,
  variables: Map<string, string>,
  fetch: typeof globalThis.fetch,
  options: RunRunscopeTestOptions,
): Promise<RequestStepReport> {
  const base = { index, type: 'request' as const, note: step.note };
  const prepared = prepareRequest(step, variables);
  if (!prepared.ok) return unsent(base, step, variables, prepared.reason);
  const { request } = prepared;

  let response: ReceivedResponse;
  try {
    response = await send(request, fetch, options.requestTimeoutMs ?? 10_000);
  } catch (error) {
    return unsent(base, step, variables, `no response: ${describeFetchError(error)}`, request);
  }

  const body = parseJsonBody(response.body);
  const extracted = step.variables.map((definition): VariableReport => {
    const report = {
      name: definition.name,
      source: definition.source,
      property: definition.property,
    };
    if (!body.ok) return { ...report, error: body.reason };
    const lookup = readProperty(body.document, parsePropertyPath(definition.property));
    if (!lookup.found) return { ...report, error: 'the property was not found' };
    const value = castToText(lookup.value);
    variables.set(definition.name, value);
    return { ...report, value };
  });

  const scripts = step.scripts.map((code, scriptIndex): ScriptReport => {
    const outcome = runPostResponseScript(
      code,
      {
        request: {
          method: request.method,
          url: request.url,
          headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, [v]])),
          body: request.body ?? '',
        },
        response: {
          status: response.status,
          reason: '',
          headers: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, [v]])),
          body: response.body,
          response_time_ms: response.timeMs,
          size_bytes: Buffer.byteLength(response.body),
        },
        variables,
      },
      {
        ...(options.scriptTimeoutMs === undefined ? {} : { timeoutMs: options.scriptTimeoutMs }),
        filename: `step-${index}-script-${scriptIndex}.js`,
      },
    );
    return {
      index: scriptIndex,
      passed: outcome.passed,
      ...(outcome.message === undefined ? {} : { message: outcome.message }),
      logs: outcome.logs,
    };
  });

  const assertions = step.assertions.map((definition) =>
    evaluateAssertion(definition, response, body, variables),
  );
  const passed = scripts.every((s) => s.passed) && assertions.every((a) => a.passed);
  return {
    ...base,
    outcome: passed ? 'passed' : 'failed',
    request,
    response,
    variables: extracted,
    scripts,
    assertions,
  };
}

function prepareRequest(
  step: RunscopeRequestStep,
  variables: ReadonlyMap<string, string>,
): { ok: true; request: SentRequest } | { ok: false; reason: string } {
  const unresolved = new Set<string>();
  const fill = (template: string) => {
    const result = interpolate(template, variables);
    for (const name of result.unresolved) unresolved.add(name);
    return result.text;
  };
  const urlText = fill(step.url);
  const headers = Object.fromEntries(
    Object.entries(step.headers).map(([name, values]) => [name, values.map(fill).join(', ')]),
  );
  const body = step.body === undefined ? undefined : fill(step.body);
  if (unresolved.size > 0) {
    return { ok: false, reason: `unresolved variables: ${[...unresolved].join(', ')}` };
  }
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    return { ok: false, reason: `not a URL: ${urlText}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `not an http(s) URL: ${urlText}` };
  }
  return {
    ok: true,
    request: {
      method: step.method,
      url: url.href,
      headers,
      ...(body === undefined ? {} : { body }),
    },
  };
}

async function send(
  request: SentRequest,
  fetch: typeof globalThis.fetch,
  timeoutMs: number,
): Promise<ReceivedResponse> {
  const started = performance.now();
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await response.text();
  const timeMs = Math.round(performance.now() - started);
  return {
    status: response.status,
    timeMs,
    headers: Object.fromEntries(response.headers),
    body,
  };
}

// fetch rejects with "fetch failed" and the reason (ECONNREFUSED…) as its cause.
function describeFetchError(error: unknown): string {
  const { message, cause } = error as { message?: unknown; cause?: { message?: unknown } };
  const text = String(message ?? error);
  return typeof cause?.message === 'string' ? `${text}: ${cause.message}` : text;
}

function parseJsonBody(text: string): JsonBody {
  try {
    return { ok: true, document: JSON.parse(text) };
  } catch {
    return { ok: false, reason: text === '' ? 'the body is empty' : 'the body is not JSON' };
  }
}

function evaluateAssertion(
  definition: RunscopeAssertionDefinition,
  response: ReceivedResponse,
  body: JsonBody,
  variables: ReadonlyMap<string, string>,
): AssertionReport {
  const target = definition.value === null ? null : interpolate(definition.value, variables);
  const described = {
    source: definition.source,
    ...(definition.property === undefined ? {} : { property: definition.property }),
    comparison: definition.comparison,
    expected: target === null ? null : target.text,
  };
  let actual: Lookup;
  let unavailable: string | undefined;
  switch (definition.source) {
    case 'response_status':
      actual = { found: true, value: response.status };
      break;
    case 'response_time':
      actual = { found: true, value: response.timeMs };
      break;
    case 'response_json':
      if (body.ok) {
        actual =
          definition.property === undefined
            ? { found: true, value: body.document }
            : readProperty(body.document, parsePropertyPath(definition.property));
      } else {
        actual = { found: false };
        unavailable = body.reason;
      }
      break;
  }
  const found = actual.found ? { found: true, actual: actual.value } : { found: false };
  if (target !== null && target.unresolved.length > 0) {
    return {
      ...described,
      ...found,
      passed: false,
      reason: `unresolved variables in the target: ${target.unresolved.join(', ')}`,
    };
  }
  if (unavailable !== undefined)
    return { ...described, ...found, passed: false, reason: unavailable };
  const result = compare(definition.comparison, actual, target === null ? null : target.text);
  return result.passed
    ? { ...described, ...found, passed: true }
    : { ...described, ...found, passed: false, reason: result.reason };
}

function unsent(
  base: Pick<RequestStepReport, 'index' | 'type' | 'note'>,
  step: RunscopeRequestStep,
  variables: ReadonlyMap<string, string>,
  reason: string,
  request?: SentRequest,
): RequestStepReport {
  return {
    ...base,
    outcome: 'failed',
    ...(request === undefined ? {} : { request }),
    error: reason,
    variables: step.variables.map((v) => ({
      name: v.name,
      source: v.source,
      property: v.property,
      error: 'no response',
    })),
    scripts: step.scripts.map((_, index) => ({
      index,
      passed: false,
      message: 'no response',
      logs: [],
    })),
    assertions: step.assertions.map((definition) => ({
      source: definition.source,
      ...(definition.property === undefined ? {} : { property: definition.property }),
      comparison: definition.comparison,
      expected: definition.value === null ? null : interpolate(definition.value, variables).text,
      found: false,
      passed: false,
      reason: 'no response',
    })),
  };
}
