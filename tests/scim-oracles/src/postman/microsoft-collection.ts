import { type LocateOptions, readScimOracle, scimOracleFiles } from '../oracle-files.js';
import type { PostmanRunReport } from './report.js';
import {
  asPostmanCollection,
  type PostmanCollectionJson,
  runPostmanCollection,
} from './run-postman-collection.js';

/**
 * The collection's "Get Token" folder calls the reference server's own token
 * route (`GET /scim/v2/Token`) and writes its answer over `token`; a server
 * that is not Microsoft's reference code has no such route, and the token is
 * given instead.
 */
export const microsoftItemsNotRun: readonly string[] = ['Get Token'];

/**
 * Reads Microsoft's "SCIM Tests" Postman collection from the shared oracles directory.
 *
 * @example
 * ```ts
 * const collection = loadMicrosoftScimCollection();
 * console.log(collection.item.map((item) => item.name));
 * ```
 */
export function loadMicrosoftScimCollection(options: LocateOptions = {}): PostmanCollectionJson {
  return asPostmanCollection(readScimOracle(scimOracleFiles.microsoft, options));
}

/**
 * The collection's variables for a SCIM server at `baseUrl`. The collection
 * builds every URL as `{{Protocol}}://{{Server}}{{Port}}/{{Api}}/Users`, so
 * `Port` carries its colon (empty for the scheme's default port) and `Api`
 * is the path without its slashes, which must not be empty: `{{Api}}` is a
 * path segment of its own.
 *
 * @example
 * ```ts
 * microsoftCollectionVariables({ baseUrl: 'http://127.0.0.1:3000/scim/v2', token: 't' });
 * // { Protocol: 'http', Server: '127.0.0.1', Port: ':3000', Api: 'scim/v2', token: 't' }
 * ```
 */
export function microsoftCollectionVariables(input: {
  baseUrl: string;
  token: string;
}): Record<string, string> {
  const url = new URL(input.baseUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`baseUrl must be an http(s) URL, got ${input.baseUrl}`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new Error(`baseUrl must have no query, fragment or credentials, got ${input.baseUrl}`);
  }
  const api = url.pathname.replace(/^\/+|\/+$/g, '');
  if (api === '') {
    throw new Error(
      `baseUrl needs a path (such as /scim/v2): the collection puts {{Api}} in a path segment of its own, got ${input.baseUrl}`,
    );
  }
  return {
    Protocol: url.protocol.slice(0, -1),
    Server: url.hostname,
    Port: url.port === '' ? '' : `:${url.port}`,
    Api: api,
    token: input.token,
  };
}

/** How {@link runMicrosoftScimCollection} runs. */
export interface RunMicrosoftScimCollectionOptions {
  /** The SCIM base URL (`http://127.0.0.1:3000/scim/v2`). */
  baseUrl: string;
  /** The bearer token the server accepts (sent as `Authorization: Bearer <token>`). */
  token: string;
  /**
   * Top-level items to run, in file order.
   * @default every folder and root request but {@link microsoftItemsNotRun}
   */
  items?: readonly string[];
  /** Replaces some of the variables {@link microsoftCollectionVariables} derives. */
  variables?: Readonly<Record<string, string>>;
  /** A request with no response by then fails. @default 10_000 */
  requestTimeoutMs?: number;
  /** Where the oracle file is (see `locateScimOracle`). */
  locate?: LocateOptions;
}

/**
 * Runs Microsoft's SCIM test collection (AzureAD/SCIMReferenceCode) with
 * newman against a SCIM server: by default every folder but "Get Token",
 * then the two requests at the collection's root ("Get all users", "Get all
 * groups", which check that the teardown folders left nothing behind). The
 * report's `failures` is the exact list a test compares with its explained
 * allow-list.
 *
 * @example
 * ```ts
 * const report = await runMicrosoftScimCollection({ baseUrl: `${origin}/scim/v2`, token });
 * expect(report.failures).toEqual(expectedFailures);
 * ```
 */
export async function runMicrosoftScimCollection(
  options: RunMicrosoftScimCollectionOptions,
): Promise<PostmanRunReport> {
  const collection = loadMicrosoftScimCollection(options.locate);
  const items =
    options.items ??
    collection.item.map((item) => item.name).filter((name) => !microsoftItemsNotRun.includes(name));
  return runPostmanCollection(collection, {
    items,
    variables: {
      ...microsoftCollectionVariables({ baseUrl: options.baseUrl, token: options.token }),
      ...options.variables,
    },
    ...(options.requestTimeoutMs === undefined
      ? {}
      : { requestTimeoutMs: options.requestTimeoutMs }),
  });
}
