import { z } from 'zod';
import { defineModel } from './define-model.js';

/**
 * An opaque identifier: any non-empty string of at most 191 characters (the
 * longest that MySQL indexes in utf8mb4). rosterkit never reads meaning into ids.
 */
export const Id = defineModel(
  'id',
  z.string().min(1, 'Must not be empty').max(191, 'Must be at most 191 characters'),
);
/** An opaque identifier. */
export type Id = string;

// zod's unicodeEmail pattern (no whitespace, '@' or '"'; 64 + 255 characters), tightened:
// the local part neither starts nor ends with a dot nor has two in a row, and the domain
// is two or more non-empty labels, none starting or ending with a hyphen.
const emailPattern =
  /^(?=[^@]{1,64}@)(?!\.)(?!.*\.\.)[^\s@"]*[^\s@".]@(?=[^@]{1,255}$)(?:[^\s@.-](?:[^\s@.]*[^\s@.-])?\.)+[^\s@.-](?:[^\s@.]*[^\s@.-])?$/u;

/**
 * An email address as rosterkit stores and compares it: trimmed, NFC-normalized
 * and lower-cased, so `' Ana@ACME.io'` and `'ana@acme.io'` are the same person.
 * Internationalized local parts and domains are accepted.
 *
 * @example
 * ```ts
 * Email.parse('  Ana@ACME.io '); // 'ana@acme.io'
 * ```
 */
export const Email = defineModel(
  'email',
  z
    .string()
    .trim()
    .normalize('NFC')
    .toLowerCase()
    .pipe(
      z
        .email({ pattern: emailPattern, error: 'Invalid email address' })
        .max(254)
        // Control characters are never valid, and invisible format characters (zero-width
        // space, bidi marks) would let a look-alike second account sit next to 'ana@acme.io'.
        .regex(/^[^\p{Cc}\p{Cf}]*$/u, 'Must not contain control or invisible characters'),
    ),
);
/** A normalized email address (see {@link Email}). */
export type Email = string;

/** A point in time: a `Date`, or an ISO 8601 string with an offset, parsed into a `Date`. */
export const Timestamp = defineModel(
  'timestamp',
  z.union([
    z.date().refine((date) => !Number.isNaN(date.getTime()), 'Invalid date'),
    z.iso.datetime({ offset: true }).transform((text) => new Date(text)),
  ]),
);
/** A point in time. */
export type Timestamp = Date;

/** An optimistic-concurrency version: starts at 1 and grows by one on every write of the row. */
export const Version = defineModel('version', z.int().min(1));
/** An optimistic-concurrency version. */
export type Version = number;

/** A person's display name part: trimmed, 1–100 characters. */
export const PersonName = defineModel(
  'name',
  z.string().trim().min(1, 'Must not be empty').max(100),
);
