-- rosterkit: searches match `%`, `_` and `\` literally. Prisma's `contains`
-- is a LIKE it does not escape, so the columns a search reads hold keys with
-- those three characters replaced by U+FF30, U+FF35 and U+FF22 (full-width
-- P, U and B, which lower-cased text never contains): a new key for the
-- email, and the name's key rewritten. Stored emails are already lower-cased.
-- The characters are written by code point (chr) so that the file means the
-- same whatever the client's encoding and string settings.
ALTER TABLE "rosterkit_accounts" ADD COLUMN "emailSearch" VARCHAR(320) COLLATE "C" NOT NULL DEFAULT '';
UPDATE "rosterkit_accounts" SET
    "emailSearch" = replace(replace(replace("email", chr(92), chr(65314)), '%', chr(65328)), '_', chr(65333)),
    "nameSearch" = replace(replace(replace("nameSearch", chr(92), chr(65314)), '%', chr(65328)), '_', chr(65333));
ALTER TABLE "rosterkit_accounts" ALTER COLUMN "emailSearch" DROP DEFAULT;
