import type { RosterkitProvider } from '../../src/index.js';
import type { TestClient } from './databases.js';

/** One secondary index (or unique constraint) of a table, as the database reports it. */
export interface TableIndex {
  readonly name: string;
  readonly columns: readonly string[];
  readonly unique: boolean;
}

/** The indexes of `table` other than its primary key, by name. */
export async function indexesOf(
  client: TestClient,
  provider: RosterkitProvider,
  table: string,
): Promise<TableIndex[]> {
  type Row = { name: string; column: string; position: unknown; unique: unknown };
  let rows: Row[];
  if (provider === 'postgresql') {
    rows = (await client.$queryRawUnsafe(
      `SELECT i.relname AS name, a.attname AS column, k.n AS position, x.indisunique AS unique
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace s ON s.oid = t.relnamespace AND s.nspname = current_schema()
         CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE t.relname = $1 AND NOT x.indisprimary`,
      table,
    )) as Row[];
  } else if (provider === 'mysql') {
    rows = (await client.$queryRawUnsafe(
      `SELECT INDEX_NAME AS name, COLUMN_NAME AS \`column\`, SEQ_IN_INDEX AS position, NON_UNIQUE = 0 AS \`unique\`
         FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME <> 'PRIMARY'`,
      table,
    )) as Row[];
  } else {
    const lists = (await client.$queryRawUnsafe(
      `SELECT name, "unique" FROM pragma_index_list('${table}') WHERE origin <> 'pk'`,
    )) as { name: string; unique: unknown }[];
    rows = [];
    for (const list of lists) {
      const info = (await client.$queryRawUnsafe(
        `SELECT name AS "column", seqno AS position FROM pragma_index_info('${list.name}')`,
      )) as { column: string; position: unknown }[];
      for (const column of info) rows.push({ ...column, name: list.name, unique: list.unique });
    }
  }
  const byName = new Map<string, { unique: boolean; columns: [number, string][] }>();
  for (const row of rows) {
    const entry = byName.get(row.name) ?? {
      unique: Number(row.unique) === 1 || row.unique === true,
      columns: [],
    };
    entry.columns.push([Number(row.position), row.column]);
    byName.set(row.name, entry);
  }
  return [...byName]
    .map(([name, { unique, columns }]) => ({
      name,
      unique,
      columns: columns.sort((a, b) => a[0] - b[0]).map(([, column]) => column),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * The indexes the schema fragment declares for each table, named as Prisma
 * names them (`{table}_{columns}_idx` / `_key`, or their `map:`).
 */
export function fragmentIndexes(fragment: string): Map<string, TableIndex[]> {
  const tables = new Map<string, TableIndex[]>();
  for (const model of fragment.matchAll(/^model \w+ \{\n([\s\S]*?)^\}/gm)) {
    const body = model[1] ?? '';
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1];
    if (table === undefined) continue;
    const indexes: TableIndex[] = [];
    for (const match of body.matchAll(/@@(index|unique)\(\[([^\]]+)\](?:, map: "([^"]+)")?\)/g)) {
      const columns = (match[2] ?? '').split(',').map((column) => column.trim());
      const unique = match[1] === 'unique';
      const name = match[3] ?? `${table}_${columns.join('_')}_${unique ? 'key' : 'idx'}`;
      indexes.push({ name, columns, unique });
    }
    for (const match of body.matchAll(/^\s+(\w+)\s+\S+.*@unique/gm)) {
      const column = match[1] ?? '';
      indexes.push({ name: `${table}_${column}_key`, columns: [column], unique: true });
    }
    tables.set(
      table,
      indexes.sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
  }
  return tables;
}
