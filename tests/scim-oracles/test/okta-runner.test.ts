import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  oktaSpecTestVariables,
  parseRunscopeTest,
  type RequestStepReport,
  runOktaSpecTest,
  runRunscopeTest,
  runscopeFailures,
  scimOracleFiles,
} from '../src/index.js';
import {
  type FakeScimFault,
  type FakeScimServer,
  startFakeScimServer,
} from './fixtures/fake-scim-server.js';

const token = 'runner-self-test-token';
const suffix = 'abc123';
const servers: FakeScimServer[] = [];
const temporary: string[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function fake(options: { faults?: FakeScimFault[]; seed?: boolean } = {}) {
  const server = await startFakeScimServer({ token, faults: options.faults ?? [] });
  servers.push(server);
  if (options.seed ?? true) {
    server.seedUser({
      userName: 'seeded@example.com',
      name: { givenName: 'Seeded', familyName: 'User' },
      active: true,
      emails: [{ value: 'seeded@example.com', primary: true, type: 'work' }],
    });
  }
  return server;
}

const requestSteps = (steps: RunscopeReportSteps) =>
  steps.filter((step): step is RequestStepReport => step.type === 'request');
type RunscopeReportSteps = Awaited<ReturnType<typeof runOktaSpecTest>>['steps'];

const notes = {
  create: 'Required Test: Create Okta user with realistic values',
  duplicate: 'Required Test: Expect failure when recreating user with same values',
  groups: 'Optional Test: Verify Groups endpoint',
  list: 'Required Test: Test Users endpoint',
  get: 'Required Test: Get Users/{{id}} ',
};

describe("Okta's SCIM 2.0 spec test through the interpreter (runner self-test)", () => {
  it('passes every step against a server that answers each one correctly, skipping the pauses', async () => {
    const server = await fake();
    const started = Date.now();
    const report = await runOktaSpecTest({ baseUrl: server.baseUrl, token, suffix });

    expect(runscopeFailures(report)).toEqual([]);
    expect(report.passed).toBe(true);
    // The file's pauses add up to 60 s; none is waited for.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(report.steps.map((step) => `${step.index} ${step.type} ${step.outcome}`)).toEqual(
      Array.from({ length: 23 }, (_, i) =>
        i % 2 === 0 ? `${i} request passed` : `${i} pause skipped`,
      ),
    );
    const assertions = requestSteps(report.steps).flatMap((step) => step.assertions);
    expect(assertions).toHaveLength(52);
    expect(assertions.every((assertion) => assertion.passed)).toBe(true);

    // The requests, as the server received them: pauses send nothing, the
    // extracted ids go into later URLs, filter values are percent-encoded.
    const email = `okta-spec-${suffix}@example.com`;
    const filter = (name: string) => `/scim/v2/Users?filter=userName%20eq%20%22${name}%22`;
    expect(server.requests.map((r) => `${r.method} ${r.target}`)).toEqual([
      'GET /scim/v2/Users?count=1&startIndex=1',
      'GET /scim/v2/Users/user-1',
      `GET ${filter(`okta-spec-missing-${suffix}@example.com`)}`,
      `GET /scim/v2/Users/okta-spec-missing-${suffix}`,
      `GET ${filter(email)}`,
      'POST /scim/v2/Users',
      'GET /scim/v2/Users/user-2',
      'POST /scim/v2/Users',
      `GET ${filter(email.toUpperCase())}`,
      'GET /scim/v2/Groups',
      `GET ${filter(email.toUpperCase())}`,
      'GET /scim/v2/Users/00919288221112222',
    ]);
    expect(server.requests[0]?.headers).toMatchObject({
      authorization: `Bearer ${token}`,
      'user-agent': 'OKTA SCIM Integration',
      'accept-charset': 'utf-8',
      accept: 'application/scim+json',
    });
    expect(server.requests[10]?.headers.authorization).toBe('non-token');
    expect(JSON.parse(server.requests[5]?.body ?? '')).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: email,
      name: { givenName: `Given${suffix}`, familyName: `Family${suffix}` },
      emails: [{ primary: true, value: email, type: 'work' }],
      displayName: `Given${suffix} Family${suffix}`,
      active: true,
    });

    const create = requestSteps(report.steps).find((step) => step.note === notes.create);
    expect(create?.variables).toEqual([
      { name: 'idUserOne', source: 'response_json', property: 'id', value: 'user-2' },
      {
        name: 'randomUserEmail',
        source: 'response_json',
        property: 'emails[0].value',
        value: email,
      },
    ]);
    expect(create?.assertions[1]).toEqual({
      source: 'response_json',
      property: 'active',
      comparison: 'equal',
      expected: 'true',
      found: true,
      actual: true,
      passed: true,
    });
    expect(report.variables).toMatchObject({ ISVUserid: 'user-1', idUserOne: 'user-2' });
    const groups = requestSteps(report.steps).find((step) => step.note === notes.groups);
    expect(groups?.scripts).toEqual([{ index: 0, passed: true, logs: [] }]);
  });

  it('names exactly the assertion a server answering 201 to a duplicate user breaks', async () => {
    const server = await fake({ faults: ['duplicate-user-name-accepted'] });
    const report = await runOktaSpecTest({ baseUrl: server.baseUrl, token, suffix });
    expect(runscopeFailures(report)).toEqual([
      {
        step: 14,
        note: notes.duplicate,
        check: 'response_status equal_number "409"',
        reason: '201 is not 409',
      },
    ]);
    expect(report.passed).toBe(false);
    expect(
      report.steps.filter((step) => step.outcome === 'failed').map((step) => step.index),
    ).toEqual([14]);
  });

  it("names exactly the script a Groups endpoint answering HTML breaks (the step's assertions still pass)", async () => {
    const server = await fake({ faults: ['groups-answer-html'] });
    const report = await runOktaSpecTest({ baseUrl: server.baseUrl, token, suffix });
    expect(runscopeFailures(report)).toEqual([
      {
        step: 18,
        note: notes.groups,
        check: 'script #0',
        reason: expect.stringMatching(/^SyntaxError: /),
      },
    ]);
    const groups = report.steps[18] as RequestStepReport;
    expect(groups.assertions.map((a) => [a.source, a.passed])).toEqual([
      ['response_status', true],
      ['response_time', true],
    ]);
  });

  it('compares error statuses as strings, so a numeric status still equals "404"', async () => {
    const server = await fake({ faults: ['numeric-error-status'] });
    const report = await runOktaSpecTest({ baseUrl: server.baseUrl, token, suffix });
    expect(runscopeFailures(report)).toEqual([]);
    const notFound = report.steps[22] as RequestStepReport;
    expect(notFound.assertions[2]).toMatchObject({
      property: 'status',
      actual: 404,
      expected: '404',
      passed: true,
    });
  });

  it('on a server with no user: the first step fails where the list is empty, the next cannot be sent', async () => {
    const server = await fake({ seed: false });
    const report = await runOktaSpecTest({ baseUrl: server.baseUrl, token, suffix });
    const notFound = 'the property was not found';
    expect(runscopeFailures(report)).toEqual([
      ...['id', 'name.familyName', 'name.givenName', 'userName', 'active', 'emails[0].value'].map(
        (path) => ({
          step: 0,
          note: notes.list,
          check: `response_json Resources[0].${path} not_empty`,
          reason: notFound,
        }),
      ),
      { step: 2, note: notes.get, check: 'request', reason: 'unresolved variables: ISVUserid' },
    ]);
    expect((report.steps[0] as RequestStepReport).variables).toEqual([
      { name: 'ISVUserid', source: 'response_json', property: 'Resources[0].id', error: notFound },
    ]);
    // Step 2 was never sent.
    expect(server.requests.map((r) => r.target)).not.toContain(
      '/scim/v2/Users/%7B%7BISVUserid%7D%7D',
    );
    expect(server.requests).toHaveLength(11);
  });

  it('reports a server that is not there on every request step', async () => {
    const server = await fake();
    const { baseUrl } = server;
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const report = await runOktaSpecTest({ baseUrl, token, suffix });
    const failures = runscopeFailures(report);
    expect(failures).toHaveLength(12);
    expect(failures.every((f) => f.check === 'request')).toBe(true);
    expect(failures[0]?.reason).toMatch(
      /^no response: fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/,
    );
  });

  it('refuses to run a test that needs an initial variable nobody gave', async () => {
    const shared = mkdtempSync(join(tmpdir(), 'scim-oracles-'));
    temporary.push(shared);
    mkdirSync(join(shared, 'oracles', 'scim'), { recursive: true });
    // A stand-in written for this test, in the oracle's place.
    writeFileSync(
      join(shared, 'oracles', 'scim', scimOracleFiles.okta),
      JSON.stringify({
        version: '1.0',
        name: 'stand-in',
        steps: [{ step_type: 'request', method: 'GET', url: '{{SCIMBaseURL}}/{{tenant}}/Users' }],
      }),
    );
    await expect(
      runOktaSpecTest({
        baseUrl: 'http://127.0.0.1:9/scim/v2',
        token,
        locate: { env: { ROSTERKIT_SHARED_DIR: shared } },
      }),
    ).rejects.toThrow('stand-in needs initial variables that were not given: tenant');
  });
});

