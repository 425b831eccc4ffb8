import { z } from 'zod';
import { ProfileFields } from '../../model/account.js';
import { defineModel, type Model } from '../../model/define-model.js';
import { RoleName } from '../../model/membership.js';
import { Email } from '../../model/primitives.js';
import type { Assert, Equals } from '../../model/type-equals.js';

// Rows of the spreadsheets a host imports (DESIGN §5, Bulk): spaces and groups
// by name and managers by email, as people write them in a file.

const rowNumber = z.int().min(1).max(10_000_000).optional();
const spaceName = z.string().trim().min(1, 'Must not be empty').max(200);
const groupNames = z.array(z.string().trim().min(1, 'Must not be empty').max(200)).max(100);

const importSchema = z.strictObject({
  rowNumber,
  email: Email.schema,
  firstName: z.string().trim().max(100).optional(),
  lastName: z.string().trim().max(100).optional(),
  role: RoleName.schema,
  space: spaceName.optional(),
  groups: groupNames.optional(),
  manager: Email.schema.optional(),
  restrictions: z.array(z.string().min(1).max(64)).max(100).optional(),
  profile: ProfileFields.schema.optional(),
});

/**
 * One row of an import file: a person to create and invite
 * ({@link ActorApi.bulkImport}). Spreadsheet-friendly: the space and groups
 * by name, the manager by email. `parse` trims and normalizes (the email is
 * lower-cased); a bad row is `INVALID_INPUT` with the field path.
 *
 * @example
 * ```ts
 * import { BulkImportRow } from '@rosterkit/core';
 *
 * const row = BulkImportRow.parse({ email: ' Bo@Acme.io ', role: 'agent', groups: ['Sales'] });
 * row.email; // 'bo@acme.io'
 * ```
 */
export const BulkImportRow: Model<BulkImportRow> = defineModel('import row', importSchema);
/** One row of an import file. See {@link BulkImportRow}. */
export interface BulkImportRow {
  /** Where the row came from (the spreadsheet line, header = 1); the report's `row`. Default: the 1-based position in the input. */
  rowNumber?: number | undefined;
  /** The person's email: required, unique in the organization. */
  email: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  /** A role of the {@link RoleCatalog}. */
  role: string;
  /** The space ("home site") to join, by name; the option `space`, else the default space, when absent. */
  space?: string | undefined;
  /** Group names in that space. */
  groups?: string[] | undefined;
  /** The manager's email: an active account of the organization, member of that space. */
  manager?: string | undefined;
  /** The restrictions the membership gets at acceptance, as {@link ActorApi.invite}'s `restrictions`. */
  restrictions?: string[] | undefined;
  /** Host profile fields (required profile fields come through here). */
  profile?: Record<string, string | number | boolean | null> | undefined;
}

type _BulkImportRowMatchesSchema = Assert<Equals<z.output<typeof importSchema>, BulkImportRow>>;

const updateSchema = z.strictObject({
  rowNumber,
  email: Email.schema,
  space: spaceName.optional(),
  role: RoleName.schema.optional(),
  groups: groupNames.optional(),
  manager: Email.schema.nullable().optional(),
  restrictions: z.array(z.string().min(1).max(64)).max(100).optional(),
  deactivated: z.boolean().optional(),
});

/**
 * One row of a bulk-update file: changes to an existing account, found by
 * email ({@link ActorApi.bulkUpdate}). An absent field (`undefined`: an
 * empty cell) means "leave unchanged".
 *
 * @example
 * ```ts
 * import { BulkUpdateRow } from '@rosterkit/core';
 *
 * // "y" in the Deactivated column of the bulk update spreadsheet:
 * const row = BulkUpdateRow.parse({ email: 'bo@acme.io', deactivated: true });
 * ```
 */
export const BulkUpdateRow: Model<BulkUpdateRow> = defineModel('update row', updateSchema);
/** One row of a bulk-update file. See {@link BulkUpdateRow}. */
export interface BulkUpdateRow {
  /** Where the row came from (the spreadsheet line); the report's `row`. Default: the 1-based position in the input. */
  rowNumber?: number | undefined;
  /** Identifies the account. */
  email: string;
  /** Which membership the role, groups, manager and restrictions apply to, by space name; the default space when absent. */
  space?: string | undefined;
  role?: string | undefined;
  /** Replaces the groups (names in that space). */
  groups?: string[] | undefined;
  /** The manager's email; `null` clears the manager. */
  manager?: string | null | undefined;
  /** Replaces the restrictions. */
  restrictions?: string[] | undefined;
  /** `true`: deactivate ("y" in the Deactivated column); `false`: reactivate; absent: leave. */
  deactivated?: boolean | undefined;
}

type _BulkUpdateRowMatchesSchema = Assert<Equals<z.output<typeof updateSchema>, BulkUpdateRow>>;
