import type { BulkSheet } from './columns.js';

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
