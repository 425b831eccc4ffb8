// The columns of the two bulk sheets, as data: the templates, the parser, the
// report and the docs' column tables all read these definitions.

import type { BulkImportRow, BulkUpdateRow } from '@rosterkit/core';

/**
 * How a column's cells are read:
 * - `text`: any text; numbers and dates are turned into text (`5551234`, `2025-03-01`).
 * - `email`: an email address, as text or as a hyperlink (`mailto:` is dropped); a number or a date is refused.
 * - `role`: a role's name, as text (the template offers the role catalog as a list).
 * - `list`: names separated by commas or semicolons (`Sales, Support`).
 * - `yes-no`: `y`/`yes`/`true`/`1` or `n`/`no`/`false`/`0`, any case, or an Excel TRUE/FALSE.
 *
 * An empty cell is always "absent": nothing for an import, "leave unchanged" for an update.
 *
 * @example
 * ```ts
 * import { type ColumnType, updateSheet } from '@rosterkit/spreadsheets';
 *
 * const types: ColumnType[] = updateSheet().columns.map((column) => column.type);
 * // ['email', 'text', 'role', 'list', 'email', 'list', 'yes-no']
 * ```
 */
export type ColumnType = 'text' | 'email' | 'role' | 'list' | 'yes-no';

/**
 * One column of a bulk sheet.
 *
 * @example
 * ```ts
 * import type { Column } from '@rosterkit/spreadsheets';
 *
 * const phone: Column = {
 *   label: 'Phone',
 *   field: 'profile.phone',
 *   type: 'text',
 *   required: false,
 *   note: 'The work phone number.',
 *   example: '+44 20 7946 0000',
 * };
 * ```
 */
export interface Column {
  /** The header written in the template's first row, `*` marking a required column (`Email*`). */
  readonly label: string;
  /**
   * The row field the column fills: a field of `BulkImportRow` / `BulkUpdateRow`
   * (`email`, `role`, `groups`...), or `profile.<name>` for a host profile field.
   * Core's bulk report names the same field in its `column`.
   */
  readonly field: string;
  readonly type: ColumnType;
  /** Whether a row must fill this cell (and the file must have this column). */
  readonly required: boolean;
  /** What to write in it: shown as the header cell's note in Excel and in the docs. */
  readonly note: string;
  /** A value as a person would write it (in the note and the docs; never a row of the template). */
  readonly example: string;
  /** Other headers accepted for this column when reading a file (compared like the label). */
  readonly aliases?: readonly string[];
  /** When true, a cell holding just `-` clears the field (no manager, no groups, no restrictions). */
  readonly clearable?: boolean;
}

/**
 * The layout of the import sheet: one row per person to create and invite
 * (`BulkImportRow`). Made by {@link importSheet}.
 *
 * @example
 * ```ts
 * import { type ImportSheet, importSheet } from '@rosterkit/spreadsheets';
 *
 * const sheet: ImportSheet = importSheet({ profileFields: ['phone'] });
 * sheet.columns.map((column) => column.label).at(-1); // 'Phone'
 * ```
 */
export interface ImportSheet {
  readonly kind: 'import';
  /** The worksheet's name in the `.xlsx` template, and the one read first from an upload. */
  readonly name: string;
  /** The columns, in template order. */
  readonly columns: readonly Column[];
}

/**
 * The layout of the bulk-update sheet: one row per existing account, found by
 * email (`BulkUpdateRow`). Made by {@link updateSheet}.
 *
 * @example
 * ```ts
 * import { type UpdateSheet, updateSheet } from '@rosterkit/spreadsheets';
 *
 * const sheet: UpdateSheet = updateSheet();
 * sheet.columns.at(-1)?.label; // 'Deactivated (y/n)'
 * ```
 */
export interface UpdateSheet {
  readonly kind: 'update';
  /** The worksheet's name in the `.xlsx` template, and the one read first from an upload. */
  readonly name: string;
  /** The columns, in template order. */
  readonly columns: readonly Column[];
}

/**
 * Either sheet: what the writers, the parsers and {@link mergeReports} take.
 *
 * @example
 * ```ts
 * import { type BulkSheet, importSheet, updateSheet } from '@rosterkit/spreadsheets';
 *
 * const sheets: BulkSheet[] = [importSheet(), updateSheet()];
 * ```
 */
export type BulkSheet = ImportSheet | UpdateSheet;

/**
 * The row type a sheet reads and writes: core's `BulkImportRow` for the
 * import sheet, `BulkUpdateRow` for the update sheet.
 *
 * @example
 * ```ts
 * import type { ImportSheet, RowOf } from '@rosterkit/spreadsheets';
 *
 * const row: RowOf<ImportSheet> = { email: 'bo@acme.io', role: 'agent' };
 * ```
 */
