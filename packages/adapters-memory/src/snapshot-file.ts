import { promises as fs, readFileSync } from 'node:fs';
import {
  Account,
  AuditEvent,
  Group,
  Membership,
  type Model,
  Organization,
  ProvisioningConnection,
  ProvisioningLink,
  Space,
  StoredRole,
} from '@rosterkit/core';
import { groupMemberSnapshotRow } from './snapshot-group-member.js';
import { invitationSnapshotRow } from './snapshot-invitation.js';
import { outboxSnapshotRow } from './snapshot-outbox.js';
import { beginViews, commitViews, type Tables, type Views } from './tables.js';

const format = 'rosterkit-memory-store';

const models: { readonly [K in keyof Tables]: Pick<Model<unknown>, 'parse'> } = {
  organizations: Organization,
  accounts: Account,
  spaces: Space,
  memberships: Membership,
  groups: Group,
  invitations: invitationSnapshotRow,
  auditEvents: AuditEvent,
  outbox: outboxSnapshotRow,
  roles: StoredRole,
  provisioningConnections: ProvisioningConnection,
  provisioningLinks: ProvisioningLink,
  provisioningGroupMembers: groupMemberSnapshotRow,
};

// Tables added after the first snapshots: a snapshot written before has none.
const added: ReadonlySet<string> = new Set([
  'roles',
  'provisioningConnections',
  'provisioningLinks',
  'provisioningGroupMembers',
]);

const tableNames = Object.keys(models) as (keyof Tables)[];

/**
 * Loads a snapshot file into empty tables, if the file exists. Every row is
 * revived through core's model (ISO strings back to `Date`s, validated).
 *
 * @internal
 */
export function loadSnapshot(file: string, tables: Tables): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const data = JSON.parse(text) as Record<string, unknown>;
  if (data.format !== format || data.version !== 1) {
    throw new Error(`${file} is not a rosterkit memory store snapshot (version 1).`);
  }
  const views = beginViews(tables);
  for (const name of tableNames) {
    const rows = added.has(name) && data[name] === undefined ? [] : data[name];
    if (!Array.isArray(rows)) throw new Error(`${file}: "${name}" must be an array.`);
    const view = views[name] as Views[keyof Tables] & { insert(row: unknown): void };
    for (const row of rows) view.insert(models[name].parse(upgraded(name, row)));
  }
  commitViews(views);
}

/**
 * A row as the current model has it: accounts saved before `externalId`
 * existed have none (`null`), as the SQL migration leaves them.
 */
function upgraded(table: string, row: unknown): unknown {
  if (table !== 'accounts' || typeof row !== 'object' || row === null) return row;
  return 'externalId' in row ? row : { ...row, externalId: null };
}

let sequence = 0;

/**
 * Writes the tables as a transaction's views see them, atomically: to a
 * temporary file next to `file`, then renamed over it, so a reader or a crash
 * never sees half a snapshot.
 *
 * @internal
 */
export async function saveSnapshot(file: string, views: Views): Promise<void> {
  const data: Record<string, unknown> = { format, version: 1 };
  for (const name of tableNames) data[name] = [...views[name].all()];
  sequence += 1;
  const temporary = `${file}.${process.pid}.${sequence}.tmp`;
  try {
    await fs.writeFile(temporary, `${JSON.stringify(data)}\n`, 'utf8');
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
