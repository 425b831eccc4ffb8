/** The multi-row INSERTs of `rows` into `table`: at most 1,000 rows and `maxParams` values each. */
export function multiRowInserts(
  table: string,
  rows: readonly Record<string, unknown>[],
  maxParams: number,
  placeholder: (n: number) => string,
): { sql: string; values: unknown[] }[] {
  const columns = Object.keys(rows[0] ?? {});
  const perStatement = Math.min(1000, Math.floor(maxParams / columns.length));
  const statements: { sql: string; values: unknown[] }[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => {
      const marks = columns.map((column) => {
        values.push(row[column]);
        return placeholder(values.length);
      });
      return `(${marks.join(', ')})`;
    });
    statements.push({
      sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`,
      values,
    });
  }
  return statements;
}
