// Text as rosterkit compares it, the same in every store: by UTF-16 code
// units, never by a locale's collation, and lower-cased by JavaScript's
// `toLowerCase` (Unicode's default case mapping, locale-independent), which
// is not what a database's `lower()` does (SQLite's folds ASCII only;
// PostgreSQL's follows the database's locale).

/**
 * Compares two strings by UTF-16 code units, as every order of the Store port
 * does (a sort's text keys, ties by `id`): JavaScript's `<`, SQL's
 * `COLLATE "C"` on PostgreSQL, `BINARY` on SQLite, a `_bin` collation on MySQL
 * (for text in the Basic Multilingual Plane; beyond it, UTF-16 and UTF-8
 * orders differ, and rosterkit's ids and keys are ASCII or lower-cased names).
 *
 * @returns a negative number, zero, or a positive number, for `Array.prototype.sort`.
 *
 * @example
 * ```ts
 * import { compareText } from '@rosterkit/core/adapter';
 *
 * ['b', 'B', 'a'].sort(compareText); // ['B', 'a', 'b']: upper case first, as code units order them
 * ```
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Lower-cases text as rosterkit defines "lower-cased" everywhere (the `name`
 * sort's keys, search): JavaScript's `toLowerCase`, which maps every cased
 * letter (`'Ä'` → `'ä'`, `'Σ'` → `'σ'`, `'İ'` → `'i̇'`) whatever the locale.
 * A SQL adapter stores keys made by this function rather than calling its
 * database's `lower()`: SQLite's folds ASCII only, PostgreSQL's depends on the
 * database's locale.
 *
 * @example
 * ```ts
 * import { lowerText } from '@rosterkit/core/adapter';
 *
 * lowerText('Zoë ÅSTRÖM'); // 'zoë åström' (SQLite's lower() would give 'zoë Åström')
 * ```
 */
export function lowerText(text: string): string {
  return text.toLowerCase();
}

/**
 * The text an `accounts.list` `search` looks for: trimmed and lower-cased by
 * {@link lowerText}; `''` (no search) when it is absent or blank.
 *
 * @param search - the query's `search`.
 *
 * @example
 * ```ts
 * import { searchText } from '@rosterkit/core/adapter';
 *
 * searchText('  Ana NG '); // 'ana ng'
 * searchText('   '); // '': every account matches
 * ```
 */
export function searchText(search: string | undefined): string {
  return lowerText(search?.trim() ?? '');
}

/**
 * Whether an account matches a search made by {@link searchText}: the text is
 * a substring of the lower-cased email, first name, last name, or
 * "first last", every character meaning itself. The in-memory meaning of
 * `AccountListQuery.search`.
 *
 * @param account - the account's email and names.
 * @param search - a search from {@link searchText}; `''` matches every account.
 *
 * @example
 * ```ts
 * import { matchesSearch, searchText } from '@rosterkit/core/adapter';
 *
 * const ana = { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' };
 * matchesSearch(ana, searchText('a n')); // true: "ana ng" contains it
 * ```
 */
export function matchesSearch(
  account: { readonly email: string; readonly firstName: string; readonly lastName: string },
  search: string,
): boolean {
  if (search === '') return true;
  return (
    lowerText(account.email).includes(search) ||
    lowerText(account.firstName).includes(search) ||
    lowerText(account.lastName).includes(search) ||
    lowerText(`${account.firstName} ${account.lastName}`).includes(search)
  );
}

/**
 * A SQL `LIKE` pattern that matches values containing `text` literally, for
 * `… LIKE ? ESCAPE '\'`: `%`, `_` and `\` in `text` are escaped, then the
 * pattern is wrapped in `%`. Search keys stored lower-cased (by
 * {@link lowerText}) and a search from {@link searchText} then give exactly
 * {@link matchesSearch}'s answer, on a column compared by code units.
 *
 * @param text - the text to look for (already lower-cased when the column holds lower-cased keys).
 *
 * @example
 * ```ts
 * import { likeContains, searchText } from '@rosterkit/core/adapter';
 *
 * const pattern = likeContains(searchText('50%_off')); // '%50\\%\\_off%'
 * const sql = `SELECT id FROM accounts WHERE name_key LIKE ? ESCAPE '\\'`; // bind `pattern`
 * ```
 */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
