// Prisma's `contains` is a SQL LIKE whose pattern Prisma does not escape:
// `%` and `_` are wildcards on every provider, and `\` is PostgreSQL's and
// MySQL's escape character, while SQLite's LIKE has no escape character at
// all, so no escaping of the pattern could make it literal there. Instead,
// the searched columns hold keys in which those three characters are
// replaced by three that lower-cased text never contains (full-width
// capitals, whose lower case differs), and a search is turned into a key the
// same way. The pattern then holds nothing LIKE reads specially, and since
// the replacement is one character for one, a key contains another exactly
// when the lower-cased texts do: the memory store's `includes`.
//
// The replacements are not ASCII, so SQLite's LIKE, which folds ASCII case
// only, and the binary collations of the migrations keep them apart from
// their lower case. (A SQLite built with ICU folds all case in LIKE: there,
// a search for `%` would also match "ｐ".)

import { lowerText } from '@rosterkit/core/adapter';

const replacements: Readonly<Record<string, string>> = {
  '%': '\uFF30', // Ｐ
  _: '\uFF35', // Ｕ
  '\\': '\uFF22', // Ｂ
};

/**
 * The search key of `text`: lower-cased, with `%`, `_` and `\` replaced
 * (see above). Stored keys and searches are both made by it.
 *
 * @internal
 */
export function searchKey(text: string): string {
  return lowerText(text).replace(/[%_\\]/g, (character) => replacements[character] ?? '');
}