describe('runRunscopeTest on tests written here', () => {
  it('does not run a skipped step, and fails an assertion whose target has an unresolved variable', async () => {
    const server = await fake();
    const test = parseRunscopeTest({
      version: '1.0',
      name: 'probe',
      steps: [
        { step_type: 'request', skipped: true, method: 'GET', url: '{{base}}/Groups' },
        {
          step_type: 'request',
          method: 'GET',
          url: '{{base}}/Users',
          headers: { Authorization: ['Bearer {{token}}'] },
          assertions: [
            {
              source: 'response_json',
              property: 'totalResults',
              comparison: 'equal',
              value: '{{expected}}',
            },
            { source: 'response_json', comparison: 'not_empty', value: null },
          ],
        },
      ],
    });
    const report = await runRunscopeTest(test, { variables: { base: server.baseUrl, token } });
    expect(report.steps[0]).toEqual({
      index: 0,
      type: 'request',
      note: '',
      outcome: 'skipped',
      variables: [],
      scripts: [],
      assertions: [],
    });
    expect(server.requests.map((r) => r.target)).toEqual(['/scim/v2/Users']);
    expect(runscopeFailures(report)).toEqual([
      {
        step: 1,
        note: '',
        check: 'response_json totalResults equal "{{expected}}"',
        reason: 'unresolved variables in the target: expected',
      },
    ]);
  });

  it('generates Okta variables from the base URL and token', () => {
    expect(
      oktaSpecTestVariables({
        baseUrl: 'http://127.0.0.1:3000/scim/v2/',
        token: 't',
        suffix: 'x1',
      }),
    ).toEqual({
      SCIMBaseURL: 'http://127.0.0.1:3000/scim/v2',
      auth: 'Bearer t',
      randomUsername: 'okta-spec-x1@example.com',
      randomUsernameCaps: 'OKTA-SPEC-X1@EXAMPLE.COM',
      randomEmail: 'okta-spec-x1@example.com',
      randomGivenName: 'Givenx1',
      randomFamilyName: 'Familyx1',
      InvalidUserEmail: 'okta-spec-missing-x1@example.com',
      UserIdThatDoesNotExist: 'okta-spec-missing-x1',
    });
    expect(() => oktaSpecTestVariables({ baseUrl: 'ftp://x/scim', token: 't' })).toThrow(/http/);
    expect(() => oktaSpecTestVariables({ baseUrl: 'http://x/scim?a=1', token: 't' })).toThrow(
      /query/,
    );
    expect(() =>
      oktaSpecTestVariables({ baseUrl: 'http://x/scim', token: 't', suffix: 'a b' }),
    ).toThrow(/suffix/);
    const generated = oktaSpecTestVariables({
      baseUrl: 'http://x/scim',
      token: 't',
    }).randomUsername;
    expect(generated).toMatch(/^okta-spec-[0-9a-f]{8}@example\.com$/);
  });
});
