import type { RosterkitPrismaTransactionClient } from './client.js';

// Batches (bulk import's accounts, invitations, outbox messages and audit
// events) are written as raw multi-row INSERTs on the providers rosterkit
// ships migrations for. `createMany` sends the same one statement, but Prisma
// compiles a query plan holding every value first, which costs about five
// times what the database then spends inserting them; a raw statement passes
// the values as parameters, and the driver adapter converts them exactly as
// it does for the model calls (dates in the format the adapter is configured
// for, booleans as the provider stores them). Another provider, or a client
// that does not say which it is, gets `createMany`.

/** How to spell a multi-row INSERT for one provider. @internal */
export interface Dialect {
  readonly quote: (name: string) => string;
  readonly placeholder: (n: number) => string;
  /**
   * Bound values per statement: under PostgreSQL's and MySQL's 65,535, and
   * SQLite's historical default of 999 (builds since 3.32 allow 32,766, but
   * the host's SQLite may be older or stricter).
   */
  readonly maxParams: number;
}

const doubleQuoted = (name: string) => `"${name}"`;
const dialects: Readonly<Record<string, Dialect>> = {
  postgresql: { quote: doubleQuoted, placeholder: (n) => `$${n}`, maxParams: 32_766 },
  mysql: { quote: (name) => `\`${name}\``, placeholder: () => '?', maxParams: 32_766 },
  sqlite: { quote: doubleQuoted, placeholder: () => '?', maxParams: 999 },
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
 * Inserts `rows` into `target` with as few multi-row INSERTs as the
 * provider's bound-value limit allows (one for a bulk batch of 500 accounts
 * on PostgreSQL), in the transaction of `db`.
 * @internal
 */
export async function insertRows<R extends object>(
  db: RosterkitPrismaTransactionClient,
  dialect: Dialect,
  target: BatchTable<R>,
  rows: readonly R[],
): Promise<void> {
  const { table, columns } = target;
  const perStatement = Math.max(1, Math.floor(dialect.maxParams / columns.length));
  const head = `INSERT INTO ${dialect.quote(table)} (${columns.map(dialect.quote).join(', ')}) VALUES `;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const marks: string[] = [];
      for (const column of columns) {
        values.push(row[column] ?? null);
        marks.push(dialect.placeholder(values.length));
      }
      tuples.push(`(${marks.join(', ')})`);
    }
    await db.$executeRawUnsafe(head + tuples.join(', '), ...values);
  }
}
