import type { AccountHistory, ActorApi, AuditEvent } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { seedScenario } from './scenario-roster.js';

// Issue 14, item 4: an account's history pages by cursor, and outlives the
// account (the pseudonymous trail of DESIGN §3).

/** Every page of an account's history, `limit` at a time. */
async function allPages(
  api: ActorApi,
  accountId: string,
  limit: number,
): Promise<{ pages: AccountHistory[]; events: AuditEvent[] }> {
  const pages: AccountHistory[] = [];
  let cursor: string | null = null;
  do {
    const page: AccountHistory = await api.history({
      accountId,
      limit,
      ...(cursor === null ? {} : { cursor }),
    });
    pages.push(page);
    cursor = page.nextCursor;
    if (pages.length > 50) throw new Error('history pages do not end');
  } while (cursor !== null);
  return { pages, events: pages.flatMap((page) => [...page.events]) };
}

const newestFirst = (a: AuditEvent, b: AuditEvent) =>
  b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** `history`: cursor pages, and the trail of a deleted account. */
export const historyScenarios: ConformanceSuite = (test) => {
  test('Domain: history pages an account’s events (its own and its memberships’) newest first, by cursor, with the total', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const accountId = org.agentA.id;
    const leeds = await owner.createSpace({ name: 'Leeds' });
    for (let i = 0; i < 3; i += 1) {
      org.clock.advance(1_000);
      await owner.updateProfile({ accountId, lastName: `L${i}` });
    }
    org.clock.advance(1_000);
    await owner.addToTeam({ accountId, spaceId: leeds.id, role: 'agent' });
    org.clock.advance(1_000);
    await owner.changeRole({ accountId, role: 'admin' });
    const everything = await owner.history({ accountId, limit: 500 });
    expect(everything.nextCursor).toBeNull();
    expect(everything.account?.id).toBe(accountId);
    expect(everything.memberships).toHaveLength(2);
    const ids = new Set([accountId, ...everything.memberships.map((m) => m.id)]);
    const expected = (await ctx.raw.auditEvents(org.organization.id))
      .filter((event) => ids.has(event.target.id))
      .sort(newestFirst);
    expect(everything.events).toEqual(expected);
    expect(everything.total).toBe(expected.length);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    const { pages, events } = await allPages(owner, accountId, 2);
    expect(events).toEqual(expected);
    expect(pages.every((page) => page.total === expected.length)).toBe(true);
    expect(pages.slice(0, -1).every((page) => page.events.length === 2)).toBe(true);
    // The default page is the latest 100.
    expect((await owner.history({ accountId })).events).toEqual(expected);
    await expectRosterError(owner.history({ accountId, cursor: 'not-a-cursor' }), 'INVALID_INPUT');
    await expectRosterError(owner.history({ accountId, limit: 0 }), 'INVALID_INPUT');
    await expectRosterError(owner.history({ accountId: 'acc_nobody' }), 'NOT_FOUND');
  });

  test('Domain: a deleted account’s history is still read by its id: its events and its memberships’, with no personal data', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const owner = org.as(org.owner);
    const accountId = org.agentA.id;
    await owner.updateProfile({ accountId, lastName: 'Before' });
    org.clock.advance(1_000);
    await owner.changeRole({ accountId, role: 'admin' });
    org.clock.advance(1_000);
    const before = await owner.history({ accountId, limit: 500 });
    const [membership] = before.memberships;
    await org.as(org.agentA).deleteOwnAccount();
    const after = await allPages(owner, accountId, 2);
    const last = after.pages.at(-1) as AccountHistory;
    expect(last.account).toBeNull();
    expect(last.memberships).toEqual([]);
    expect(last.accountId).toBe(accountId);
    // Every event it had, and its deletion, newest first.
    expect(after.events.map((event) => event.id)).toEqual([
      expect.any(String),
      ...before.events.map((event) => event.id),
    ]);
    expect(after.events[0]).toMatchObject({
      action: 'deleteOwnAccount',
      target: { type: 'Account', id: accountId },
    });
    expect(after.events.some((event) => event.target.id === membership?.id)).toBe(true);
    // The trail keeps ids as pseudonyms: no name, no email.
    const text = JSON.stringify(after.events.slice(1));
    expect(text).not.toContain('bo@acme.io');
    expect(text).not.toContain('Before');
    expect(after.events.slice(1).every((e) => e.before === null && e.after === null)).toBe(true);
  });
};
