import { describe, expect, it } from 'vitest';
import {
  initialVariableNames,
  interpolate,
  loadOktaSpecTest,
  parseRunscopeTest,
  RunscopeFormatError,
  readScimOracle,
  runscopeAssertionSources,
  runscopeComparisons,
  scimOracleFiles,
} from '../src/index.js';

// A Runscope test written for these tests (not a copy of an oracle file).
function testWith(step: Record<string, unknown>) {
  return {
    version: '1.0',
    name: 'probe',
    steps: [{ step_type: 'request', method: 'GET', url: 'http://x/', ...step }],
  };
}

function issuesOf(json: unknown): readonly string[] {
  try {
    parseRunscopeTest(json);
  } catch (error) {
    if (error instanceof RunscopeFormatError) return error.issues;
    throw error;
  }
  throw new Error('expected a RunscopeFormatError');
}

describe("Okta's spec test file", () => {
  it('has 12 request steps and 11 pauses', () => {
    const test = loadOktaSpecTest();
    expect(test.name).toBe('Okta SCIM 2.0 SPEC Test');
    expect(test.steps.filter((s) => s.type === 'request')).toHaveLength(12);
    expect(test.steps.filter((s) => s.type === 'pause')).toHaveLength(11);
  });

  it('uses every assertion source and comparison the interpreter supports, and no other', () => {
    // Read from the raw JSON, so a feature the schema dropped would show here.
    const raw = readScimOracle(scimOracleFiles.okta) as {
      steps: Array<{ assertions?: Array<{ source: string; comparison: string }> }>;
    };
    const assertions = raw.steps.flatMap((step) => step.assertions ?? []);
    expect(new Set(assertions.map((a) => a.source))).toEqual(new Set(runscopeAssertionSources));
    expect(new Set(assertions.map((a) => a.comparison))).toEqual(new Set(runscopeComparisons));
  });

  it('needs exactly the initial variables Okta asks its testers to set', () => {
    expect(initialVariableNames(loadOktaSpecTest()).sort()).toEqual(
      [
        'InvalidUserEmail',
        'SCIMBaseURL',
        'UserIdThatDoesNotExist',
        'auth',
        'randomEmail',
        'randomFamilyName',
        'randomGivenName',
        'randomUsername',
        'randomUsernameCaps',
      ].sort(),
    );
  });

  it('keeps the one non-blank script and drops the blank one', () => {
    const scripts = loadOktaSpecTest().steps.flatMap((s) =>
      s.type === 'request' ? s.scripts : [],
    );
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain('JSON.parse(response.body)');
  });
});

describe('parseRunscopeTest rejects what it cannot interpret', () => {
  it('another step type', () => {
    expect(
      issuesOf({ version: '1.0', name: 'x', steps: [{ step_type: 'condition', skipped: false }] }),
    ).toEqual([
      'steps.0.step_type: a step is a request or a pause (other Runscope step types are not supported)',
    ]);
  });

  it('an unknown comparison or source', () => {
    expect(
      issuesOf(
        testWith({ assertions: [{ source: 'response_json', comparison: 'has_key', value: 'a' }] }),
      ),
    ).toEqual([expect.stringMatching(/^steps\.0\.assertions\.0\.comparison: /)]);
    expect(
      issuesOf(
        testWith({ assertions: [{ source: 'response_xml', comparison: 'equal', value: 'a' }] }),
      ),
    ).toEqual([expect.stringMatching(/^steps\.0\.assertions\.0\.source: /)]);
  });

  it('a variable from another source, and a bad property path', () => {
    expect(
      issuesOf(testWith({ variables: [{ source: 'response_headers', name: 'v', property: 'X' }] })),
    ).toEqual([expect.stringMatching(/^steps\.0\.variables\.0\.source: /)]);
    expect(
      issuesOf(testWith({ variables: [{ source: 'response_json', name: 'v', property: 'a..b' }] })),
    ).toEqual([
      expect.stringMatching(/^steps\.0\.variables\.0\.property: invalid property path "a\.\.b"/),
    ]);
  });

  it('a comparison that needs a target and has none', () => {
    expect(
      issuesOf(
        testWith({
          assertions: [{ source: 'response_status', comparison: 'equal_number', value: null }],
        }),
      ),
    ).toEqual(['steps.0.assertions.0: equal_number needs a target value']);
  });

  it('auth settings, form, multipart and binary bodies, pre-request scripts, unknown fields', () => {
    expect(issuesOf(testWith({ auth: { auth_type: 'basic', username: 'u' } }))).toEqual([
      'steps.0.auth: request auth settings are not supported',
    ]);
    expect(issuesOf(testWith({ form: { a: ['b'] } }))).toEqual([
      'steps.0.form: form bodies are not supported',
    ]);
    expect(issuesOf(testWith({ multipart_form: [{ name: 'f' }] }))).toEqual([
      'steps.0.multipart_form.0: multipart bodies are not supported',
    ]);
    expect(issuesOf(testWith({ binary_body: 'abc' }))).toEqual([
      'steps.0.binary_body: binary bodies are not supported',
    ]);
    expect(issuesOf(testWith({ before_scripts: ['request.headers.x = 1'] }))).toEqual([
      'steps.0.before_scripts.0: pre-request scripts are not supported',
    ]);
    expect(issuesOf(testWith({ retries: 3 }))).toEqual([expect.stringMatching(/retries/)]);
  });

  it('accepts the empty forms Runscope exports', () => {
    const test = parseRunscopeTest(
      testWith({ auth: {}, form: {}, multipart_form: [], binary_body: null, before_scripts: [''] }),
    );
    expect(test.steps).toHaveLength(1);
  });
});

describe('interpolate', () => {
  it('substitutes known names and reports the others once each', () => {
    const variables = new Map([
      ['a', '1'],
      ['b', 'x y'],
    ]);
    expect(interpolate('{{a}}/{{ b }}/{{c}}/{{c}}/{{d}}', variables)).toEqual({
      text: '1/x y/{{c}}/{{c}}/{{d}}',
      unresolved: ['c', 'd'],
    });
    expect(interpolate('no templates', variables)).toEqual({
      text: 'no templates',
      unresolved: [],
    });
  });
});
