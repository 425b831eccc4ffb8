/**
 * The `meta` of a SCIM User or Group (RFC 7643 §3.1): `version` is the
 * resource's entity tag, also sent as `ETag`.
 */
export interface ScimMeta {
  /** `User` or `Group`. */
  resourceType: 'User' | 'Group';
  /** When the identity provider created it (the link's creation), ISO 8601. */
  created: string;
  /** When it last changed (the link or what it stands for), ISO 8601. */
  lastModified: string;
  /** Its absolute URL. */
  location: string;
  /** Its weak entity tag: `W/"3.7"` (the link's version, then the account's or group's). */
  version: string;
}

/**
 * The weak entity tag of a SCIM resource: a SCIM User is two rows (the
 * connection's link and the account), so its tag changes when either does.
 * Weak because the representation also depends on what the request asked
 * for (`attributes`), as RFC 7644 §3.14's examples are.
 * @internal
 */
export function resourceTag(linkVersion: number, targetVersion: number): string {
  return `W/"${linkVersion}.${targetVersion}"`;
}

/** The later of two dates, as ISO 8601. @internal */
export function latest(a: Date, b: Date): string {
  return (a.getTime() >= b.getTime() ? a : b).toISOString();
}
