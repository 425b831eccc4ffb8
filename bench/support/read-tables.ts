import Database from 'better-sqlite3';
import pg from 'pg';

/** Every row of each table, by table name, ordered by id. */
export type TableRows = Record<string, Record<string, unknown>[]>;

/** Every row of `tables` in the PostgreSQL database at `url`, read through `pg`. */
export async function postgresTables(url: string, tables: readonly string[]): Promise<TableRows> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows: TableRows = {};
    for (const table of tables) {
      rows[table] = (await client.query(`SELECT * FROM "${table}" ORDER BY "id"`)).rows;
    }
    return rows;
  } finally {
    await client.end();
  }
}

/** Every row of `tables` in the SQLite file at `path`, read through `better-sqlite3`. */
export function sqliteTables(path: string, tables: readonly string[]): TableRows {
  const db = new Database(path, { readonly: true });
  try {
    const rows: TableRows = {};
    for (const table of tables) {
      rows[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY "id"`).all() as Record<
        string,
        unknown
      >[];
    }
    return rows;
  } finally {
    db.close();
  }
}
