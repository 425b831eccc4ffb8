import { BulkImportRow, type BulkReport, BulkUpdateRow } from '@rosterkit/core';
import { z } from 'zod';
import { BulkImportQuery, BulkUpdateQuery } from '../request/list-query.js';
import { BulkResponseBody } from './response-schemas.js';
import { defineRoute, type Route } from './route.js';

// Rows are checked by core one by one, so that a bad row is reported `failed`
// in the per-row report instead of refusing the file: the body's schema takes
// any objects, and the document shows core's row schema.
function rowSchema(row: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(row, {
    io: 'input',
    unrepresentable: 'any',
  });
  return json;
}

const rowsOf = (row: z.ZodType, description: string) =>
  z.strictObject({
    rows: z
      .array(z.record(z.string(), z.unknown()))
      .max(100_000)
      .meta({ description, items: rowSchema(row) }),
  });

/** Bulk import and update, from JSON rows or an uploaded .csv/.xlsx, with a dry run. @internal */
export const bulkRoutes: readonly Route[] = [
  defineRoute({
    operationId: 'bulkImport',
    method: 'POST',
    path: '/bulk/import',
    tag: 'Bulk',
    summary:
      'Creates and invites people from rows (JSON) or a file (multipart field `file`: .csv or .xlsx); a per-row report.',
    auth: 'actor',
    query: BulkImportQuery,
    body: rowsOf(
      BulkImportRow.schema,
      'Import rows; a bad one is reported `failed`, the others go on.',
    ),
    bodyRequired: true,
    upload: 'import',
    status: 200,
    response: BulkResponseBody,
    call: ({ api, query, body }): Promise<BulkReport> =>
      api.bulkImport(body.rows as unknown as BulkImportRow[], {
        dryRun: query.dryRun ?? false,
        ...(query.space === undefined ? {} : { space: query.space }),
      }),
  }),
  defineRoute({
    operationId: 'bulkUpdate',
    method: 'POST',
    path: '/bulk/update',
    tag: 'Bulk',
    summary:
      'Updates people found by email from rows (JSON) or a file (multipart field `file`); a per-row report.',
    auth: 'actor',
    query: BulkUpdateQuery,
    body: rowsOf(
      BulkUpdateRow.schema,
      'Update rows; a bad one is reported `failed`, the others go on.',
    ),
    bodyRequired: true,
    upload: 'update',
    status: 200,
    response: BulkResponseBody,
    call: ({ api, query, body }): Promise<BulkReport> =>
      api.bulkUpdate(body.rows as unknown as BulkUpdateRow[], { dryRun: query.dryRun ?? false }),
  }),
];
