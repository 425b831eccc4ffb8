import { z } from 'zod';
import { defineModel } from './define-model.js';
import { asciiDomain, canonicalEmail, emailParts, foldEmail } from './normalize-email.js';
import { mixesScripts } from './script-mix.js';

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

// The canonical address's shape. The local part is zod's unicodeEmail one (no
// whitespace, '@' or '"', at most 64 characters), neither starting nor ending with
// a dot nor with two in a row. The domain is in ASCII by then (see asciiDomain):
// two or more labels of letters, digits and inner hyphens, 1-63 characters each,
// at most 253 in all, the last starting with a letter (so not an IP address).
const emailPattern =
  /^(?=[^@]{1,64}@)(?!\.)(?!.*\.\.)[^\s@"]*[^\s@".]@(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/u;

// Control characters are never valid; invisible ones (format characters such as
// the zero-width space and bidi marks, and every default-ignorable code point:
// variation selectors, fillers, tags) and private-use ones (drawn as anything
// a font likes) would let a second account pass for 'ana@acme.io'.
const invisible = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const privateUse = /\p{Co}/u;

// Why a folded address is refused before its shape is checked, if it is.
function lookAlikeProblem(folded: string): string | undefined {
  if (invisible.test(folded)) return 'Must not contain control or invisible characters';
  if (privateUse.test(folded)) return 'Must not contain private-use characters';
  const { local, labels } = emailParts(folded);
  if (mixesScripts(local)) {
    return 'The part before @ must not mix scripts (such as Latin and Cyrillic), which lets an address pass for another';
  }
  if (labels.some(mixesScripts)) {
    return 'A domain name label must not mix scripts (such as Latin and Cyrillic), which lets a domain pass for another';
  }
  if (labels.length > 0 && asciiDomain(labels.join('.')) === undefined) {
    return 'Invalid email address: the domain is not a valid domain name';
  }
  return undefined;
}

/**
 * An email address as rosterkit stores and compares it: its
 * {@link normalizeEmail} form, so that `' Ana@ACME.io'`, `'ａｎａ@acme.io'`
 * (fullwidth) and `'ana@acme.io'` are the same person.
 *
 * - Folded with NFKC (fullwidth, mathematical and circled letters, ligatures
 *   become their plain letters), trimmed and lower-cased.
 * - Internationalised local parts are accepted, in one script: a local part
 *   (or a domain label) that mixes scripts, such as Latin with a Cyrillic `о`,
 *   is refused (Unicode UTS #39's "highly restrictive" level: Latin may go with
 *   Han and Hiragana/Katakana, Bopomofo or Hangul). Control, invisible and
 *   private-use characters are refused.
 * - Internationalised domains are stored in ASCII (punycode, by IDNA UTS #46):
 *   `bücher.de` and `xn--bcher-kva.de` are one domain, stored as the latter,
 *   so a look-alike domain never shows as the real one. The domain must be a
 *   host name (letters, digits, hyphens; no IP address).
 *
 * @example
 * ```ts
 * Email.parse('  Ana@ACME.io ');   // 'ana@acme.io'
 * Email.parse('ａｎａ@acme.io');    // 'ana@acme.io'
 * Email.parse('Dee@Bücher.de');    // 'dee@xn--bcher-kva.de'
 * Email.parse('bо@acme.io');       // throws INVALID_INPUT: Latin mixed with a Cyrillic о
 * ```
 */
export const Email = defineModel(
  'email',
  z
    .string()
    .overwrite(foldEmail)
    .superRefine((folded, ctx) => {
      const message = lookAlikeProblem(folded);
      if (message !== undefined) ctx.addIssue({ code: 'custom', message, input: folded });
    })
    .overwrite(canonicalEmail)
    .pipe(z.email({ pattern: emailPattern, error: 'Invalid email address' }).max(254)),
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

/**
 * The host's id of the person behind an account (its login user's id, an
 * identity provider's subject): 1 to 255 characters, kept exactly as given
 * (compared case-sensitively), without control characters and without white
 * space at either end (refused rather than trimmed: an id is not a name, and
 * SQL collations that pad would compare `"a "` and `"a"` as one).
 * Unique in the organization; see `Account.externalId`.
 *
 * @example
 * ```ts
 * ExternalId.parse('auth0|65f1c2'); // 'auth0|65f1c2'
 * ExternalId.safeParse('').success; // false
 * ExternalId.safeParse(' auth0|65f1c2').success; // false: white space at an end
 * ```
 */
export const ExternalId = defineModel(
  'external id',
  z
    .string()
    .min(1, 'Must not be empty')
    .max(255)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
    .regex(/^[^\u0000-\u001f\u007f]+$/, 'Must not contain control characters')
    .regex(/^\S(?:.*\S)?$/su, 'Must not start or end with white space'),
);
/** The host's id of an account's person (see {@link ExternalId}). */
export type ExternalId = string;
