import type { SubjectType } from '../model/audit-event.js';

/** The kinds of record that get an id: the subjects, plus outbox messages. */
export type IdKind = SubjectType | 'OutboxMessage';

/**
 * The port new ids come from. Ids are opaque strings of at most 191
 * characters; a host may want its own format (prefixed, time-ordered...).
 *
 * @example
 * ```ts
 * import type { IdGenerator } from '@rosterkit/core';
 * let n = 0;
 * const sequential: IdGenerator = { next: (kind) => `${kind.toLowerCase()}_${++n}` };
 * ```
 */
export interface IdGenerator {
  /** A new id, unique among all ids of that kind. */
  next(kind: IdKind): string;
}

/**
 * The default {@link IdGenerator}: random UUIDs (v4) from the platform's
 * `crypto.randomUUID`.
 *
 * @example
 * ```ts
 * import { uuidIdGenerator } from '@rosterkit/core';
 * uuidIdGenerator.next('Account'); // '3b241101-e2bb-4255-8caf-4136c566a962'
 * ```
 */
export const uuidIdGenerator: IdGenerator = { next: () => globalThis.crypto.randomUUID() };
