import { expect } from 'vitest';
import { type Route, rosterRoutes } from '../../src/index.js';

const byId = new Map<string, Route>(rosterRoutes.map((route) => [route.operationId, route]));

/**
 * Checks a success response against its route: the route's status, its
 * response schema (the one the OpenAPI document is generated from), the
 * JSON media type and an ETag where the route sends one. Returns the body.
 */
export async function expectRoute(
  driven: Set<string>,
  operationId: string,
  response: Response,
): Promise<unknown> {
  const route = byId.get(operationId);
  if (route === undefined) throw new Error(`no route ${operationId}`);
  const text = await response.text();
  expect(response.status, `${operationId}: ${text}`).toBe(route.status);
  expect(response.headers.get('cache-control')).toBe('no-store');
  driven.add(operationId);
  if (route.response === undefined) {
    expect(text).toBe('');
    return undefined;
  }
  expect(response.headers.get('content-type')).toBe('application/json');
  const body: unknown = JSON.parse(text);
  const checked = route.response.safeParse(body);
  expect(checked.success, `${operationId} body: ${JSON.stringify(checked.error?.issues)}`).toBe(
    true,
  );
  if (route.etag !== undefined) expect(response.headers.get('etag')).toMatch(/^"\d+"$/);
  return body;
}
