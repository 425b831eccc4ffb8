/** The schema URN of a SCIM error response (RFC 7644 §3.12). */
export const scimErrorSchema = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The media type of every SCIM response (RFC 7644 §8.1). */
export const scimContentType = 'application/scim+json';

/**
 * The `scimType` keywords of RFC 7644 §3.12 (table 9) that rosterkit's SCIM
 * service answers with.
 */
export type ScimErrorType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/**
 * The body of a SCIM error response (RFC 7644 §3.12): `status` is the HTTP
 * status as a string, as the RFC's examples and the IdPs' test suites expect.
 */
export interface ScimErrorBody {
  /** Always `['urn:ietf:params:scim:api:messages:2.0:Error']`. */
  schemas: [typeof scimErrorSchema];
  /** The HTTP status, as a string (`'400'`). */
  status: string;
  /** The RFC 7644 keyword, when the status has one (400s and 409s). */
  scimType?: ScimErrorType;
  /** A human-readable explanation. */
  detail: string;
}

/**
 * A SCIM protocol error: what the service answers with a SCIM error body
 * instead of a `RosterError` problem, because an identity provider reads
 * `scimType`, not rosterkit's codes.
 *
 * @example
 * ```ts
 * import { ScimError } from '@rosterkit/scim';
 *
 * const error = new ScimError(400, 'invalidFilter', 'Unknown attribute "nickName"');
 * const response = error.toResponse();
 * response.status; // 400
 * response.headers.get('content-type'); // 'application/scim+json'
 * ```
 */
export class ScimError extends Error {
  /** The HTTP status of the response. */
  readonly status: number;
  /** The RFC 7644 §3.12 keyword, if any. */
  readonly scimType: ScimErrorType | undefined;
  /** A human-readable explanation, sent as `detail`. */
  readonly detail: string;

  /**
   * @param status - the HTTP status (400, 404, 409, …).
   * @param scimType - the RFC 7644 keyword, or `undefined` for statuses without one.
   * @param detail - the explanation sent to the identity provider.
   */
  constructor(status: number, scimType: ScimErrorType | undefined, detail: string) {
    super(detail);
    this.name = 'ScimError';
    this.status = status;
    this.scimType = scimType;
    this.detail = detail;
  }

  /**
   * The RFC 7644 §3.12 error body.
   *
   * @example
   * ```ts
   * import { ScimError } from '@rosterkit/scim';
   *
   * new ScimError(400, 'invalidPath', 'No attribute "foo"').toBody();
   * // { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400', scimType: 'invalidPath', detail: 'No attribute "foo"' }
   * ```
   */
  toBody(): ScimErrorBody {
    return {
      schemas: [scimErrorSchema],
      status: String(this.status),
      ...(this.scimType === undefined ? {} : { scimType: this.scimType }),
      detail: this.detail,
    };
  }

  /**
   * The error as a Web-standard `Response` with the `application/scim+json`
   * content type.
   *
   * @example
   * ```ts
   * import { ScimError } from '@rosterkit/scim';
   *
   * const response = new ScimError(400, 'invalidFilter', 'Bad filter').toResponse();
   * await response.json(); // { schemas: [...], status: '400', scimType: 'invalidFilter', detail: 'Bad filter' }
   * ```
   */
  toResponse(): Response {
    return new Response(JSON.stringify(this.toBody()), {
      status: this.status,
      headers: { 'content-type': scimContentType },
    });
  }
}
