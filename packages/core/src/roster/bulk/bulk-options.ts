import { z } from 'zod';
import { invalidInput, safeParseInput } from '../../model/define-model.js';
import type { BulkInvitation, BulkProgress } from './bulk-report.js';

const optionsSchema = z.strictObject({
  dryRun: z.boolean().optional(),
  batchSize: z.int().min(1).max(5000).optional(),
  onProgress: z
    .custom<(progress: BulkProgress) => void>((value) => typeof value === 'function', {
      error: 'Must be a function',
    })
    .optional(),
  space: z.string().trim().min(1, 'Must not be empty').max(200).optional(),
  onInvitation: z
    .custom<(issued: BulkInvitation) => void | Promise<void>>(
      (value) => typeof value === 'function',
      { error: 'Must be a function' },
    )
    .optional(),
});

/** The options of both bulk commands, validated (`space` and `onInvitation` are the import's). @internal */
export type ParsedBulkOptions = z.output<typeof optionsSchema>;

/** Validates the options of a bulk command (INVALID_INPUT, thrown: the call as a whole is wrong). @internal */
export function parseBulkOptions(raw: unknown, allowed: readonly string[]): ParsedBulkOptions {
  const schema = optionsSchema.pick(
    Object.fromEntries(allowed.map((key) => [key, true])) as Record<keyof ParsedBulkOptions, true>,
  );
  const result = safeParseInput(schema, raw ?? {});
  if (!result.success) throw invalidInput('bulk options', result.error);
  return result.data as ParsedBulkOptions;
}