export type RowOf<S extends BulkSheet> = S extends ImportSheet ? BulkImportRow : BulkUpdateRow;

/**
 * A host profile field given its own column in the import sheet.
 *
 * @example
 * ```ts
 * import { importSheet, type ProfileColumn } from '@rosterkit/spreadsheets';
 *
 * const extension: ProfileColumn = { field: 'extension', label: 'Extension', example: '2041' };
 * importSheet({ profileFields: [extension] });
 * ```
 */
export interface ProfileColumn {
  /** The profile field: its name as in `RosterOptions.requiredProfileFields` (`profile.extension`), or its bare key (`extension`). */
  readonly field: string;
  /** The header. @default the field's name in words: `homeExtension` → `Home extension` */
  readonly label?: string;
  /** The header's note. @default a sentence saying the field is needed before (de)activation */
  readonly note?: string;
  /** @default '' */
  readonly example?: string;
  /**
   * Whether an import row must fill it. Core requires profile fields only
   * before an account is deactivated or reactivated (rule 9), so not by default.
   * @default false
   */
  readonly required?: boolean;
}

/**
 * Options of {@link importSheet}.
 *
 * @example
 * ```ts
 * import { type ImportSheetOptions, importSheet } from '@rosterkit/spreadsheets';
 *
 * const options: ImportSheetOptions = { profileFields: ['phone', { field: 'extension', example: '2041' }] };
 * importSheet(options);
 * ```
 */
export interface ImportSheetOptions {
  /**
   * The host's required profile fields, one column each after the fixed ones:
   * pass `RosterOptions.requiredProfileFields` as it is (`profile.phone`;
   * `firstName` and `lastName` already have columns and are skipped), bare
   * keys (`phone`), or {@link ProfileColumn}s to choose labels, notes and examples.
   * @default []
   */
  readonly profileFields?: readonly (string | ProfileColumn)[];
}

const importColumns: readonly Column[] = [
  {
    label: 'Email*',
    field: 'email',
    type: 'email',
    required: true,
    note: 'Required. The person’s work email: the invitation is sent there, and it can never be changed afterwards. An email that already has an account is left as it is.',
    example: 'bo.chen@acme.io',
    aliases: ['Email address', 'E-mail'],
  },
  {
    label: 'First name',
    field: 'firstName',
    type: 'text',
    required: false,
    note: 'Optional: the person can give it when accepting the invitation.',
    example: 'Bo',
  },
  {
    label: 'Last name',
    field: 'lastName',
    type: 'text',
    required: false,
    note: 'Optional: the person can give it when accepting the invitation.',
    example: 'Chen',
  },
  {
    label: 'Role*',
    field: 'role',
    type: 'role',
    required: true,
    note: 'Required. One of the roles in the list; it cannot rank above your own.',
    example: 'agent',
  },
  {
    label: 'Home site / Space',
    field: 'space',
    type: 'text',
    required: false,
    note: 'The site or space the person joins, by name. Empty: the default one (the team).',
    example: 'Leeds',
    aliases: ['Home site', 'Space', 'Site'],
  },
  {
    label: 'Groups',
    field: 'groups',
    type: 'list',
    required: false,
    note: 'Groups (departments, queues) of that space, by name, separated by commas.',
    example: 'Sales, Support',
  },
  {
    label: 'Manager email',
    field: 'manager',
    type: 'email',
    required: false,
    note: 'The email of the person’s manager (team leader): someone already in that space.',
    example: 'ana.ng@acme.io',
    aliases: ['Manager'],
  },
];

const updateColumns: readonly Column[] = [
  {
    label: 'Email*',
    field: 'email',
    type: 'email',
    required: true,
    note: 'Required. Finds the account; it cannot be changed here (a new email needs a new invitation).',
    example: 'bo.chen@acme.io',
    aliases: ['Email address', 'E-mail'],
  },
  {
    label: 'Space',
    field: 'space',
    type: 'text',
    required: false,
    note: 'Which site or space the role, groups, manager and restrictions apply to, by name. Empty: the default one (the team).',
    example: 'Leeds',
    aliases: ['Home site / Space', 'Home site', 'Site'],
  },
  {
    label: 'Role',
    field: 'role',
    type: 'role',
    required: false,
    note: 'The new role, from the list. Empty: unchanged.',
    example: 'manager',
  },
  {
    label: 'Groups',
    field: 'groups',
    type: 'list',
    required: false,
    note: 'Replaces the person’s groups, by name, separated by commas. Empty: unchanged; - : no groups.',
    example: 'Sales, Support',
    clearable: true,
  },
  {
    label: 'Manager email',
    field: 'manager',
    type: 'email',
    required: false,
    note: 'The manager’s (team leader’s) email. Empty: unchanged; - : no manager.',
    example: 'ana.ng@acme.io',
    aliases: ['Manager'],
    clearable: true,
  },
  {
    label: 'Restrictions',
    field: 'restrictions',
    type: 'list',
    required: false,
    note: 'Replaces the person’s restrictions, separated by commas. Empty: unchanged; - : none.',
    example: 'no-export',
    clearable: true,
  },
  {
    label: 'Deactivated (y/n)',
    field: 'deactivated',
    type: 'yes-no',
    required: false,
    note: 'y deactivates the account, n reactivates it; empty: unchanged. Team leaders and admins (roles that can manage the team) are not deactivated in bulk: do them one by one, after reassigning their reports.',
    example: 'y',
    aliases: ['Deactivated', 'Deactivate'],
  },
];

