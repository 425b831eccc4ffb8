-- rosterkit: invitations carry restrictions, and are listed, on MySQL and
-- MariaDB. Each invitation gets the restrictions it grants (existing rows:
-- none), as JSON text like its groups (added nullable, filled, then made
-- NOT NULL: a TEXT column takes no literal default on MySQL). The invitation
-- list (newest first, of the organization or of one space) gets its
-- indexes. A declined invitation is one more value of the `status` text.

ALTER TABLE `rosterkit_invitations` ADD COLUMN `restrictionsJson` TEXT NULL;
UPDATE `rosterkit_invitations` SET `restrictionsJson` = '[]';
ALTER TABLE `rosterkit_invitations` MODIFY `restrictionsJson` TEXT NOT NULL;
CREATE INDEX `rosterkit_invitations_orgId_createdAt_id_idx` ON `rosterkit_invitations`(`orgId`, `createdAt`, `id`);
CREATE INDEX `rosterkit_invitations_orgId_spaceId_createdAt_id_idx` ON `rosterkit_invitations`(`orgId`, `spaceId`, `createdAt`, `id`);
