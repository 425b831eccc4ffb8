/**
 * Options of {@link createScimHandler}.
 *
 * @category Handler
 */
export interface ScimHandlerOptions {
  /** Where the SCIM service is mounted: the identity provider's "SCIM base URL" path. @defaultValue '/scim/v2' */
  readonly basePath?: string;
  /**
   * The service's absolute base URL (`https://app.acme.io/scim/v2`), used
   * in `meta.location` and `Location`. Behind a proxy that terminates TLS,
   * set it: the request's own URL may say `http://`.
   * @defaultValue the request's origin and `basePath`
   */
  readonly baseUrl?: string;
  /** The largest JSON body, in bytes. @defaultValue 1048576 (1 MiB) */
  readonly maxBodyBytes?: number;
  /**
   * What a successful `PATCH /Users/{id}` answers: `'resource'`, a 200 with
   * the user (RFC 7644 §3.5.2's "MUST", what Okta reads), or `'no-content'`,
   * a 204 (the RFC's "MAY", what Microsoft's test collection expects; Entra
   * ID accepts both). A Group's PATCH is always a 204: its members are not
   * read back for it.
   * @defaultValue 'resource'
   */
  readonly userPatchResponse?: 'resource' | 'no-content';
  /** Receives every error that became a 500, for the host's logs; the body says nothing of it. */
  onError?(error: unknown, request: Request): void;
}
