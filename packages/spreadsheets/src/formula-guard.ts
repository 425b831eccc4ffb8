// CSV injection (formula injection): a cell starting with one of OWASP's
// characters is run as a formula by Excel, LibreOffice or Google Sheets when
// the file is opened (CSV) or the cell is edited (xlsx):
// = + - @ TAB CR, and their full-width forms ＝ ＋ － ＠. Every text cell both
// writers produce goes through guardCell, and every text cell both parsers read
// through unguardCell, so a group named "-2+3+cmd|' /C calc'!A0" is shown as
// text and still read back as that name.

// Apostrophes first: a value that already starts with "'=" gets one more, so
// that removing one on the way back gives the value again. A line feed too,
// beyond OWASP's list: XML (so xlsx) stores a CR as a line feed, and the
// apostrophe before it must still be recognised when the file is read back.
const formulaStart = /^'*[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/u;

/**
 * The text to write in a cell for `text`: behind an apostrophe when it
 * starts like a formula, so a spreadsheet program shows it as text. A lone
 * `-` is left as it is: it is no formula, and it is the update sheet's
 * "clear" value.
 * @internal
 */
export function guardCell(text: string): string {
  return text !== '-' && formulaStart.test(text) ? `'${text}` : text;
}

/**
 * Whether a written cell was guarded by {@link guardCell} (or typed the same
 * way by a person: `'-5` for the text "-5").
 * @internal
 */
export function isGuarded(text: string): boolean {
  return text.startsWith("'") && formulaStart.test(text);
}

/**
 * The value of a cell read from a file: without the apostrophe
 * {@link guardCell} put before a formula start. An apostrophe before
 * anything else is part of the value (`'quoted`).
 * @internal
 */
export function unguardCell(text: string): string {
  return isGuarded(text) ? text.slice(1) : text;
}
