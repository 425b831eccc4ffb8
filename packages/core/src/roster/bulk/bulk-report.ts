import { z } from 'zod';
import type { RosterErrorCode } from '../../errors/error-codes.js';
import type { Account } from '../../model/account.js';
import { defineModel, type Model } from '../../model/define-model.js';
import type { Invitation } from '../../model/invitation.js';

/**
 * What became of one row of a bulk file: `created` (a new account, invited),
 * `updated`, `unchanged` (nothing to do: already there, or already so), or
 * `failed` (nothing of the row was written).
 *
 * @example
 * ```ts
 * import { BulkRowStatus } from '@rosterkit/core';
 * BulkRowStatus.parse('unchanged'); // 'unchanged'
 * ```
 */
export const BulkRowStatus: Model<BulkRowStatus> = defineModel(
  'bulk row status',
  z.enum(['created', 'updated', 'unchanged', 'failed']),
);
/** `created`, `updated`, `unchanged` or `failed`. See {@link BulkRowStatus}. */
export type BulkRowStatus = 'created' | 'updated' | 'unchanged' | 'failed';

/**
 * The report of one row of a bulk file.
 *
 * @example
 * ```ts
 * import type { BulkRowReport } from '@rosterkit/core';
 *
 * const failed: BulkRowReport = {
 *   row: 3,
 *   email: 'bo@acme',
 *   status: 'failed',
 *   accountId: null,
 *   error: { code: 'INVALID_INPUT', message: 'Invalid import row: email: Invalid email address.', column: 'email' },
 * };
 * ```
 */
export interface BulkRowReport {
  /** The row's `rowNumber` (its 1-based position in the input when it has none). */
  readonly row: number;
  /** The row's email as given (not normalized); `null` when missing. */
  readonly email: string | null;
  readonly status: BulkRowStatus;
  /** The account created, updated or matched; `null` when the row failed before one was known. */
  readonly accountId: string | null;
  /**
   * Why the row failed; `null` unless `status` is `failed`. `column` is the
   * row's field at fault (`'email'`, `'role'`, `'space'`, `'groups'`,
   * `'manager'`, `'restrictions'`, `'deactivated'`, `'profile.<field>'`), or
   * `null` when the row as a whole failed. An import row the Policy refuses
   * names `'role'` when the actor may invite into that space with another
   * role, `'space'` when they may invite with that role elsewhere, and `null`
   * when they may invite no one.
   */
  readonly error: {
    readonly code: RosterErrorCode;
    readonly message: string;
    readonly column: string | null;
  } | null;
}

/**
 * What {@link ActorApi.bulkImport} and {@link ActorApi.bulkUpdate} return:
 * one entry per input row, in input order, and the count of each status.
 *
 * @example
 * ```ts
 * const report = await admin.bulkImport(rows, { dryRun: true });
 * if (report.counts.failed > 0) {
 *   for (const row of report.rows) if (row.error) console.log(row.row, row.error.column, row.error.message);
 * }
 * ```
 */
export interface BulkReport {
  /** Whether this was a dry run (nothing written). */
  readonly dryRun: boolean;
  /** One per input row, in input order. */
  readonly rows: readonly BulkRowReport[];
  /** How many rows ended in each status. */
  readonly counts: Readonly<Record<BulkRowStatus, number>>;
}

/**
 * How far a bulk run has got, given to {@link BulkOptions.onProgress}.
 *
 * @example
 * ```ts
 * const onProgress = ({ done, total }: BulkProgress) => console.log(`${done}/${total}`);
 * ```
 */
export interface BulkProgress {
  /** Rows processed so far (reported or not yet written: a whole batch at a time). */
  readonly done: number;
  /** Rows in the input. */
  readonly total: number;
}

/**
 * Options of {@link ActorApi.bulkUpdate} (and, with `space`, of {@link ActorApi.bulkImport}).
 *
 * @example
 * ```ts
 * const preview = await admin.bulkUpdate(rows, { dryRun: true, batchSize: 200 });
 * ```
 */
export interface BulkOptions {
  /** Validate, authorize and report without writing anything. The report equals the real run's. @default false */
  readonly dryRun?: boolean | undefined;
  /** Rows per Store transaction, an integer from 1 to 5000. @default 500 */
  readonly batchSize?: number | undefined;
  /** Called once at the start with `done` 0, then after each batch. */
  readonly onProgress?: ((progress: BulkProgress) => void) | undefined;
}

/**
 * Options of {@link ActorApi.bulkImport}.
 *
 * @example
 * ```ts
 * await admin.bulkImport(rows, { space: 'Leeds', onProgress: ({ done, total }) => bar.update(done / total) });
 * ```
 */
export interface BulkImportOptions extends BulkOptions {
  /** The space, by name, of rows without `space`; the organization's default space when absent. */
  readonly space?: string | undefined;
  /**
   * Receives each invitation a batch issued, with its token, once the batch
   * has committed (never in a dry run): the only time the token is known, as
   * `invite` returns it. With the roster's `invitationKeys`, leave the
   * e-mails to `startOutboxWorker`, which rebuilds each token from its
   * `invitation.created` message; never call `resendInvitation` to get a
   * token for a message being delivered (it issues a new invitation e-mail,
   * and the link of the one being sent stops working).
   */
  readonly onInvitation?: ((issued: BulkInvitation) => void | Promise<void>) | undefined;
}

/**
 * An invitation a bulk import issued, given to {@link BulkImportOptions.onInvitation}.
 *
 * @example
 * ```ts
 * const links: string[] = [];
 * await admin.bulkImport(rows, {
 *   onInvitation: ({ invitation, token }) => { links.push(`${invitation.email}: https://app.example/join?token=${token}`); },
 * });
 * ```
 */
export interface BulkInvitation {
  /** The row that created it (its `rowNumber`). */
  readonly row: number;
  readonly invitation: Invitation;
  /** The pending account the invitation activates. */
  readonly account: Account;
  /** The secret for the invitation link; rosterkit keeps only its hash. */
  readonly token: string;
}
