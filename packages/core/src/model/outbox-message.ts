import { z } from 'zod';
import { defineModel, type Model } from './define-model.js';
import { JsonValue } from './json-value.js';
import { Id, Timestamp } from './primitives.js';
import type { Assert, Equals } from './type-equals.js';

/** The longest {@link OutboxMessage.lastError} kept, in UTF-16 code units: longer reasons are cut. */
export const outboxErrorMaxLength = 1000;

const schema = z.object({
  id: Id.schema,
  orgId: Id.schema,
  /** What the host must do: `'invitation.created'`, `'password.reset'`, `'sessions.revoke'`, `'organization.deleted'`, `'reports.unassigned'`, `'provisioning.owner-protected'`. */
  topic: z.string().min(1).max(64),
  payload: JsonValue.schema,
  createdAt: Timestamp.schema,
  /** Set once the host's handler succeeded; delivery is at least once. */
  deliveredAt: Timestamp.schema.nullable(),
  /** How many deliveries failed so far (0 on the first try), interrupted ones included (a worker that died holding it). */
  attempts: z.int().min(0),
  /** Not to be tried before this instant: `createdAt` when new, later after each failure (back-off). */
  nextAttemptAt: Timestamp.schema,
  /** Why the last delivery failed (the handler's error, cut to {@link outboxErrorMaxLength}); `null` before any failure. */
  lastError: z.string().max(outboxErrorMaxLength).nullable(),
  /** Set when the message was parked dead (too many failures): it is never tried again on its own. */
  deadAt: Timestamp.schema.nullable(),
  /** The lease of the worker that claimed it, while it is being delivered; `null` when unclaimed. */
  leaseId: z.string().min(1).max(64).nullable(),
});

/**
 * Something the host must deliver (an invitation e-mail, a reset link, a
 * session revocation), written in the same transaction as the change that
 * caused it, so it is never lost and never sent for a change that failed.
 *
 * A message is **due** while it is undelivered, not dead, and its
 * `nextAttemptAt` has come. Each failed delivery counts an attempt and
 * pushes `nextAttemptAt` back; past the maximum of attempts the message is
 * parked **dead** (`deadAt`), kept for the host to inspect with
 * `roster.listDeadOutboxMessages`. A worker **claims** due messages with a
 * lease (`leaseId`, and `nextAttemptAt` moved to the lease's end), so no
 * other worker takes them while it delivers.
 */
export const OutboxMessage: Model<OutboxMessage> = defineModel('OutboxMessage', schema);
/** Something the host must deliver. See {@link OutboxMessage}. */
export interface OutboxMessage {
  id: string;
  orgId: string;
  /** What the host must do: `'invitation.created'`, `'password.reset'`, `'sessions.revoke'`, `'organization.deleted'`, `'reports.unassigned'`, `'provisioning.owner-protected'`. */
  topic: string;
  payload: JsonValue;
  createdAt: Date;
  /** Set once the host's handler succeeded; delivery is at least once. */
  deliveredAt: Date | null;
  /** How many deliveries failed so far (0 on the first try), interrupted ones included (a worker that died holding it). */
  attempts: number;
  /** Not to be tried before this instant: `createdAt` when new, later after each failure (back-off). */
  nextAttemptAt: Date;
  /** Why the last delivery failed (the handler's error, cut to {@link outboxErrorMaxLength}); `null` before any failure. */
  lastError: string | null;
  /** Set when the message was parked dead (too many failures): it is never tried again on its own. */
  deadAt: Date | null;
  /**
   * The lease of the worker that claimed it (`outbox.claim`), until it is
   * delivered, fails or is released; `null` when unclaimed. While claimed,
   * `nextAttemptAt` is when the lease expires: a worker that died holding
   * it leaves the message due again then.
   */
  leaseId: string | null;
}

type _OutboxMessageMatchesSchema = Assert<Equals<z.output<typeof schema>, OutboxMessage>>;
