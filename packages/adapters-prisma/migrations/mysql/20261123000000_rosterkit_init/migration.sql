-- rosterkit: the tables of prisma/rosterkit.prisma on MySQL 8 and MariaDB 10.6+.
-- Tables are utf8mb4_bin: code point order and exact comparisons, whatever
-- the server's default collation. No foreign keys: rosterkit deletes rows in
-- its own order, inside its transactions.

CREATE TABLE `rosterkit_organizations` (
    `id` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `plan` VARCHAR(100) NOT NULL,
    `ownerId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `defaultSpaceId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `createdAt` DATETIME(3) NOT NULL,
    `version` INT NOT NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `rosterkit_accounts` (
    `id` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `orgId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `email` VARCHAR(320) COLLATE utf8mb4_bin NOT NULL,
    `firstName` VARCHAR(100) NOT NULL,
    `lastName` VARCHAR(100) NOT NULL,
    `firstNameKey` VARCHAR(100) COLLATE utf8mb4_bin NOT NULL,
    `lastNameKey` VARCHAR(100) COLLATE utf8mb4_bin NOT NULL,
    `nameSearch` VARCHAR(201) COLLATE utf8mb4_bin NOT NULL,
    `status` VARCHAR(16) COLLATE utf8mb4_bin NOT NULL,
    `profileJson` TEXT NOT NULL,
    `lastSeenAt` DATETIME(3),
    `createdAt` DATETIME(3) NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,
    `version` INT NOT NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE UNIQUE INDEX `rosterkit_accounts_orgId_email_key` ON `rosterkit_accounts`(`orgId`, `email`);
CREATE INDEX `rosterkit_accounts_orgId_status_idx` ON `rosterkit_accounts`(`orgId`, `status`);
CREATE INDEX `rosterkit_accounts_orgId_firstNameKey_lastNameKey_id_idx` ON `rosterkit_accounts`(`orgId`, `firstNameKey`, `lastNameKey`, `id`);
CREATE INDEX `rosterkit_accounts_orgId_createdAt_id_idx` ON `rosterkit_accounts`(`orgId`, `createdAt`, `id`);
CREATE INDEX `rosterkit_accounts_orgId_lastSeenAt_id_idx` ON `rosterkit_accounts`(`orgId`, `lastSeenAt`, `id`);

CREATE TABLE `rosterkit_spaces` (
    `id` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `orgId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `name` VARCHAR(200) COLLATE utf8mb4_bin NOT NULL,
    `isDefault` BOOLEAN NOT NULL,
    `createdAt` DATETIME(3) NOT NULL,
    `version` INT NOT NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE INDEX `rosterkit_spaces_orgId_name_idx` ON `rosterkit_spaces`(`orgId`, `name`);

CREATE TABLE `rosterkit_memberships` (
    `id` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `orgId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `accountId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `spaceId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `state` VARCHAR(16) COLLATE utf8mb4_bin NOT NULL,
    `role` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `restrictionsJson` TEXT NOT NULL,
    `groupIdsJson` TEXT NOT NULL,
    `managerId` VARCHAR(64) COLLATE utf8mb4_bin,
    `periodsJson` TEXT NOT NULL,
    `version` INT NOT NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE UNIQUE INDEX `rosterkit_memberships_orgId_accountId_spaceId_key` ON `rosterkit_memberships`(`orgId`, `accountId`, `spaceId`);
CREATE INDEX `rosterkit_memberships_orgId_spaceId_state_role_idx` ON `rosterkit_memberships`(`orgId`, `spaceId`, `state`, `role`);
CREATE INDEX `rosterkit_memberships_orgId_managerId_state_idx` ON `rosterkit_memberships`(`orgId`, `managerId`, `state`);

CREATE TABLE `rosterkit_membership_groups` (
    `membershipId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `groupId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `orgId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (`membershipId`, `groupId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE INDEX `rosterkit_membership_groups_orgId_groupId_idx` ON `rosterkit_membership_groups`(`orgId`, `groupId`);

CREATE TABLE `rosterkit_groups` (
    `id` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `orgId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `spaceId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `name` VARCHAR(200) COLLATE utf8mb4_bin NOT NULL,
    `kind` VARCHAR(64) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL,
    `version` INT NOT NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE INDEX `rosterkit_groups_orgId_spaceId_name_idx` ON `rosterkit_groups`(`orgId`, `spaceId`, `name`);

CREATE TABLE `rosterkit_invitations` (
    `id` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `orgId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `accountId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `spaceId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `email` VARCHAR(320) COLLATE utf8mb4_bin NOT NULL,
    `role` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `groupIdsJson` TEXT NOT NULL,
    `managerId` VARCHAR(64) COLLATE utf8mb4_bin,
    `invitedBy` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `tokenHash` VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
    `status` VARCHAR(16) COLLATE utf8mb4_bin NOT NULL,
    `expiresAt` DATETIME(3) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL,
    `version` INT NOT NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE UNIQUE INDEX `rosterkit_invitations_tokenHash_key` ON `rosterkit_invitations`(`tokenHash`);
CREATE INDEX `rosterkit_invitations_orgId_accountId_createdAt_idx` ON `rosterkit_invitations`(`orgId`, `accountId`, `createdAt`);

CREATE TABLE `rosterkit_audit_events` (
    `id` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `orgId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `actorJson` TEXT,
    `action` VARCHAR(100) NOT NULL,
    `targetType` VARCHAR(32) COLLATE utf8mb4_bin NOT NULL,
    `targetId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `beforeJson` TEXT,
    `afterJson` TEXT,
    `at` DATETIME(3) NOT NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE INDEX `rosterkit_audit_events_orgId_at_id_idx` ON `rosterkit_audit_events`(`orgId`, `at`, `id`);
CREATE INDEX `rosterkit_audit_events_orgId_targetType_targetId_at_id_idx` ON `rosterkit_audit_events`(`orgId`, `targetType`, `targetId`, `at`, `id`);

CREATE TABLE `rosterkit_outbox_messages` (
    `id` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `orgId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `topic` VARCHAR(100) NOT NULL,
    `payloadJson` TEXT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL,
    `deliveredAt` DATETIME(3),
    `attempts` INT NOT NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE INDEX `rosterkit_outbox_messages_deliveredAt_createdAt_id_idx` ON `rosterkit_outbox_messages`(`deliveredAt`, `createdAt`, `id`);
CREATE INDEX `rosterkit_outbox_messages_orgId_idx` ON `rosterkit_outbox_messages`(`orgId`);
