import { describe, expect, it } from 'vitest';
import { meetingPoint } from '../src/conformance-context.js';

describe('meetingPoint', () => {
  it('holds each party until all have arrived', async () => {
    const meet = meetingPoint(2, 5_000);
    const order: string[] = [];
    const first = meet().then(() => order.push('first through'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    order.push('second arrives');
    await Promise.all([first, meet().then(() => order.push('second through'))]);
    expect(order).toEqual(['second arrives', 'first through', 'second through']);
  });

  it('lets a lone party through after the timeout, and a late one at once', async () => {
    const meet = meetingPoint(2, 50);
    const started = Date.now();
    await meet();
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    const again = Date.now();
    await meet();
    await meet();
    expect(Date.now() - again).toBeLessThan(45);
  });
});
