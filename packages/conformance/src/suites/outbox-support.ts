import type { OutboxDeadQuery, Store } from '@rosterkit/core';

// The instants, failures and walks the outbox's tests share.

export const base = Date.UTC(2026, 0, 1);
export const at = (ms: number) => new Date(base + ms);
export const farFuture = new Date(Date.UTC(2100, 0, 1));
export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

export const dueIds = (store: Store, now: Date, limit = 100) =>
  store
    .transaction((tx) => tx.outbox.listDue(now, limit))
    .then((rows) => rows.map((row) => row.id));

export async function walkDead(store: Store, query: Omit<OutboxDeadQuery, 'cursor'>) {
  const pages: string[][] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await store.transaction((tx) =>
      tx.outbox.listDead({ ...query, ...(cursor === undefined ? {} : { cursor }) }),
    );
    pages.push(page.items.map((message) => message.id));
    totals.push(page.total);
    if (page.nextCursor === null) return { pages, totals };
    cursor = page.nextCursor;
    if (pages.length > 100) throw new Error('dead outbox pagination does not end');
  }
}

/** A failure that schedules the next try at `next`. */
export const retryAt = (attempts: number, next: Date, error = 'Error: mail server down') => ({
  attempts,
  error,
  nextAttemptAt: next,
  deadAt: null,
});

/** A failure that parks the message dead at `when`. */
export const parkAt = (attempts: number, when: Date, error = 'Error: mailbox does not exist') => ({
  attempts,
  error,
  nextAttemptAt: when,
  deadAt: when,
});
