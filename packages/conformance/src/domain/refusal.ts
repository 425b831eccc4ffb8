import type { RosterErrorCode } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceContext } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import type { ScenarioOrg } from './scenario-roster.js';

/**
 * Asserts that a command is refused with `code` and changed nothing: every
 * account and membership of the organization, its audit trail and the outbox
 * read the same through the raw readers before and after. `alerts` are the
 * topics of the outbox messages a refusal is expected to leave, each written
 * in a transaction of its own (a provisioner's attempt on the owner leaves
 * `provisioning.owner-protected`); nothing else may change.
 * @internal
 */
export async function expectRefusedUnchanged(
  ctx: ConformanceContext,
  org: ScenarioOrg,
  command: () => Promise<unknown>,
  code: RosterErrorCode,
  alerts: readonly string[] = [],
): Promise<void> {
  const before = await rawState(ctx, org);
  const messagesBefore = await ctx.raw.outbox();
  await expectRosterError(command(), code);
  const after = await rawState(ctx, org);
  expect({ ...after, outbox: after.outbox - alerts.length }).toEqual(before);
  const known = new Set(messagesBefore.map((message) => message.id));
  const added = (await ctx.raw.outbox()).filter((message) => !known.has(message.id));
  expect(added.map((message) => message.topic)).toEqual(alerts);
}

/**
 * Asserts that a command fails with exactly `error` (the very object thrown
 * inside it, a host hook's own error) and changed nothing, as
 * {@link expectRefusedUnchanged} checks.
 * @internal
 */
export async function expectFailedUnchanged(
  ctx: ConformanceContext,
  org: ScenarioOrg,
  command: () => Promise<unknown>,
  error: unknown,
): Promise<void> {
  const before = await rawState(ctx, org);
  await expect(command()).rejects.toBe(error);
  expect(await rawState(ctx, org)).toEqual(before);
}

async function rawState(ctx: ConformanceContext, org: ScenarioOrg) {
  const orgId = org.organization.id;
  const people = [org.owner, org.admin, org.agentA, org.agentB];
  const accounts = await Promise.all(people.map((person) => ctx.raw.account(orgId, person.id)));
  const page = await org.as(org.owner).listAccounts({ limit: 500 });
  // By id: "nothing changed" is about the rows, not the order a read returns them in.
  const membershipIds = page.items.flatMap((item) => item.memberships.map((m) => m.id)).sort();
  const memberships = await Promise.all(membershipIds.map((id) => ctx.raw.membership(orgId, id)));
  return {
    accounts,
    memberships,
    audit: (await ctx.raw.auditEvents(orgId)).length,
    outbox: (await ctx.raw.outbox()).length,
    organization: await ctx.raw.organization(orgId),
  };
}
