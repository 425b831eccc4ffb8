import { errorCodes, RosterError } from '@rosterkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defineRoute,
  HttpProblem,
  type HttpProblemCode,
  httpProblemCodes,
  type ProblemCode,
  problemStatuses,
  problemType,
} from '../src/index.js';
import type { Json } from './support/json.js';
import { startApi, type TestApi } from './support/server.js';

// Each code of the table, thrown by a route behind a real server, comes out
// with the table's status as RFC 9457 problem details; anything else is a
// 500 that says nothing of its cause.

const codes = Object.keys(problemStatuses) as ProblemCode[];
const reported: unknown[] = [];

const throwing = codes.map((code) =>
  defineRoute({
    operationId: `throw${code}`,
    method: 'GET',
    path: `/throw/${code}`,
    tag: 'Test',
    summary: 'Throws.',
    auth: 'public',
    status: 200,
    call: async () => {
      if (code in errorCodes) {
        throw new RosterError(code as keyof typeof errorCodes, `${code} happened`, {
          probe: code,
        } as never);
      }
      throw new HttpProblem(code as HttpProblemCode, `${code} happened`, { probe: code });
    },
  }),
);
const crash = defineRoute({
  operationId: 'crash',
  method: 'GET',
  path: '/crash',
  tag: 'Test',
  summary: 'Fails unexpectedly.',
  auth: 'public',
  status: 200,
  call: async () => {
    throw new Error('connection to postgres://admin:hunter2@db failed');
  },
});

let api: TestApi;
beforeAll(async () => {
  api = await startApi({ routes: [...throwing, crash], onError: (error) => reported.push(error) });
});
afterAll(() => api.close());

describe('the code → status table', () => {
  it('has a status for every code of core and of the edge, and nothing else', () => {
    expect(codes.sort()).toEqual(
      [...Object.keys(errorCodes), ...Object.keys(httpProblemCodes)].sort(),
    );
    for (const code of codes) expect(problemStatuses[code]).toBeGreaterThanOrEqual(400);
  });

  it.each(codes)('%s is served with its status as problem+json', async (code) => {
    const response = await api.call(`/throw/${code}`);
    expect(response.status).toBe(problemStatuses[code]);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = (await response.json()) as Json;
    expect(body).toEqual({
      type: problemType(code),
      title: expect.any(String),
      status: problemStatuses[code],
      detail: `${code} happened`,
      code,
      details: { probe: code },
    });
    expect(body.title.length).toBeGreaterThan(5);
  });

  it('answers an unexpected error with a 500 that holds none of it, and hands it to onError', async () => {
    const response = await api.call('/crash');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/hunter2|postgres|connection|\.ts:\d/);
    expect(JSON.parse(text).details).toEqual({});
    expect(JSON.parse(text).code).toBe('INTERNAL');
    expect(reported.at(-1)).toBeInstanceOf(Error);
  });
});
