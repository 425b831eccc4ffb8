import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { RosterHandler } from '../create-roster-handler.js';

/**
 * Options of {@link toNodeListener}.
 *
 * @category Node
 */
export interface NodeListenerOptions {
  /**
   * The origin requests are addressed to (`https://admin.acme.io`), which the
   * handler's cross-site check compares `Origin` with. Behind a proxy that
   * terminates TLS, set it: the socket alone cannot tell.
   * @defaultValue `http://` or `https://` (from the socket) and the `Host` header
   */
  readonly origin?: string;
}

/**
 * A `node:http` listener, or an Express / Connect middleware, `(req, res,
 * next?)`, that serves a {@link @rosterkit/http!RosterHandler}. Mount it before any body
 * parser: the handler reads and caps the body itself (a body already read
 * by `express.json()` is gone, and the request fails with a 500 after
 * `next(error)` is called, or is answered 500 without `next`).
 *
 * @category Node
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { toNodeListener } from '@rosterkit/http/node';
 *
 * createServer(toNodeListener(handler)).listen(3000);
 * // Express: app.use('/api/roster', toNodeListener(handler)) with basePath '/api/roster'
 * //   mounted on the app with its full path: app.use(toNodeListener(handler)).
 * ```
 */
export function toNodeListener(
  handler: RosterHandler,
  options: NodeListenerOptions = {},
): (request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void) => void {
  return (request, response, next) => {
    serve(handler, options, request, response).catch((error: unknown) => {
      if (next !== undefined) next(error);
      else if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      } else response.destroy();
    });
  };
}

function requestOf(request: IncomingMessage, options: NodeListenerOptions): Request {
  const encrypted = (request.socket as { encrypted?: boolean }).encrypted === true;
  const origin =
    options.origin ?? `${encrypted ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}`;
  // Express rewrites `url` under a mount path; `originalUrl` is what the client sent.
  const path = (request as { originalUrl?: string }).originalUrl ?? request.url ?? '/';
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  if (hasBody && request.readableEnded) {
    throw new Error(
      'The request body was already read: mount the rosterkit handler before any body parser.',
    );
  }
  return new Request(new URL(path, origin), {
    method: request.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Readable.toWeb(request) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}

async function serve(
  handler: RosterHandler,
  options: NodeListenerOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const answer = await handler(requestOf(request, options));
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    headers[name] = value;
  });
  response.writeHead(answer.status, headers);
  if (answer.body === null) {
    response.end();
    return;
  }
  const bytes = new Uint8Array(await answer.arrayBuffer());
  response.end(bytes);
}
