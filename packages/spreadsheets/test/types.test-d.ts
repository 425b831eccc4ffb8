import type { BulkImportRow, BulkUpdateRow } from '@rosterkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type BulkSheet,
  importSheet,
  parseCsv,
  parseXlsx,
  type RowOf,
  updateSheet,
  writeCsv,
} from '../src/index.js';

describe('row types follow the sheet', () => {
  it('reads import rows from the import sheet and update rows from the update sheet', () => {
    expectTypeOf(parseCsv(importSheet(), '').rows).toEqualTypeOf<
      RowOf<ReturnType<typeof importSheet>>[]
    >();
    expectTypeOf(parseCsv(importSheet(), '').rows[0]).toEqualTypeOf<BulkImportRow | undefined>();
    expectTypeOf(parseCsv(updateSheet(), '').rows).toEqualTypeOf<BulkUpdateRow[]>();
    expectTypeOf(parseXlsx(updateSheet(), new Uint8Array()))
      .resolves.toHaveProperty('rows')
      .toEqualTypeOf<BulkUpdateRow[]>();
  });

  it('writes only rows of the sheet’s kind', () => {
    // @ts-expect-error: an import row needs a role
    writeCsv(importSheet(), { rows: [{ email: 'bo@acme.io' }] });
    writeCsv(updateSheet(), { rows: [{ email: 'bo@acme.io' }] });
    expectTypeOf<RowOf<BulkSheet>>().toEqualTypeOf<BulkImportRow | BulkUpdateRow>();
  });
});
