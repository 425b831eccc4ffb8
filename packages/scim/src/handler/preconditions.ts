import { ScimError } from '../scim-error.js';

// SCIM's entity tags are weak (`W/"3.7"`, RFC 7644 §3.14) and identity
// providers send them back in If-Match as they came: both headers compare
// the opaque value, weak or strong.

function tagsOf(header: string): string[] {
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .filter((tag) => tag !== '');
}

function holds(header: string, tag: string): boolean {
  const current = tag.replace(/^W\//, '');
  return tagsOf(header).some((candidate) => candidate === '*' || candidate === current);
}

/**
 * Refuses a write whose `If-Match` names another version than the
 * resource's (412, RFC 7644 §3.14). No header: nothing to check.
 * @internal
 */
export function checkIfMatch(request: Request, tag: string): void {
  const header = request.headers.get('if-match');
  if (header !== null && !holds(header, tag)) {
    throw new ScimError(
      412,
      undefined,
      `The resource is at version ${tag}; If-Match asked for ${header}. Read it again and retry.`,
    );
  }
}

/** Whether a GET's `If-None-Match` names the resource's version (a 304). @internal */
export function notModified(request: Request, tag: string): boolean {
  const header = request.headers.get('if-none-match');
  return header !== null && holds(header, tag);
}
