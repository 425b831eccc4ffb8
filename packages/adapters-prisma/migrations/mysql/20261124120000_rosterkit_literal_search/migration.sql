-- rosterkit: searches match `%`, `_` and `\` literally. Prisma's `contains`
-- is a LIKE it does not escape, so the columns a search reads hold keys with
-- those three characters replaced by U+FF30, U+FF35 and U+FF22 (full-width
-- P, U and B, which lower-cased text never contains): a new key for the
-- email, and the name's key rewritten. Stored emails are already lower-cased.
-- The characters are written as UTF-8 bytes (CHAR … USING) so that the file
-- means the same whatever the client's character set and sql_mode
-- (NO_BACKSLASH_ESCAPES).
ALTER TABLE `rosterkit_accounts` ADD COLUMN `emailSearch` VARCHAR(320) COLLATE utf8mb4_bin NOT NULL DEFAULT '';
UPDATE `rosterkit_accounts` SET
    `emailSearch` = REPLACE(REPLACE(REPLACE(`email`,
        CHAR(0x5C USING utf8mb4) COLLATE utf8mb4_bin, CHAR(0xEFBCA2 USING utf8mb4) COLLATE utf8mb4_bin),
        CHAR(0x25 USING utf8mb4) COLLATE utf8mb4_bin, CHAR(0xEFBCB0 USING utf8mb4) COLLATE utf8mb4_bin),
        CHAR(0x5F USING utf8mb4) COLLATE utf8mb4_bin, CHAR(0xEFBCB5 USING utf8mb4) COLLATE utf8mb4_bin),
    `nameSearch` = REPLACE(REPLACE(REPLACE(`nameSearch`,
        CHAR(0x5C USING utf8mb4) COLLATE utf8mb4_bin, CHAR(0xEFBCA2 USING utf8mb4) COLLATE utf8mb4_bin),
        CHAR(0x25 USING utf8mb4) COLLATE utf8mb4_bin, CHAR(0xEFBCB0 USING utf8mb4) COLLATE utf8mb4_bin),
        CHAR(0x5F USING utf8mb4) COLLATE utf8mb4_bin, CHAR(0xEFBCB5 USING utf8mb4) COLLATE utf8mb4_bin);
ALTER TABLE `rosterkit_accounts` ALTER COLUMN `emailSearch` DROP DEFAULT;
