/**
 * `@rosterkit/http`: rosterkit's admin API as one Web-standard fetch
 * handler. Every command and query is a REST route ({@link rosterRoutes});
 * errors are RFC 9457 problem details from one table ({@link problemStatuses});
 * versions travel as `ETag` / `If-Match`; the OpenAPI 3.1 document is
 * generated from core's zod schemas. It depends on `@rosterkit/core` alone;
 * `@rosterkit/http/node` serves it on `node:http`/Express/Fastify, and
 * `@rosterkit/http/spreadsheets` adds `.csv`/`.xlsx` uploads.
 *
 * @packageDocumentation
 * @mergeModuleWith <project>
 */
export type { RosterHandler } from './create-roster-handler.js';
export { createRosterHandler } from './create-roster-handler.js';
export type { OpenApiDocument, OpenApiOptions } from './openapi/openapi-document.js';
export { createOpenApiDocument } from './openapi/openapi-document.js';
export type {
  CorsOptions,
  RateLimitRequest,
  RateLimitVerdict,
  RosterHandlerOptions,
} from './options.js';
export { HttpProblem } from './problem/http-problem.js';
export type { HttpProblemCode } from './problem/http-problem-codes.js';
export { httpProblemCodes } from './problem/http-problem-codes.js';
export type { ProblemDetails } from './problem/problem-details.js';
export { problemType, toProblemDetails } from './problem/problem-details.js';
export type { ProblemCode } from './problem/problem-statuses.js';
export { problemStatuses } from './problem/problem-statuses.js';
export { ifMatchHolds, ifNoneMatchHolds, versionTag } from './request/etag.js';
export { parseJson, readBody } from './request/read-body.js';
export type { HttpMethod, PathParams, Route, RouteContext, RouteSpec } from './routes/route.js';
export { bodyOf, defineRoute } from './routes/route.js';
export { rosterRoutes } from './routes/route-table.js';
export type { BulkUploads, ParsedUpload, UploadedFile, UploadReport } from './uploads.js';
