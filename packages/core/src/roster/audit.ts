import type { AuditEvent, SubjectType } from '../model/audit-event.js';
import type { JsonValue } from '../model/json-value.js';
import { isProvisionerActor } from '../ports/policy.js';
import type { CommandContext } from './command-context.js';
import { jsonSnapshot } from './json-snapshot.js';

/** A row as an audit snapshot: JSON values only (dates become ISO strings). @internal */
export function snapshot(row: object | null | undefined): JsonValue | null {
  return row === null || row === undefined ? null : (jsonSnapshot(row) ?? null);
}

/** The audit event of a successful command, to append now or with a bulk batch. @internal */
export function auditEventOf(
  ctx: CommandContext,
  orgId: string,
  action: string,
  target: { type: SubjectType; id: string },
  before: object | null | undefined,
  after: object | null | undefined,
  /** Who acted, when the command has no actor of its own (the invitee accepting). */
  actedBy?: string,
): AuditEvent {
  return {
    id: ctx.deps.ids.next('AuditEvent'),
    orgId,
    actor:
      actedBy !== undefined
        ? { accountId: actedBy, orgId }
        : ctx.actor === null
          ? null
          : isProvisionerActor(ctx.actor)
            ? {
                kind: 'provisioner',
                orgId: ctx.actor.organization.id,
                connectionId: ctx.actor.connection.id,
              }
            : { accountId: ctx.actor.account.id, orgId: ctx.actor.organization.id },
    action,
    target,
    before: snapshot(before),
    after: snapshot(after),
    at: ctx.now,
  };
}

/** Appends the audit event of a successful command. @internal */
export async function audit(
  ctx: CommandContext,
  orgId: string,
  action: string,
  target: { type: SubjectType; id: string },
  before: object | null | undefined,
  after: object | null | undefined,
  /** Who acted, when the command has no actor of its own (the invitee accepting). */
  actedBy?: string,
): Promise<void> {
  await ctx.tx.auditEvents.append(auditEventOf(ctx, orgId, action, target, before, after, actedBy));
}
