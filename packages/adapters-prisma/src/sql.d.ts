// The SQL migrations are bundled as text (tsup's `text` loader; a plugin in
// vitest.config.ts does the same under test).
declare module '*.sql' {
  const sql: string;
  export default sql;
}
