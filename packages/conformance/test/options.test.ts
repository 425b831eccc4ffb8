import { describe, expect, it } from 'vitest';
import { runStoreConformance } from '../src/index.js';

// What runStoreConformance refuses before it registers anything. (The suite
// itself runs in every adapter's tests: this package has no store of its own.)

const store = { transaction: () => Promise.reject(new Error('never used')) };
const raw = {} as never;

describe('runStoreConformance refuses, before registering a test,', () => {
  it.each(['skip', 'only', 'failing'] as const)('a title in %s that names no test', (option) => {
    expect(() =>
      runStoreConformance('x', () => store, { raw, [option]: ['Account: no such test'] }),
    ).toThrow(`runStoreConformance: ${option} names no test "Account: no such test".`);
  });

  it.each([
    [{ seed: 1.5 }, 'seed must be an integer'],
    [{ numRuns: 0 }, 'numRuns must be a positive integer'],
    [{ numRuns: 2.5 }, 'numRuns must be a positive integer'],
  ])('%o', (options, message) => {
    expect(() => runStoreConformance('x', () => store, { raw, ...options })).toThrow(message);
  });
});
