import { staleVersion } from '../adapter/store-errors.js';
import { Version } from '../model/primitives.js';

/**
 * The optional `version` field of a command that changes one versioned
 * record: the version the caller read (an HTTP `If-Match`, a form's hidden
 * field). Checked inside the command's transaction, against the record it
 * loaded, so no other writer can slip in between the check and the write
 * (DESIGN rule 14). The same field as `updateRole`'s and `deleteRole`'s.
 * @internal
 */
export const expectedVersion = {
  /** The version the caller read; the command is refused (`CONFLICT`, reason `stale-version`) when the record has changed since. */
  version: Version.schema.optional(),
};

/**
 * Refuses a record whose version is not the one the caller read: the
 * `CONFLICT` (reason `stale-version`) a store raises for a lost race, before
 * anything is written.
 * @internal
 */
export function checkExpectedVersion(
  subject: string,
  record: { readonly id: string; readonly version: number },
  expected: number | undefined,
): void {
  if (expected !== undefined && expected !== record.version) throw staleVersion(subject, record.id);
}
