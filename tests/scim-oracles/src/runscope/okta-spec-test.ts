import { randomBytes } from 'node:crypto';
import { type LocateOptions, readScimOracle, scimOracleFiles } from '../oracle-files.js';
import { initialVariableNames } from './initial-variables.js';
import type { RunscopeRunReport } from './report.js';
import { type RunRunscopeTestOptions, runRunscopeTest } from './run-runscope-test.js';
import { parseRunscopeTest, type RunscopeTest } from './test-file.js';

/**
 * Reads Okta's "SCIM 2.0 SPEC Test" from the shared oracles directory.
 *
 * @example
 * ```ts
 * const test = loadOktaSpecTest();
 * console.log(test.steps.length); // 23: 12 requests and 11 pauses
 * ```
 */
export function loadOktaSpecTest(options: LocateOptions = {}): RunscopeTest {
  return parseRunscopeTest(readScimOracle(scimOracleFiles.okta, options));
}

/** What {@link oktaSpecTestVariables} needs. */
export interface OktaSpecTestVariablesInput {
  /** The SCIM base URL, the one the IdP is configured with (`…/scim/v2`), without `/Users`. */
  baseUrl: string;
  /** The bearer token the server accepts. */
  token: string;
  /**
   * Makes the generated user unique to the run (letters and digits).
   * @default 8 random hex digits
   */
  suffix?: string;
}

/**
 * Okta's guide has its tester fill in the test's initial variables; these are
 * the values this project uses:
 * - `SCIMBaseURL`: the base URL without a trailing slash (steps append `/Users`);
 * - `auth`: the whole Authorization header value, `Bearer <token>`;
 * - `randomUsername`: a fresh email address, since rosterkit takes a user's
 *   email from an email-shaped userName; `randomEmail` is the same address
 *   (the test looks the new user up by `userName eq "{{randomEmail}}"` before
 *   creating it, which only means something if the two agree);
 * - `randomUsernameCaps`: the userName in capitals (userName is
 *   case-insensitive in SCIM, RFC 7643 §4.1.1);
 * - `randomGivenName`, `randomFamilyName`: names with the suffix;
 * - `InvalidUserEmail`, `UserIdThatDoesNotExist`: a userName and an id no
 *   server has.
 *
 * @example
 * ```ts
 * oktaSpecTestVariables({ baseUrl: 'http://127.0.0.1:3000/scim/v2', token: 't', suffix: 'a1' }).randomUsername;
 * // 'okta-spec-a1@example.com'
 * ```
 */
export function oktaSpecTestVariables(input: OktaSpecTestVariablesInput): Record<string, string> {
  const base = new URL(input.baseUrl);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new Error(`baseUrl must be an http(s) URL, got ${input.baseUrl}`);
  }
  if (base.search !== '' || base.hash !== '') {
    throw new Error(`baseUrl must have no query or fragment, got ${input.baseUrl}`);
  }
  const suffix = input.suffix ?? randomBytes(4).toString('hex');
  if (!/^[A-Za-z0-9]+$/.test(suffix))
    throw new Error(`suffix must be letters and digits: ${suffix}`);
  const username = `okta-spec-${suffix}@example.com`;
  return {
    SCIMBaseURL: base.href.replace(/\/+$/, ''),
    auth: `Bearer ${input.token}`,
    randomUsername: username,
    randomUsernameCaps: username.toUpperCase(),
    randomEmail: username,
    randomGivenName: `Given${suffix}`,
    randomFamilyName: `Family${suffix}`,
    InvalidUserEmail: `okta-spec-missing-${suffix}@example.com`,
    UserIdThatDoesNotExist: `okta-spec-missing-${suffix}`,
  };
}

/** How {@link runOktaSpecTest} runs. */
export interface RunOktaSpecTestOptions
  extends OktaSpecTestVariablesInput,
    Omit<RunRunscopeTestOptions, 'variables'> {
  /** Replaces some of the generated initial variables. */
  variables?: Readonly<Record<string, string>>;
  /** Where the oracle file is (see `locateScimOracle`). */
  locate?: LocateOptions;
}

/**
 * Runs Okta's SCIM 2.0 spec test against a SCIM server and reports every
 * step. Its first step reads `Users?count=1` and expects a user there, so the
 * caller creates one before (the file does not). Throws when the file needs
 * an initial variable that {@link oktaSpecTestVariables} and `variables` do not
 * give, before sending anything.
 *
 * @example
 * ```ts
 * const report = await runOktaSpecTest({ baseUrl: `${origin}/scim/v2`, token });
 * expect(runscopeFailures(report)).toEqual([]);
 * ```
 */
export async function runOktaSpecTest(options: RunOktaSpecTestOptions): Promise<RunscopeRunReport> {
  const test = loadOktaSpecTest(options.locate);
  const variables = {
    ...oktaSpecTestVariables({
      baseUrl: options.baseUrl,
      token: options.token,
      ...(options.suffix === undefined ? {} : { suffix: options.suffix }),
    }),
    ...options.variables,
  };
  const missing = initialVariableNames(test).filter((name) => !Object.hasOwn(variables, name));
  if (missing.length > 0) {
    throw new Error(
      `${test.name} needs initial variables that were not given: ${missing.join(', ')}`,
    );
  }
  return runRunscopeTest(test, {
    variables,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.requestTimeoutMs === undefined
      ? {}
      : { requestTimeoutMs: options.requestTimeoutMs }),
    ...(options.scriptTimeoutMs === undefined ? {} : { scriptTimeoutMs: options.scriptTimeoutMs }),
  });
}
