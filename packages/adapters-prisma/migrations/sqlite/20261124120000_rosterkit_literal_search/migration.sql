-- rosterkit: searches match `%`, `_` and `\` literally. Prisma's `contains`
-- is a LIKE it does not escape (and SQLite's LIKE has no escape character),
-- so the columns a search reads hold keys with those three characters
-- replaced by U+FF30, U+FF35 and U+FF22 (full-width P, U and B, which
-- lower-cased text never contains): a new key for the email, and the name's
-- key rewritten. Stored emails are already lower-cased. SQLite cannot drop a
-- column's default without rebuilding the table, so `emailSearch` keeps the
-- empty default; rosterkit always writes it.
ALTER TABLE "rosterkit_accounts" ADD COLUMN "emailSearch" TEXT NOT NULL DEFAULT '';
UPDATE "rosterkit_accounts" SET
    "emailSearch" = replace(replace(replace("email", char(92), char(65314)), '%', char(65328)), '_', char(65333)),
    "nameSearch" = replace(replace(replace("nameSearch", char(92), char(65314)), '%', char(65328)), '_', char(65333));
