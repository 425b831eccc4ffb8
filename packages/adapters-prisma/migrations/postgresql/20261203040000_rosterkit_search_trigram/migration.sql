-- rosterkit: searches by an index. A search is `LIKE '%term%'` on the
-- accounts' two search keys (emailSearch, nameSearch), which no B-tree can
-- serve; pg_trgm's GIN indexes can, for terms of 3 characters or more (the
-- planner still scans for shorter ones, where trigrams select nothing).
-- Cost: each index is roughly the size of the text it indexes, and every
-- insert or rename of an account updates it (GIN's pending list keeps that
-- cheap, at some read cost until it is merged).
--
-- pg_trgm ships with PostgreSQL's contrib and is a trusted extension
-- (PostgreSQL 13+): the database owner, or any role with CREATE on the
-- database, may create it. When the role running this migration may not,
-- it stops here with the error below, changing nothing: have a superuser
-- run `CREATE EXTENSION pg_trgm;` in this database, then migrate again.
DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm; EXCEPTION WHEN insufficient_privilege THEN RAISE EXCEPTION 'rosterkit migration 20261203040000_rosterkit_search_trigram needs the pg_trgm extension, and role "%" may not create it', current_user USING ERRCODE = 'insufficient_privilege', HINT = 'Have a superuser or the database owner run CREATE EXTENSION pg_trgm; in this database, then apply the migrations again.'; END $$;
CREATE INDEX "rosterkit_accounts_emailSearch_trgm_idx" ON "rosterkit_accounts" USING GIN ("emailSearch" gin_trgm_ops);
CREATE INDEX "rosterkit_accounts_nameSearch_trgm_idx" ON "rosterkit_accounts" USING GIN ("nameSearch" gin_trgm_ops);
