import { z } from 'zod';
import { defineModel, type Model } from './define-model.js';
import { JsonValue } from './json-value.js';
import { Id, Timestamp } from './primitives.js';
import type { Assert, Equals } from './type-equals.js';

const schema = z.object({
  id: Id.schema,
  orgId: Id.schema,
  /** What the host must do, e.g. `'invitation.send'`, `'password.reset'`, `'sessions.revoke'`. */
  topic: z.string().min(1).max(64),
  payload: JsonValue.schema,
  createdAt: Timestamp.schema,
  /** Set once the host's handler succeeded; delivery is at least once. */
  deliveredAt: Timestamp.schema.nullable(),
  attempts: z.int().min(0),
});

/**
 * Something the host must deliver (an invitation e-mail, a reset link, a
 * session revocation), written in the same transaction as the change that
 * caused it, so it is never lost and never sent for a change that failed.
 */
export const OutboxMessage: Model<OutboxMessage> = defineModel('OutboxMessage', schema);
/** Something the host must deliver. See {@link OutboxMessage}. */
export interface OutboxMessage {
  id: string;
  orgId: string;
  /** What the host must do, e.g. `'invitation.send'`, `'password.reset'`, `'sessions.revoke'`. */
  topic: string;
  payload: JsonValue;
  createdAt: Date;
  /** Set once the host's handler succeeded; delivery is at least once. */
  deliveredAt: Date | null;
  attempts: number;
}

type _OutboxMessageMatchesSchema = Assert<Equals<z.output<typeof schema>, OutboxMessage>>;
