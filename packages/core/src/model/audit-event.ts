import { z } from 'zod';
import { Actor } from './actor.js';
import { defineModel, type Model } from './define-model.js';
import { JsonValue } from './json-value.js';
import { Id, Timestamp } from './primitives.js';
import type { Assert, Equals } from './type-equals.js';

/** The kinds of record an audit event or a permission check can be about. */
export const SubjectType: Model<SubjectType> = defineModel(
  'subject type',
  z.enum([
    'Organization',
    'Account',
    'Space',
    'Membership',
    'Group',
    'Invitation',
    'AuditEvent',
    'Role',
    'OutboxMessage',
    'ProvisioningConnection',
  ]),
);
/** The kinds of record rosterkit manages. */
export type SubjectType =
  | 'Organization'
  | 'Account'
  | 'Space'
  | 'Membership'
  | 'Group'
  | 'Invitation'
  | 'AuditEvent'
  | 'Role'
  | 'OutboxMessage'
  | 'ProvisioningConnection';

type _SubjectTypeMatchesSchema = Assert<Equals<z.output<typeof SubjectType.schema>, SubjectType>>;

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
export const AuditEvent: Model<AuditEvent> = defineModel('AuditEvent', schema);
/** One recorded change. See {@link AuditEvent}. */
export interface AuditEvent {
  id: string;
  orgId: string;
  /** Who did it; `null` for the system (an expiry, the organization's deletion). */
  actor: Actor | null;
  /** The command's name, e.g. `'deactivate'`. */
  action: string;
  target: { type: SubjectType; id: string };
  /** The target before the change; `null` when it was created. */
  before: JsonValue | null;
  /** The target after the change; `null` when it was deleted. */
  after: JsonValue | null;
  at: Date;
}

type _AuditEventMatchesSchema = Assert<Equals<z.output<typeof schema>, AuditEvent>>;
