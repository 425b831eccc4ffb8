import type { RosterkitPrismaTransactionClient } from './client.js';

// Batches (bulk import's accounts, invitations, outbox messages and audit
// events) are written as raw INSERTs on the providers rosterkit ships
// migrations for. `createMany` sends one multi-row statement too, but Prisma
// compiles a query plan holding every value first, which costs about five
// times what the database then spends inserting them. A raw statement passes
// the values as parameters, converted by the driver adapter exactly as for
// the model calls (dates in the format the adapter is configured for,
// booleans as the provider stores them). Another provider, or a client that
// does not say which it is, gets `createMany`.
//
// On PostgreSQL a whole batch is one statement with two JSON parameters (the
// rows, and the values they all share), expanded by `json_populate_recordset`
// and `json_populate_record` into the table's own row type, so every column
// gets its declared type without the adapter spelling types. Bound one by one, the values of a bulk batch (about 70,000 for 500 rows)
// cost more in Prisma's and pg's per-parameter handling, and in the server's
// parsing of the VALUES list, than the insert itself. JSON carries what the
// columns hold: text, integers, booleans, null, and dates as ISO-8601 UTC
// strings, which a `TIMESTAMP(3)` column stores as the UTC instant the
// adapter writes for the same Date. On SQLite a batch is one statement per
// table too (its JSON read by `json_each`), but the dates stay bound values:
// how SQLite stores one is the adapter's setting (see `sqlite` below).

/** How to spell a batch INSERT for one provider. @internal */
export interface Dialect {
  /** The statements (SQL and bound values) that insert `rows` into `table`'s `columns`. */
  readonly inserts: (
    table: string,
    columns: readonly string[],
    rows: readonly Record<string, unknown>[],
  ) => { readonly sql: string; readonly values: readonly unknown[] }[];
}

const doubleQuoted = (name: string) => `"${name}"`;

/**
 * Multi-row `INSERT … VALUES (…), (…)`, `placeholder(n)` standing for the
 * n-th value, in as many statements as `maxParams` bound values each allow.
 */
