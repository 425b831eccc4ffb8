import { HttpProblem } from './problem/http-problem.js';
import { type ProblemDetails, toProblemDetails } from './problem/problem-details.js';

// Admin data is personal: no shared cache may keep it.
const baseHeaders = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/** A JSON success response. @internal */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string>,
): Response {
  if (body === undefined || status === 204) {
    return new Response(null, { status, headers: { ...baseHeaders, ...headers } });
  }
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...baseHeaders, 'content-type': 'application/json', ...headers },
  });
}

/** The problem+json response of any thrown value, and the problem itself. @internal */
export function problemResponse(
  error: unknown,
  headers: Record<string, string>,
): { response: Response; problem: ProblemDetails } {
  const problem = toProblemDetails(error);
  const extra = HttpProblem.isInstance(error) ? error.headers : {};
  const response = new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: {
      ...baseHeaders,
      'content-type': 'application/problem+json',
      ...headers,
      ...extra,
    },
  });
  return { response, problem };
}
