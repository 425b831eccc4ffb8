import type { RunscopeComparison } from './comparisons.js';
import type { RunscopeAssertionSource } from './test-file.js';

/** A request as the interpreter sent it (after interpolation). */
export interface SentRequest {
  method: string;
  url: string;
  /** The step's headers; fetch adds its own (Host, Content-Length…). */
  headers: Record<string, string>;
  body?: string;
}

/** A response as received. */
export interface ReceivedResponse {
  status: number;
  /** From sending the request to the last byte of the body, in whole milliseconds. */
  timeMs: number;
  headers: Record<string, string>;
  body: string;
}

/** One variable extraction of a step. */
export interface VariableReport {
  name: string;
  source: 'response_json';
  property: string;
  /** The extracted value; absent when nothing was extracted (see `error`). */
  value?: string;
  error?: string;
}

/** One post-response script of a step. */
export interface ScriptReport {
  index: number;
  passed: boolean;
  message?: string;
  logs: string[];
}

/** One assertion of a step. */
export interface AssertionReport {
  source: RunscopeAssertionSource;
  property?: string;
  comparison: RunscopeComparison;
  /** The target after interpolation; `null` when the comparison takes none. */
  expected: string | null;
  /** Whether the source and property found a value. */
  found: boolean;
  /** The value found (a parsed JSON value, or a number for status and time). */
  actual?: unknown;
  passed: boolean;
  /** Why it failed. */
  reason?: string;
}

/** A pause step: never waited for (see {@link runRunscopeTest}). */
export interface PauseStepReport {
  index: number;
  type: 'pause';
  outcome: 'skipped';
  durationSeconds: number;
}

/** A request step and everything checked on its response. */
export interface RequestStepReport {
  index: number;
  type: 'request';
  note: string;
  /** `skipped` when the file marks the step skipped. */
  outcome: 'passed' | 'failed' | 'skipped';
  /** Absent when the step was skipped or could not be sent. */
  request?: SentRequest;
  response?: ReceivedResponse;
  /** Why there is no response: unresolved variables, a network error, a timeout. */
  error?: string;
  variables: VariableReport[];
  scripts: ScriptReport[];
  assertions: AssertionReport[];
}

/** One step's report. */
export type StepReport = PauseStepReport | RequestStepReport;

/** Everything a run of a Runscope test did and found. */
export interface RunscopeRunReport {
  test: string;
  /** True when no request step failed. */
  passed: boolean;
  steps: StepReport[];
  /** The variables when the run ended (initial ones, then extracted and set by scripts). */
  variables: Record<string, string>;
}

/** One failed check of a run, for a test to compare with what it expects. */
export interface RunscopeFailure {
  step: number;
  note: string;
  /** `request`, `script #N`, or the assertion as `source [property] comparison [target]`. */
  check: string;
  reason: string;
}

/**
 * Describes an assertion the way the test file states it.
 *
 * @example
 * ```ts
 * describeAssertion({ source: 'response_json', property: 'status', comparison: 'equal', expected: '404' });
 * // 'response_json status equal "404"'
 * ```
 */
export function describeAssertion(
  assertion: Pick<AssertionReport, 'source' | 'property' | 'comparison' | 'expected'>,
): string {
  return [
    assertion.source,
    assertion.property,
    assertion.comparison,
    assertion.expected === null ? undefined : JSON.stringify(assertion.expected),
  ]
    .filter((part) => part !== undefined)
    .join(' ');
}

/**
 * Every failed check of a run, in run order: a step that got no response
 * (once, as `request`), each failed script, each failed assertion. Empty when
 * the run passed.
 *
 * @example
 * ```ts
 * expect(runscopeFailures(report)).toEqual([]);
 * ```
 */
export function runscopeFailures(report: RunscopeRunReport): RunscopeFailure[] {
  const failures: RunscopeFailure[] = [];
  for (const step of report.steps) {
    if (step.type !== 'request' || step.outcome !== 'failed') continue;
    const at = { step: step.index, note: step.note };
    // A step that got no response checked nothing: one failure says why,
    // rather than one for each assertion it could not evaluate.
    if (step.error !== undefined) {
      failures.push({ ...at, check: 'request', reason: step.error });
      continue;
    }
    for (const script of step.scripts) {
      if (!script.passed) {
        failures.push({ ...at, check: `script #${script.index}`, reason: script.message ?? '' });
      }
    }
    for (const assertion of step.assertions) {
      if (!assertion.passed) {
        failures.push({
          ...at,
          check: describeAssertion(assertion),
          reason: assertion.reason ?? '',
        });
      }
    }
  }
  return failures;
}