function valuesLists(
  quote: (name: string) => string,
  placeholder: (n: number) => string,
  maxParams: number,
): Dialect {
  return {
    inserts(table, columns, rows) {
      const perStatement = Math.max(1, Math.floor(maxParams / columns.length));
      const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES `;
      const statements: { sql: string; values: unknown[] }[] = [];
      for (let start = 0; start < rows.length; start += perStatement) {
        const values: unknown[] = [];
        const tuples: string[] = [];
        for (const row of rows.slice(start, start + perStatement)) {
          const marks: string[] = [];
          for (const column of columns) {
            values.push(row[column] ?? null);
            marks.push(placeholder(values.length));
          }
          tuples.push(`(${marks.join(', ')})`);
        }
        statements.push({ sql: head + tuples.join(', '), values });
      }
      return statements;
    },
  };
}

/** A value as it goes into the JSON: dates as ISO-8601 UTC (from `iso`, one string per instant). */
function jsonValue(value: unknown, iso: Map<number, string>): unknown {
  if (value === undefined) return null;
  if (!(value instanceof Date)) return value;
  const time = value.getTime();
  let text = iso.get(time);
  if (text === undefined) {
    text = value.toISOString();
    iso.set(time, text);
  }
  return text;
}

/** Whether two column values are the same: dates by instant, anything else by identity. */
const sameValue = (a: unknown, b: unknown): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** The columns whose value is the same in every row (none for a single row). */
function sharedColumns(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): Set<string> {
  const first = rows[0] ?? {};
  return new Set(
    rows.length < 2
      ? []
      : columns.filter((column) => rows.every((row) => sameValue(row[column], first[column]))),
  );
}

/**
 * PostgreSQL: a batch is two JSON parameters (see the top of this file),
 * expanded into the table's row type: `$1`, the rows with the columns that
 * differ between them, by `json_populate_recordset`, and `$2`, once, the
 * columns every row shares (the organization, the command's instant, the
 * actor, the initial status), by `json_populate_record`. A bulk batch's rows
 * share between a third and three quarters of their text, and every
 * character of a parameter is escaped and read back by Prisma, sent, and
 * parsed by the server.
 */
const postgresql: Dialect = {
  inserts(table, columns, rows) {
    const first = rows[0] ?? {};
    const shared = sharedColumns(columns, rows);
    const iso = new Map<number, string>();
    const plain = (row: Record<string, unknown>, which: readonly string[]) => {
      const out: Record<string, unknown> = {};
      for (const column of which) out[column] = jsonValue(row[column], iso);
      return out;
    };
    const varying = columns.filter((column) => !shared.has(column));
    const list = columns.map(doubleQuoted).join(', ');
    const select = columns
      .map((column) => `${shared.has(column) ? 'k' : 'r'}.${doubleQuoted(column)}`)
      .join(', ');
    const type = `NULL::${doubleQuoted(table)}`;
    return [
      {
        sql: `INSERT INTO ${doubleQuoted(table)} (${list}) SELECT ${select} FROM json_populate_recordset(${type}, $1::json) AS r CROSS JOIN json_populate_record(${type}, $2::json) AS k`,
        values: [
          JSON.stringify(rows.map((row) => plain(row, varying))),
          JSON.stringify(plain(first, [...shared])),
        ],
      },
    ];
  },
};

// Bound values per statement: under MySQL's 65,535, and under SQLite's
// historical default of 999 (builds since 3.32 allow 32,766, but the host's
// SQLite may be older or stricter).
const sqliteValues = valuesLists(doubleQuoted, () => '?', 999);

/** A value the JSON of a batch carries as the column holds it: text, a number, a boolean, null. */
const jsonScalar = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

/**
 * SQLite: a batch is one statement per table, its varying columns in one
 * JSON parameter (an array per row, read back by `json_each` and
 * `json_extract`, SQLite's own JSON functions), and the columns every row
 * shares bound once each, through the driver adapter: a bulk batch's dates
 * are all shared (the command's instant), so they are written in the format
 * the adapter is configured for, as the model calls write them. Bound one by
 * one, a batch's values (8 statements of 999 for the 500 accounts of a bulk
 * batch) cost more in Prisma's per-value handling than SQLite spends
 * inserting them. JSON carries text, numbers and booleans as the adapter
 * binds them (a boolean as 1 or 0); a table whose varying columns hold
 * anything else (a date that differs between rows) gets the VALUES lists.
 */
const sqlite: Dialect = {
  inserts(table, columns, rows) {
    const shared = sharedColumns(columns, rows);
    const varying = columns.filter((column) => !shared.has(column));
    if (rows.length < 2 || !rows.every((row) => varying.every((c) => jsonScalar(row[c])))) {
      return sqliteValues.inserts(table, columns, rows);
    }
    const first = rows[0] ?? {};
    const slot = new Map(varying.map((column, i) => [column, i]));
    const select = columns
      .map((column) => {
        const i = slot.get(column);
        return i === undefined ? '?' : `json_extract(r.value, '$[${i}]')`;
      })
      .join(', ');
    return [
      {
        sql: `INSERT INTO ${doubleQuoted(table)} (${columns.map(doubleQuoted).join(', ')}) SELECT ${select} FROM json_each(?) AS r`,
        values: [
          // In the order of the placeholders: the shared columns', then the rows'.
          ...columns.filter((column) => shared.has(column)).map((column) => first[column] ?? null),
          JSON.stringify(rows.map((row) => varying.map((column) => row[column] ?? null))),
        ],
      },
    ];
  },
};

const dialects: Readonly<Record<string, Dialect>> = {
  postgresql,
  mysql: valuesLists(
    (name) => `\`${name}\``,
    () => '?',
    32_766,
  ),
  sqlite,
};

/** The dialect of a Prisma client, from the provider of its generated schema; `undefined` if unknown. @internal */
export function dialectOf(client: object): Dialect | undefined {
  const provider = (client as { readonly _activeProvider?: unknown })._activeProvider;
  return typeof provider === 'string' && Object.hasOwn(dialects, provider)
    ? dialects[provider]
    : undefined;
}

/** The columns of a table, listed once: the type requires every field of the row, and no other. @internal */
export function columnsOf<R extends object>(
  columns: Record<keyof R & string, true>,
): (keyof R & string)[] {
  return Object.keys(columns) as (keyof R & string)[];
}

/** Where a batch of rows goes: the table (as mapped in the fragment) and its columns. @internal */
export interface BatchTable<R extends object> {
  readonly table: string;
  readonly columns: readonly (keyof R & string)[];
}

/**
 * Inserts `rows` into `target` in as few statements as the provider allows
 * (one per table for a bulk batch on PostgreSQL), in the transaction of `db`.
 * @internal
 */
export async function insertRows<R extends object>(
  db: RosterkitPrismaTransactionClient,
  dialect: Dialect,
  target: BatchTable<R>,
  rows: readonly R[],
): Promise<void> {
  if (rows.length === 0) return;
  const statements = dialect.inserts(
    target.table,
    target.columns,
    rows as readonly Record<string, unknown>[],
  );
  for (const { sql, values } of statements) await db.$executeRawUnsafe(sql, ...values);
}
