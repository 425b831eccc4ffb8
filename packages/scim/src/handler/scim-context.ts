import type { ActorApi } from '@rosterkit/core';

/** What an endpoint is given: the connection's API, the request, and where the service lives. @internal */
export interface ScimContext {
  /** The provisioner's API: every call is the connection's. */
  readonly api: ActorApi;
  readonly request: Request;
  readonly url: URL;
  /** The service's absolute base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** What a user's PATCH answers (the handler's `userPatchResponse`). */
  readonly userPatchResponse: 'resource' | 'no-content';
  /** The request's JSON body (`undefined` when empty), read once and capped. */
  body(): Promise<unknown>;
}
