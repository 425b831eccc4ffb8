import { describe, expect, it } from 'vitest';
import { loadOktaSpecTest, runPostResponseScript, type ScriptResponse } from '../src/index.js';

const request = { method: 'GET', url: 'http://x/Groups', headers: {}, body: '' };
const response = (body: string): ScriptResponse => ({
  status: 200,
  reason: '',
  headers: { 'content-type': ['application/scim+json'] },
  body,
  response_time_ms: 3,
  size_bytes: Buffer.byteLength(body),
});
const run = (code: string, body = '{}', variables = new Map<string, string>()) =>
  runPostResponseScript(code, { request, response: response(body), variables });

describe('runPostResponseScript', () => {
  it('passes when nothing throws, and records log()', () => {
    expect(run('log("a", 1, {b: 2}); assert(true, "fine"); assert.ok(1)')).toEqual({
      passed: true,
      logs: ['a 1 {"b":2}'],
    });
  });

  it('fails with the message of a failed assert', () => {
    expect(run('assert(response.status === 201, "status was " + response.status)')).toEqual({
      passed: false,
      message: 'status was 200',
      logs: [],
    });
    expect(run('assert.ok(0)')).toEqual({ passed: false, message: 'assertion failed', logs: [] });
  });

  it('fails on an error of the script itself, naming it', () => {
    expect(run('JSON.parse(response.body)', '<html>').message).toMatch(/^SyntaxError: /);
    expect(run('undefinedThing()').message).toBe('ReferenceError: undefinedThing is not defined');
    expect(run('var = 1').passed).toBe(false);
  });

  it('fails on Chai assert methods it does not provide, rather than passing', () => {
    expect(run('assert.equal(response.status, 200)')).toEqual({
      passed: false,
      message:
        'assert.equal is not supported by this Runscope interpreter (only assert() and assert.ok())',
      logs: [],
    });
  });

  it('reads and sets the run variables, as strings', () => {
    const variables = new Map([['id', 'u1']]);
    expect(
      run(
        'variables.set("next", variables.get("id") + "!"); variables.set("n", 2)',
        '{}',
        variables,
      ),
    ).toMatchObject({ passed: true });
    expect(Object.fromEntries(variables)).toEqual({ id: 'u1', next: 'u1!', n: '2' });
  });

  it('cannot change the response the assertions see', () => {
    const shared = response('{"a":1}');
    const outcome = runPostResponseScript('response.body = "changed"; response.status = 500', {
      request,
      response: shared,
      variables: new Map(),
    });
    expect(outcome.passed).toBe(true);
    expect(shared).toEqual(response('{"a":1}'));
  });

  it('stops a script that runs too long', () => {
    const outcome = runPostResponseScript(
      'while (true) {}',
      { request, response: response('{}'), variables: new Map() },
      { timeoutMs: 50 },
    );
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toMatch(/timed out/);
  });

  describe("Okta's Groups script", () => {
    const script =
      loadOktaSpecTest().steps.flatMap((s) => (s.type === 'request' ? s.scripts : []))[0] ?? '';

    it('passes on an empty list and on a list with groups, and logs true for the latter', () => {
      expect(run(script, '{"totalResults":0,"Resources":[]}')).toEqual({ passed: true, logs: [] });
      expect(run(script, '{"totalResults":1,"Resources":[{"id":"g"}]}')).toEqual({
        passed: true,
        logs: ['true'],
      });
    });

    it('fails on a body that is not JSON', () => {
      expect(run(script, 'Not Found').passed).toBe(false);
    });
  });
});