/**
 * The import sheet: `Email*`, `First name`, `Last name`, `Role*`,
 * `Home site / Space`, `Groups`, `Manager email`, then one column per host
 * profile field given in `options.profileFields`.
 *
 * @example
 * ```ts
 * import { importSheet, parseCsv } from '@rosterkit/spreadsheets';
 *
 * const sheet = importSheet({ profileFields: ['phone'] });
 * const { rows, errors } = parseCsv(sheet, 'Email*,Role*,Phone\nbo@acme.io,agent,5551234\n');
 * // rows: [{ rowNumber: 2, email: 'bo@acme.io', role: 'agent', profile: { phone: '5551234' } }]
 * ```
 */
export function importSheet(options: ImportSheetOptions = {}): ImportSheet {
  const profile = (options.profileFields ?? [])
    .map((entry) => (typeof entry === 'string' ? { field: entry } : entry))
    .filter((entry) => entry.field !== 'firstName' && entry.field !== 'lastName')
    // `profile.phone` as in requiredProfileFields, or the bare key `phone`.
    .map((entry) => ({ ...entry, key: entry.field.replace(/^profile\./, '') }))
    .map(
      (entry): Column => ({
        label: entry.label ?? words(entry.key),
        field: `profile.${entry.key}`,
        type: 'text',
        required: entry.required ?? false,
        note:
          entry.note ??
          'Needed before the account can be deactivated or reactivated: fill it now to keep the profile complete.',
        example: entry.example ?? '',
      }),
    );
  const columns = [...importColumns, ...profile];
  const labels = new Set<string>();
  for (const column of columns) {
    const key = headerKey(column.label);
    if (labels.has(key))
      throw new TypeError(`importSheet: two columns are headed "${column.label}"`);
    labels.add(key);
  }
  return { kind: 'import', name: 'Import', columns };
}

/**
 * The bulk-update sheet: `Email*`, `Space`, `Role`, `Groups`, `Manager email`,
 * `Restrictions`, `Deactivated (y/n)`. Every column but the email may be left
 * empty, meaning "leave unchanged".
 *
 * @example
 * ```ts
 * import { parseCsv, updateSheet } from '@rosterkit/spreadsheets';
 *
 * const { rows } = parseCsv(updateSheet(), 'Email*,Deactivated (y/n)\nbo@acme.io,y\n');
 * // rows: [{ rowNumber: 2, email: 'bo@acme.io', deactivated: true }]
 * ```
 */
export function updateSheet(): UpdateSheet {
  return { kind: 'update', name: 'Bulk update', columns: updateColumns };
}

/**
 * Renders a sheet's columns as a markdown table (the guide's column tables
 * are generated with it).
 *
 * @example
 * ```ts
 * import { describeColumns, updateSheet } from '@rosterkit/spreadsheets';
 *
 * describeColumns(updateSheet()).split('\n')[0];
 * // '| column | field | type | required | what to write | example |'
 * ```
 */
export function describeColumns(sheet: BulkSheet): string {
  const cell = (text: string) => text.replace(/[|*]/g, '\\$&');
  return [
    '| column | field | type | required | what to write | example |',
    '|---|---|---|---|---|---|',
    ...sheet.columns.map(
      (column) =>
        `| **${cell(column.label)}** | \`${column.field}\` | ${column.type} | ${column.required ? 'yes' : '—'} | ${cell(column.note)} | ${column.example === '' ? '—' : `\`${cell(column.example)}\``} |`,
    ),
    '',
  ].join('\n');
}

/**
 * How headers are compared: trimmed, inner spaces collapsed, case-insensitive,
 * and a trailing `*` ignored (`email`, `EMAIL *` and `Email*` are one header).
 * @internal
 */
export function headerKey(header: string): string {
  return header
    .trim()
    .replace(/\s*\*$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function words(field: string): string {
  const spaced = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
