import { HttpProblem } from '../problem/http-problem.js';

/**
 * Reads a request's body into bytes, refusing it (413) as soon as it passes
 * `maxBytes`: a declared `Content-Length` over the limit is refused before a
 * byte is read, and a streamed body is cut off at the limit, never buffered whole.
 *
 * @throws HttpProblem `PAYLOAD_TOO_LARGE` (413).
 * @category Plumbing
 * @example
 * ```ts
 * import { parseJson, readBody } from '@rosterkit/http';
 *
 * const body = parseJson(await readBody(request, 1024 * 1024)); // undefined when empty
 * ```
 */
export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new HttpProblem('PAYLOAD_TOO_LARGE', `The body is larger than ${maxBytes} bytes.`, {
      limit: maxBytes,
    });
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The media type of a `Content-Type` header, lower-cased, without parameters. @internal */
export function mediaType(request: Request): string | null {
  const header = request.headers.get('content-type');
  if (header === null) return null;
  return (header.split(';')[0] ?? '').trim().toLowerCase();
}

/** Whether a media type is JSON: `application/json` or a `+json` suffix. @internal */
export function isJson(type: string | null): boolean {
  return type === 'application/json' || (type?.endsWith('+json') ?? false);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses a JSON body: an empty body is `undefined` (the route decides
 * whether it needs one); bytes that are not UTF-8 JSON are `MALFORMED_BODY`.
 *
 * @throws HttpProblem `MALFORMED_BODY` (400).
 * @category Plumbing
 * @example
 * ```ts
 * import { parseJson } from '@rosterkit/http';
 * parseJson(new TextEncoder().encode('{"a":1}')); // { a: 1 }
 * ```
 */
export function parseJson(bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0) return undefined;
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch (error) {
    throw new HttpProblem(
      'MALFORMED_BODY',
      `The body is not well-formed JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
