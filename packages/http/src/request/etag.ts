import { HttpProblem } from '../problem/http-problem.js';

/**
 * The strong entity tag of a version: `"3"`. A client sends it back in
 * `If-Match` as it came, or builds it from a body's `version` field.
 *
 * @category Versions
 * @example
 * ```ts
 * import { versionTag } from '@rosterkit/http';
 * versionTag(3); // '"3"'
 * ```
 */
export function versionTag(version: number): string {
  return `"${version}"`;
}

/**
 * Whether an `If-Match` header matches the current version: `*`, or a list
 * of entity tags one of which is the version's. A weak tag (`W/"3"`) never
 * matches: If-Match compares strongly (RFC 9110 §13.1.1). Exported for
 * handlers built on this package's plumbing (`@rosterkit/scim`).
 *
 * @category Plumbing
 * @example
 * ```ts
 * import { ifMatchHolds } from '@rosterkit/http';
 * ifMatchHolds('"2", "3"', 3); // true
 * ifMatchHolds('W/"3"', 3); // false
 * ```
 */
export function ifMatchHolds(header: string, version: number): boolean {
  const current = versionTag(version);
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag === current);
}

/** The 412 for an `If-Match` that does not hold. @internal */
export function preconditionFailed(header: string, version: number): HttpProblem {
  return new HttpProblem(
    'PRECONDITION_FAILED',
    `The resource is at version ${version}; If-Match asked for ${header}. Reload it and retry.`,
    { ifMatch: header, currentEtag: versionTag(version) },
  );
}

/**
 * The version an `If-Match` header names when it names exactly one (`"3"`),
 * as a command's `version` field, so that core checks it inside the write
 * (no other writer can slip in between the check and the write). `*`, a
 * list or no header: `{}`, nothing to hand over.
 * @internal
 */
export function ifMatchVersion(request: Request): { version?: number } {
  const match = /^\s*"(\d{1,15})"\s*$/.exec(request.headers.get('if-match') ?? '');
  return match === null ? {} : { version: Number(match[1]) };
}

/**
 * Whether an `If-None-Match` header matches the current version: `*`, or a
 * list holding the version's tag, weak or strong (If-None-Match compares
 * weakly, RFC 9110 §13.1.2). A match on a GET or HEAD is a 304.
 *
 * @category Plumbing
 * @example
 * ```ts
 * import { ifNoneMatchHolds } from '@rosterkit/http';
 * ifNoneMatchHolds('W/"3"', 3); // true
 * ```
 */
export function ifNoneMatchHolds(header: string, version: number): boolean {
  const current = versionTag(version);
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === current);
}
