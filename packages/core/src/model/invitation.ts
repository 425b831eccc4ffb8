import { z } from 'zod';
import { defineModel, type Model } from './define-model.js';
import { Restrictions, RoleName } from './membership.js';
import { Email, Id, Timestamp, Version } from './primitives.js';
import type { Assert, Equals } from './type-equals.js';

/**
 * Where an invitation stands, as stored: `pending` (not yet answered),
 * `accepted`, `revoked` (withdrawn by an admin) or `declined` (turned down by
 * the invitee). An expired one is still `pending`: expiry is read from
 * `expiresAt` (`listInvitations` reports it as `expired`).
 */
export const InvitationStatus: Model<InvitationStatus> = defineModel(
  'invitation status',
  z.enum(['pending', 'accepted', 'revoked', 'declined']),
);
/** `pending`, `accepted`, `revoked` or `declined`. */
export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'declined';

const schema = z.object({
  id: Id.schema,
  orgId: Id.schema,
  /** The pending account this invitation activates. */
  accountId: Id.schema,
  spaceId: Id.schema,
  email: Email.schema,
  role: RoleName.schema,
  groupIds: z.array(Id.schema).max(1000),
  /** The restrictions the membership gets at acceptance. */
  restrictions: Restrictions.schema,
  managerId: Id.schema.nullable(),
  invitedBy: Id.schema,
  /** A hash of the token; the token itself is shown once and never stored. */
  tokenHash: z.string().min(32).max(256),
  status: InvitationStatus.schema,
  expiresAt: Timestamp.schema,
  createdAt: Timestamp.schema,
  version: Version.schema,
});

/**
 * An offer to join a space with a role, sent to an email. Single-use,
 * expiring (7 days by default); resending rotates the token and the expiry.
 */
export const Invitation: Model<Invitation> = defineModel('Invitation', schema);
/** An offer to join a space. See {@link Invitation}. */
export interface Invitation {
  id: string;
  orgId: string;
  /** The pending account this invitation activates. */
  accountId: string;
  spaceId: string;
  email: string;
  role: string;
  groupIds: string[];
  /** The restrictions the membership gets at acceptance (004's "check any restrictions that apply"). */
  restrictions: string[];
  managerId: string | null;
  /** Who sent it. */
  invitedBy: string;
  /** A hash of the token; the token itself is shown once and never stored. */
  tokenHash: string;
  status: InvitationStatus;
  expiresAt: Date;
  createdAt: Date;
  version: number;
}

type _InvitationMatchesSchema = Assert<Equals<z.output<typeof schema>, Invitation>>;
type _InvitationStatusMatchesSchema = Assert<
  Equals<z.output<typeof InvitationStatus.schema>, InvitationStatus>
>;
