// The preamble of `<!-- snippet fragment=outbox -->` blocks: a roster on the
// memory store, and the host's own services an outbox handler calls.
import { memoryStore } from '@rosterkit/adapter-memory';
import { createRoster, type JsonValue } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';

const roles = presets.teamWorkspace;
/** The roster whose outbox is drained. */
export const roster = createRoster({ store: memoryStore(), policy: createPolicy(roles) });
/** The host's mailer. */
export const mailer = { async sendReset(_payload: JsonValue): Promise<void> {} };
/** The host's session store. */
export const sessions = { async revokeAll(_payload: JsonValue): Promise<void> {} };
/** The host's alerting. */
export function alertOps(_text: string): void {}
