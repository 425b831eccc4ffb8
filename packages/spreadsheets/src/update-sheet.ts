import type { Column, UpdateSheet } from './columns.js';

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
