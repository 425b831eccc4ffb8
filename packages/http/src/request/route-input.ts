import type { z } from 'zod';
import { HttpProblem } from '../problem/http-problem.js';
import type { Route } from '../routes/route.js';
import type { BulkUploads, ParsedUpload } from '../uploads.js';
import { inputError } from './input-error.js';
import { queryObject } from './list-query.js';
import { isJson, mediaType, parseJson, readBody } from './read-body.js';

/** A route's query and body, read and validated; nothing is read from the store before. @internal */
export interface RouteInput {
  readonly query: unknown;
  readonly body: unknown;
  /** The upload the rows came from, to merge its cell errors into the report. */
  readonly upload?: ParsedUpload<unknown>;
}

/** Limits and readers the input is read with. @internal */
export interface InputLimits {
  readonly maxBodyBytes: number;
  readonly maxUploadBytes: number;
  readonly uploads: BulkUploads | undefined;
}

/**
 * Validates with the route's schema. An unknown key is reported at its own
 * path (`['colour']`), not at the object's, so a client can point at it.
 */
function validate(name: string, schema: z.ZodType, value: unknown): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: [...issue.path, key] as PropertyKey[],
          message: 'Unknown field',
        }))
      : [{ path: issue.path, message: issue.message }],
  );
  throw inputError(
    name,
    issues.map((issue) => ({
      path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
      message: issue.message,
    })),
  );
}

function readQuery(route: Route, url: URL): unknown {
  const query = queryObject(url);
  if (!query.ok) {
    throw inputError(`${route.operationId} query`, [
      { path: [query.key], message: 'Given more than once' },
    ]);
  }
  if (route.query === undefined) {
    const unknown = Object.keys(query.value);
    if (unknown.length > 0) {
      throw inputError(
        `${route.operationId} query`,
        unknown.map((key) => ({ path: [key], message: 'Unknown query parameter' })),
      );
    }
    return {};
  }
  return validate(`${route.operationId} query`, route.query, query.value);
}

function unsupported(route: Route, type: string | null): HttpProblem {
  const accepted =
    route.upload === undefined ? ['application/json'] : ['application/json', 'multipart/form-data'];
  return new HttpProblem(
    'UNSUPPORTED_MEDIA_TYPE',
    `The body must be ${accepted.join(' or ')}, not ${type ?? 'untyped'}.`,
    { accepted },
  );
}

/** Reads the multipart form's `file` through the host's upload reader. @internal */
async function readUpload(
  route: Route,
  request: Request,
  limits: InputLimits,
): Promise<ParsedUpload<unknown>> {
  const uploads = limits.uploads;
  if (uploads === undefined || route.upload === undefined) {
    throw new HttpProblem(
      'UNSUPPORTED_MEDIA_TYPE',
      'This server takes no file uploads; send JSON rows.',
      {
        accepted: ['application/json'],
      },
    );
  }
  const bytes = await readBody(request, limits.maxUploadBytes);
  let form: FormData;
  try {
    form = await new Response(bytes, {
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    }).formData();
  } catch {
    throw new HttpProblem('MALFORMED_BODY', 'The body is not a readable multipart form.');
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string') {
    throw inputError(`${route.operationId} upload`, [
      { path: ['file'], message: 'Must be a file (.csv or .xlsx)' },
    ]);
  }
  const uploaded = {
    name: file.name,
    type: file.type,
    bytes: new Uint8Array(await file.arrayBuffer()),
  };
  return route.upload === 'import' ? uploads.importRows(uploaded) : uploads.updateRows(uploaded);
}

/**
 * Reads and validates a route's query string and body: the body's media
 * type (JSON, or multipart for an upload route), its size, its syntax, then
 * its schema. Every refusal here happens before the store is touched.
 * @internal
 */
export async function readRouteInput(
  route: Route,
  request: Request,
  url: URL,
  limits: InputLimits,
): Promise<RouteInput> {
  const query = readQuery(route, url);
  if (route.body === undefined || request.method === 'GET') return { query, body: {} };
  const type = mediaType(request);
  if (type === 'multipart/form-data' && route.upload !== undefined) {
    const upload = await readUpload(route, request, limits);
    return { query, body: { rows: upload.rows }, upload };
  }
  // A media type other than JSON is refused even with an empty body: an HTML
  // form (urlencoded, text/plain) posted from another site never gets through.
  if (type !== null && !isJson(type)) throw unsupported(route, type);
  const bytes = await readBody(request, limits.maxBodyBytes);
  if (bytes.byteLength === 0) {
    if (route.bodyRequired === true) {
      throw inputError(`${route.operationId} body`, [
        { path: [], message: 'A JSON body is required' },
      ]);
    }
    return { query, body: validate(`${route.operationId} body`, route.body, {}) };
  }
  if (type === null) throw unsupported(route, type);
  return { query, body: validate(`${route.operationId} body`, route.body, parseJson(bytes)) };
}
