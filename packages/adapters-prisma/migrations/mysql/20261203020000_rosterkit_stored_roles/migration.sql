-- rosterkit: the roles an organization stores at run time (defineRole), on
-- MySQL / MariaDB. A role's name is unique in its organization; listings go
-- by rank (highest first) then name, so that order has its index. A new
-- table: no existing row changes.

CREATE TABLE `rosterkit_roles` (
    `id` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `orgId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `name` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `label` VARCHAR(100) NOT NULL,
    `description` VARCHAR(500) NOT NULL,
    `rank` INT NOT NULL,
    `permissionsJson` TEXT NOT NULL,
    `scope` VARCHAR(16) COLLATE utf8mb4_bin NOT NULL,
    `restrictionsJson` TEXT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,
    `version` INT NOT NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE UNIQUE INDEX `rosterkit_roles_orgId_name_key` ON `rosterkit_roles`(`orgId`, `name`);
CREATE INDEX `rosterkit_roles_orgId_rank_name_idx` ON `rosterkit_roles`(`orgId`, `rank`, `name`);
