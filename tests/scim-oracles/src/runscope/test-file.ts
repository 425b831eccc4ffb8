import { z } from 'zod';
import {
  comparisonsWithTarget,
  type RunscopeComparison,
  runscopeComparisons,
} from './comparisons.js';
import { parsePropertyPath } from './property-path.js';

/**
 * A Runscope test export (`"version": "1.0"`, what Runscope's "Export test"
 * writes and Okta distributes), read strictly: every field is either
 * interpreted or required to be empty, and anything else (another step type,
 * auth settings, a form body, an unknown source or comparison) makes the file
 * unreadable with a message naming its path. An interpreter that skipped what
 * it did not understand would report a pass it never checked.
 */

/** Where an assertion takes its actual value from. */
export const runscopeAssertionSources = [
  'response_status',
  'response_json',
  'response_time',
] as const;

/** One of {@link runscopeAssertionSources}. */
export type RunscopeAssertionSource = (typeof runscopeAssertionSources)[number];

/** An assertion of a request step, as the file defines it. */
export interface RunscopeAssertionDefinition {
  source: RunscopeAssertionSource;
  /** For `response_json`: a path into the body; absent or empty means the whole body. */
  property: string | undefined;
  comparison: RunscopeComparison;
  /** The target, before interpolation; `null` for comparisons that take none. */
  value: string | null;
}

/** A variable a request step extracts from its response. */
export interface RunscopeVariableDefinition {
  name: string;
  source: 'response_json';
  property: string;
}

/** A request step. */
export interface RunscopeRequestStep {
  type: 'request';
  skipped: boolean;
  note: string;
  method: string;
  url: string;
  /** Header name → values, each a template. */
  headers: Readonly<Record<string, readonly string[]>>;
  body: string | undefined;
  variables: readonly RunscopeVariableDefinition[];
  assertions: readonly RunscopeAssertionDefinition[];
  /** Post-response scripts with code (blank ones dropped). */
  scripts: readonly string[];
}

/** A pause step. */
export interface RunscopePauseStep {
  type: 'pause';
  skipped: boolean;
  durationSeconds: number;
}

/** One step of a test. */
export type RunscopeStep = RunscopeRequestStep | RunscopePauseStep;

/** A Runscope test, read and checked by {@link parseRunscopeTest}. */
export interface RunscopeTest {
  name: string;
  description: string | undefined;
  steps: readonly RunscopeStep[];
}

/** The file is not JSON of a Runscope test, or uses a feature this interpreter lacks. */
export class RunscopeFormatError extends Error {
  override readonly name = 'RunscopeFormatError';
  /** Each problem as `path: message`. */
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super(`not a Runscope test this interpreter can run:\n  ${issues.join('\n  ')}`);
    this.issues = issues;
  }
}

const blank = /^\s*$/;

const propertyPath = z.string().superRefine((path, ctx) => {
  try {
    parsePropertyPath(path);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

const assertion = z
  .strictObject({
    source: z.enum(runscopeAssertionSources),
    comparison: z.enum(runscopeComparisons),
    // Runscope writes targets as strings, older exports sometimes as numbers.
    value: z.union([z.string(), z.number(), z.null()]).optional(),
    property: z.union([propertyPath, z.literal('')]).optional(),
  })
  .superRefine((value, ctx) => {
    if (comparisonsWithTarget.has(value.comparison) && (value.value ?? null) === null) {
      ctx.addIssue({ code: 'custom', message: `${value.comparison} needs a target value` });
    }
  });

const variable = z.strictObject({
  name: z.string().min(1),
  // Runscope can also extract from headers, text, XML, status, size and time;
  // Okta's file extracts only from JSON bodies, and so does this interpreter.
  source: z.literal('response_json'),
  property: propertyPath,
});

const requestStep = z.strictObject({
  step_type: z.literal('request'),
  skipped: z.boolean().default(false),
  note: z.string().default(''),
  method: z.string().regex(/^[A-Z]+$/, { error: 'an HTTP method in capitals' }),
  url: z.string().min(1),
  headers: z.record(z.string(), z.array(z.string())).default({}),
  body: z.string().optional(),
  variables: z.array(variable).default([]),
  assertions: z.array(assertion).default([]),
  scripts: z.array(z.string()).default([]),
  before_scripts: z
    .array(z.string().regex(blank, { error: 'pre-request scripts are not supported' }))
    .default([]),
  auth: z.strictObject({}, { error: 'request auth settings are not supported' }).optional(),
  form: z.strictObject({}, { error: 'form bodies are not supported' }).optional(),
  multipart_form: z.array(z.never({ error: 'multipart bodies are not supported' })).optional(),
  binary_body: z.null({ error: 'binary bodies are not supported' }).optional(),
});

const pauseStep = z.strictObject({
  step_type: z.literal('pause'),
  skipped: z.boolean().default(false),
  duration: z.number().nonnegative(),
});

const testFile = z.strictObject({
  version: z.literal('1.0'),
  name: z.string(),
  description: z.string().optional(),
  exported_at: z.number().optional(),
  trigger_url: z.string().optional(),
  steps: z.array(
    z.discriminatedUnion('step_type', [requestStep, pauseStep], {
      // Runscope also has condition, loop, subtest and inbound-request steps.
      error: 'a step is a request or a pause (other Runscope step types are not supported)',
    }),
  ),
});

/**
 * Reads a Runscope test export, checking that this interpreter supports every
 * feature it uses; throws {@link RunscopeFormatError} listing each one that it
 * does not.
 *
 * @example
 * ```ts
 * const test = parseRunscopeTest(JSON.parse(readFileSync(file, 'utf8')));
 * console.log(test.steps.length);
 * ```
 */
export function parseRunscopeTest(json: unknown): RunscopeTest {
  const parsed = testFile.safeParse(json);
  if (!parsed.success) {
    throw new RunscopeFormatError(
      parsed.error.issues.map(
        (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`,
      ),
    );
  }
  return {
    name: parsed.data.name,
    description: parsed.data.description,
    steps: parsed.data.steps.map((step): RunscopeStep => {
      if (step.step_type === 'pause') {
        return { type: 'pause', skipped: step.skipped, durationSeconds: step.duration };
      }
      return {
        type: 'request',
        skipped: step.skipped,
        note: step.note,
        method: step.method,
        url: step.url,
        headers: step.headers,
        body: step.body,
        variables: step.variables,
        assertions: step.assertions.map((a) => ({
          source: a.source,
          property: a.property === '' ? undefined : a.property,
          comparison: a.comparison,
          value: a.value === undefined || a.value === null ? null : String(a.value),
        })),
        // Okta's create-user step has one empty script; it does nothing.
        scripts: step.scripts.filter((script) => !blank.test(script)),
      };
    }),
  };
}
