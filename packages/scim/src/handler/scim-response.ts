import { scimContentType } from '../scim-error.js';

/** A SCIM JSON response (`application/scim+json`); `undefined` is no body (204, 304). @internal */
export function scimResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  if (body === undefined) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': scimContentType, ...headers },
  });
}
