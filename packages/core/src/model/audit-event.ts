import { z } from 'zod';
import { Actor } from './actor.js';
import { defineModel } from './define-model.js';
import { JsonValue } from './json-value.js';
import { Id, Timestamp } from './primitives.js';

/** The kinds of record an audit event or a permission check can be about. */
export const SubjectType = defineModel(
  'subject type',
  z.enum(['Organization', 'Account', 'Space', 'Membership', 'Group', 'Invitation', 'AuditEvent']),
);
/** The kinds of record rosterkit manages. */
export type SubjectType = z.output<typeof SubjectType.schema>;

const schema = z.object({
  id: Id.schema,
  orgId: Id.schema,
  /** Who did it; `null` for the system (an expiry, the organization's deletion). */
  actor: Actor.schema.nullable(),
  /** The command's name, e.g. `'deactivate'`. */
  action: z.string().min(1).max(64),
  target: z.object({ type: SubjectType.schema, id: Id.schema }),
  /** The target before the change; `null` when it was created. */
  before: JsonValue.schema.nullable(),
  /** The target after the change; `null` when it was deleted. */
  after: JsonValue.schema.nullable(),
  at: Timestamp.schema,
});

/**
 * One recorded change, written in the same transaction as the change itself.
 * When an account is deleted its events stay, with the account's id standing
 * as a pseudonym.
 */
export const AuditEvent = defineModel('AuditEvent', schema);
/** One recorded change. See {@link AuditEvent}. */
export type AuditEvent = z.output<typeof schema>;
