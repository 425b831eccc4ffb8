/** A response body read loosely: its shape is checked by the route's schema, not by this type. */
// biome-ignore lint/suspicious/noExplicitAny: bodies are navigated freely in assertions
export type Json = Record<string, any>;

/** A refusal as `[status, code]`, read from its problem+json body. */
export async function problem(response: Response): Promise<[number, unknown]> {
  return [response.status, ((await response.json()) as Json).code];
}
