import type { z } from 'zod';
import { invalidInput, type Model, safeParseInput } from '../../model/define-model.js';
import { Email } from '../../model/primitives.js';
import type { PreparedRow } from './bulk-command.js';
import type { BulkRowReport } from './bulk-report.js';
import { failedReport } from './row-failure.js';

/** Where a row came from, even when it is invalid: its own `rowNumber` when usable, else its position. @internal */
export function rowNumberOf(raw: unknown, index: number): number {
  const given = (raw as { rowNumber?: unknown } | null)?.rowNumber;
  return typeof given === 'number' && Number.isInteger(given) && given >= 1 ? given : index + 1;
}

function emailOf(raw: unknown): string | null {
  const given = (raw as { email?: unknown } | null)?.email;
  return typeof given === 'string' ? given : null;
}

function normalizedEmail(given: string | null): string | undefined {
  const normalized = Email.safeParse(given);
  return normalized.success ? normalized.data : undefined;
}

/** The column of a zod issue path: the row's field, `profile.<field>` inside the profile. */
function columnOf(issue: z.core.$ZodIssue): string | null {
  if (issue.code === 'unrecognized_keys' && issue.path.length === 0) return issue.keys[0] ?? null;
  const [field, key] = issue.path;
  if (field === undefined) return null;
  if (field === 'profile' && key !== undefined) return `profile.${String(key)}`;
  return String(field);
}

/** Validates every row: a report for each invalid or duplicate one, the valid ones to process. @internal */
export function prepareRows<R extends { email: string }>(
  model: Model<R>,
  rows: readonly unknown[],
): { prepared: PreparedRow<R>[]; failed: Map<number, BulkRowReport> } {
  const prepared: PreparedRow<R>[] = [];
  const failed = new Map<number, BulkRowReport>();
  const firstWithEmail = new Map<string, number>();
  rows.forEach((raw, index) => {
    const where = { row: rowNumberOf(raw, index), email: emailOf(raw) };
    const parsed = safeParseInput(model.schema, raw);
    // An invalid row still claims its email, when that is valid, for the
    // duplicate check; a valid row's is already normalized (parsed once).
    const email = parsed.success ? parsed.data.email : normalizedEmail(where.email);
    const first = email === undefined ? undefined : firstWithEmail.get(email);
    if (email !== undefined && first === undefined) firstWithEmail.set(email, where.row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      failed.set(
        index,
        failedReport(
          where,
          'INVALID_INPUT',
          invalidInput(model.name, parsed.error).message,
          issue === undefined ? null : columnOf(issue),
        ),
      );
      return;
    }
    if (first !== undefined) {
      failed.set(
        index,
        failedReport(
          where,
          'INVALID_INPUT',
          `Duplicate of row ${first}: each email appears once in a file.`,
          'email',
        ),
      );
      return;
    }
    prepared.push({ index, row: where.row, email: where.email ?? '', data: parsed.data });
  });
  return { prepared, failed };
}
