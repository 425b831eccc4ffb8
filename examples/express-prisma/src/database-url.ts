/** The example's database: DATABASE_URL, or a local PostgreSQL's `rosterkit_example`. */
export const databaseUrl =
  process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/rosterkit_example';
