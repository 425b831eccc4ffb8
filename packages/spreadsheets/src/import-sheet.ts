import { type Column, headerKey, type ImportSheet } from './columns.js';

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
  {
    label: 'Restrictions',
    field: 'restrictions',
    type: 'list',
    required: false,
    note: 'Restrictions of the person’s access in that space (the host’s names), separated by commas. Empty: none.',
    example: 'no-export',
  },
];

/**
 * The import sheet: `Email*`, `First name`, `Last name`, `Role*`,
 * `Home site / Space`, `Groups`, `Manager email`, `Restrictions`, then one column per host
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

function words(field: string): string {
  const spaced = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
