import type { Model } from '../../model/define-model.js';
import type { ActorContext } from '../command-context.js';
import type { BulkInvitation, BulkRowReport } from './bulk-report.js';

/** A row that passed validation, with where it came from. @internal */
export interface PreparedRow<R> {
  /** Position in the input. */
  readonly index: number;
  /** The report's `row`. */
  readonly row: number;
  /** The email as given. */
  readonly email: string;
  readonly data: R;
}

/** What one batch reports: a report per row it was given, and the invitations it issued. @internal */
export interface BatchOutcome {
  readonly reports: ReadonlyMap<number, BulkRowReport>;
  readonly invitations: readonly BulkInvitation[];
}

/** One bulk command: its row model, and what it does with a batch of valid rows in one transaction. @internal */
export interface BulkCommand<R> {
  readonly model: Model<R>;
  process(ctx: ActorContext, rows: readonly PreparedRow<R>[]): Promise<BatchOutcome>;
}
